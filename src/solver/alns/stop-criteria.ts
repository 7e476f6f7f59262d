/**
 * When the search stops: at the time limit (measured with the injected clock) or at the
 * iteration limit, whichever comes first. Without either, a small iteration budget keeps
 * `solve()` quick by default.
 */
export const DEFAULT_MAX_ITERATIONS = 300;

/**
 * Aimed-at time between two readings of the clock. The search asks for the time about four times
 * an iteration, and a small instance runs 4,000 iterations a second; the bench's CPU clock
 * (process.cpuUsage, 3–20 µs a reading) then took 12 % of the budget (Cordeau a8-96: 35,300
 * iterations in 10 s against 40,000 with the wall clock). Between readings the last one stands,
 * so the search overruns its limit by about this much at most.
 */
const READ_INTERVAL_MS = 0.5;
/** Most calls answered from the last reading, whatever the clock says (a clock that stands still). */
const MAX_STRIDE = 64;

export class StopCriteria {
  private readonly startMs: number;
  private readonly limitMs: number;
  readonly maxIterations: number;
  /** Clock readings are taken every `stride` calls, adapted so they come about READ_INTERVAL_MS apart. */
  private stride = 1;
  private callsSinceReading = 0;
  private lastReadingMs: number;

  constructor(
    private readonly now: (() => number) | undefined,
    timeLimitSec: number | undefined,
    maxIterations: number | undefined,
  ) {
    const hasTime = timeLimitSec !== undefined && now !== undefined;
    this.limitMs = hasTime ? Math.max(0, timeLimitSec * 1000) : Infinity;
    this.maxIterations = maxIterations ?? (hasTime ? Infinity : DEFAULT_MAX_ITERATIONS);
    this.startMs = now ? now() : 0;
    this.lastReadingMs = this.startMs;
  }

  elapsedMs(): number {
    if (!this.now) return 0;
    if (++this.callsSinceReading >= this.stride) {
      this.callsSinceReading = 0;
      const reading = this.now();
      const gap = reading - this.lastReadingMs;
      if (gap < READ_INTERVAL_MS / 2 && this.stride < MAX_STRIDE) this.stride *= 2;
      else if (gap > READ_INTERVAL_MS * 2 && this.stride > 1) this.stride >>= 1;
      this.lastReadingMs = reading;
    }
    return this.lastReadingMs - this.startMs;
  }

  /** Share of the budget used, 0..1: the larger of the time and iteration shares. */
  fraction(iteration: number): number {
    const byTime = this.limitMs === Infinity ? 0 : this.elapsedMs() / Math.max(this.limitMs, 1e-9);
    const byIterations = this.maxIterations === Infinity ? 0 : iteration / Math.max(this.maxIterations, 1);
    return Math.min(1, Math.max(byTime, byIterations));
  }

  shouldStop(iteration: number): boolean {
    return iteration >= this.maxIterations || this.elapsedMs() >= this.limitMs;
  }
}
