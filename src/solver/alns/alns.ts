import { maxFiniteCost, type Problem } from '../model/problem.js';
import type { SolveProgress } from '../model/solution.js';
import type { DestroyOperator, RepairOperator } from '../operators/operator.js';
import type { SolutionState } from '../route/solution-state.js';
import { SimulatedAnnealing } from './acceptance.js';
import { OperatorWeights, SCORE_ACCEPTED, SCORE_BETTER, SCORE_NEW_BEST, SEGMENT_LENGTH } from './operator-weights.js';
import type { Rng } from './rng.js';
import type { StopCriteria } from './stop-criteria.js';
import { localSearch } from '../operators/local/local-search.js';
import { isLargeInstance } from './instance-size.js';

/** Noise on insertion costs, as a share of the largest finite cost-matrix entry (Ropke & Pisinger: η = 0.025). */
const NOISE_SHARE = 0.025;
/** Share of the requests removed at most per iteration (ξ = 0.4), capped at MAX_REMOVED. */
const MAX_REMOVED_SHARE = 0.4;
const MAX_REMOVED = 100;
/**
 * The cap above LARGE_INSTANCE_REQUESTS, where string removal works alone: a repair costs about
 * (removed × routes) insertion tests, so small removals buy many more iterations. Regional day 1,
 * 60 s of CPU: 30 gave a mean of 929,300 over seeds 1–4 and 15 was less steady (D36).
 */
const LARGE_MAX_REMOVED = 30;
/**
 * Simulated annealing starts each cooling cycle by accepting a solution this much worse than the
 * start (relative to its routing cost) with probability 1/2. Ropke & Pisinger use 5 % over one
 * 25,000-iteration cooling; our budgets allow a few thousand iterations on large instances.
 * Measured on Cordeau a6-72…a8-96 and Li & Lim lr203/lrc201: 1–5 % are within noise of each other,
 * while a single cycle sometimes freezes in a poor optimum (lr203 +17 %), hence three reheats.
 */
const START_WORSE = 0.03;
/**
 * Where each cooling ends, as a share of its start temperature. At 0.002 a regional day's last
 * minutes still accepted a plan 80 s of driving worse with probability 1/e, so its tens of
 * thousands of small string moves never settled; at 0.0003 the end is about 12 s (regional day 1,
 * 60 s of CPU, seeds 1–16: mean 913,372 against 921,811, D38). The small instances' three coolings
 * end as cold since D66 (with string removal among their destroys: Cordeau's eight largest
 * a-instances, seeds 1–6, mean gap 0.405 % against 0.515 %).
 */
const END_RATIO = 0.0003;
/**
 * Above LARGE_INSTANCE_REQUESTS, a search that starts from a plan (a re-plan from the previous one,
 * a re-solve from its own last round) starts ten times cooler: at 3 % it first walks away from the
 * plan it was given and spends the budget finding its way back. Regional day 1, a 60 s plan then
 * 60 s more from it, solver seeds 1–8: see D41.
 */
export const FROM_PLAN_START_WORSE = 0.003;
/** Cooling cycles per phase up to LARGE_INSTANCE_REQUESTS (instance-size.ts); each restarts from the best solution. */
const CYCLES = 3;
/** Candidates within this share of the best cost get a relocate local search (about one repair's cost); 3 % measured better than 1 % on a6-72…a8-96. */
const LOCAL_SEARCH_WINDOW = 0.03;
/** Relative improvement that counts as better (guards against floating-point ties). */
const IMPROVEMENT_EPS = 1e-9;
/** Least time between progress reports. */
const PROGRESS_INTERVAL_MS = 100;

export interface AlnsSettings {
  readonly rng: Rng;
  readonly stop: StopCriteria;
  readonly destroys: readonly DestroyOperator[];
  readonly repairs: readonly RepairOperator[];
  readonly onProgress?: ((progress: SolveProgress) => void) | undefined;
  /** Whether a clock is available (progress is then paced by time, else by iterations). */
  readonly hasClock: boolean;
  /** The search starts from a given plan (SolveOptions.initialRoutes): see FROM_PLAN_START_WORSE. */
  readonly fromPlan?: boolean;
}

/**
 * Adaptive large neighbourhood search (Ropke & Pisinger 2006): each iteration destroys part of
 * the current solution and repairs it with operators chosen by adaptive weights, then accepts the
 * result by simulated annealing. Repairs run with or without noise, each a separate weighted arm.
 * One Alns object runs several phases (vehicle minimisation, then cost) over one shared budget.
 */
export class Alns {
  iteration = 0;
  private readonly destroyWeights: OperatorWeights;
  private readonly repairWeights: OperatorWeights;
  private lastReportMs = -Infinity;
  private lastReportIteration = 0;
  /** Best cost seen in any phase, for progress reports. */
  bestCost = Infinity;
  bestUnassigned = 0;

  constructor(private readonly settings: AlnsSettings) {
    this.destroyWeights = new OperatorWeights(settings.destroys.length);
    // Arm 2k is repair k without noise, arm 2k + 1 the same repair with noise.
    this.repairWeights = new OperatorWeights(settings.repairs.length * 2);
  }

  fraction(): number {
    return this.settings.stop.fraction(this.iteration);
  }

  isOver(): boolean {
    return this.settings.stop.shouldStop(this.iteration);
  }

  /** Records a solution as a candidate for the progress report's best. */
  noteBest(state: SolutionState, cost = state.cost()): void {
    if (cost < this.bestCost) {
      this.bestCost = cost;
      this.bestUnassigned = state.unassignedCount;
    }
  }

  report(force = false): void {
    const { onProgress, stop, hasClock } = this.settings;
    if (!onProgress) return;
    if (!force) {
      if (hasClock) {
        const now = stop.elapsedMs();
        if (now - this.lastReportMs < PROGRESS_INTERVAL_MS) return;
        this.lastReportMs = now;
      } else {
        const every = stop.maxIterations === Infinity ? 1000 : Math.max(1, Math.ceil(stop.maxIterations / 10));
        if (this.iteration - this.lastReportIteration < every) return;
      }
    }
    this.lastReportIteration = this.iteration;
    onProgress({
      iteration: this.iteration,
      elapsedSec: stop.elapsedMs() / 1000,
      bestCost: this.bestCost,
      bestUnassigned: this.bestUnassigned,
      fraction: this.fraction(),
    });
  }

  /**
   * Searches from `start` until the budget reaches `endFraction` (or `isGoal(best)` holds) and
   * returns the best solution found. `start` is not modified.
   */
  run(start: SolutionState, endFraction: number, isGoal?: (best: SolutionState) => boolean): SolutionState {
    const { rng, destroys, repairs } = this.settings;
    const p = start.problem;
    let current = start.clone();
    let candidate = start.clone();
    const best = start.clone();
    let currentCost = current.cost();
    let bestCost = currentCost;
    this.noteBest(best, bestCost);
    const startFraction = this.fraction();
    const span = Math.max(endFraction - startFraction, 1e-9);
    const noise = NOISE_SHARE * maxFiniteCost(p);
    const removable = start.removable().length + start.bank().length;
    // Up to LARGE_INSTANCE_REQUESTS iterations are plentiful: three cooling cycles, and a relocate
    // local search over all requests on promising candidates. Above it every iteration counts (D33,
    // D36, D38): small removals, one long cooling (three short ones left the 60 s plan 1.5 % dearer),
    // and no local search (a descent over the re-inserted requests only cost a
    // fifth of the iterations and left the plan 0.6 % dearer).
    const isLarge = isLargeInstance(p);
    const acceptance = annealingFor(p, start.routingCost(), this.settings.fromPlan ?? false);
    const maxRemoved = Math.max(1, Math.min(isLarge ? LARGE_MAX_REMOVED : MAX_REMOVED, Math.round(MAX_REMOVED_SHARE * removable)));
    const minRemoved = Math.min(4, maxRemoved);
    const withLocalSearch = !isLarge;
    const cycles = isLarge ? 1 : CYCLES;

    let lastCycle = 0;
    while (!this.isOver() && this.fraction() < endFraction && !(isGoal && isGoal(best))) {
      candidate.copyFrom(current);
      const d = this.destroyWeights.select(rng);
      const arm = this.repairWeights.select(rng);
      const count = minRemoved + rng.nextInt(maxRemoved - minRemoved + 1);
      destroys[d]!.apply(candidate, rng, count);
      repairs[arm >> 1]!.apply(candidate, rng, (arm & 1) === 1 ? noise : 0);
      let cost = candidate.cost();
      // Intensify around promising candidates only.
      if (withLocalSearch && cost < bestCost * (1 + LOCAL_SEARCH_WINDOW)) {
        localSearch(candidate, rng, 3);
        cost = candidate.cost();
      }
      let score = 0;
      const progress = Math.min(1, (this.fraction() - startFraction) / span);
      const cycle = Math.min(cycles - 1, Math.floor(progress * cycles));
      const local = progress * cycles - cycle;
      if (cycle !== lastCycle) {
        // Reheat: each cooling cycle restarts from the best solution.
        lastCycle = cycle;
        current.copyFrom(best);
        currentCost = bestCost;
      }
      if (cost < bestCost - IMPROVEMENT_EPS * Math.abs(bestCost)) {
        best.copyFrom(candidate);
        bestCost = cost;
        this.noteBest(best, cost);
        score = SCORE_NEW_BEST;
      } else if (cost < currentCost - IMPROVEMENT_EPS * Math.abs(currentCost)) {
        score = SCORE_BETTER;
      } else if (cost > currentCost + IMPROVEMENT_EPS * Math.abs(currentCost) && acceptance.accepts(cost, currentCost, local, rng)) {
        score = SCORE_ACCEPTED;
      }
      if (score > 0 || cost <= currentCost) {
        const previous = current;
        current = candidate;
        candidate = previous;
        currentCost = cost;
      }
      this.destroyWeights.reward(d, score);
      this.repairWeights.reward(arm, score);
      this.iteration++;
      if (this.iteration % SEGMENT_LENGTH === 0) {
        this.destroyWeights.endSegment();
        this.repairWeights.endSegment();
      }
      this.report();
    }
    return best;
  }
}

/**
 * The acceptance of one run starting from a plan of this routing cost. Above LARGE_INSTANCE_REQUESTS
 * it starts cooler when the solve was given a plan to start from.
 */
export function annealingFor(p: Problem, routingCost: number, fromPlan = false): SimulatedAnnealing {
  const startWorse = isLargeInstance(p) && fromPlan ? FROM_PLAN_START_WORSE : START_WORSE;
  return new SimulatedAnnealing(routingCost, startWorse, END_RATIO);
}
