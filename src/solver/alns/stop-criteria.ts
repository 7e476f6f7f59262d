/**
 * When the search stops: at the time limit (measured with the injected clock) or at the
 * iteration limit, whichever comes first. Without either, a small iteration budget keeps
 * `solve()` quick by default.
 */
export const DEFAULT_MAX_ITERATIONS = 300;

export class StopCriteria {
  private readonly startMs: number;
  private readonly limitMs: number;
  readonly maxIterations: number;

  constructor(
    private readonly now: (() => number) | undefined,
    timeLimitSec: number | undefined,
    maxIterations: number | undefined,
  ) {
    const hasTime = timeLimitSec !== undefined && now !== undefined;
    this.limitMs = hasTime ? Math.max(0, timeLimitSec * 1000) : Infinity;
    this.maxIterations = maxIterations ?? (hasTime ? Infinity : DEFAULT_MAX_ITERATIONS);
    this.startMs = now ? now() : 0;
  }

  elapsedMs(): number {
    return this.now ? this.now() - this.startMs : 0;
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
