import type { Rng } from '../alns/rng.js';
import type { SolutionState } from '../route/solution-state.js';

/** Removes about `count` requests from the solution into the request bank. */
export interface DestroyOperator {
  readonly name: string;
  apply(state: SolutionState, rng: Rng, count: number): void;
}

/**
 * Inserts requests from the bank into routes. `noise` is the largest absolute perturbation added
 * to insertion costs (0 = none), which diversifies the search (Ropke & Pisinger 2006).
 */
export interface RepairOperator {
  readonly name: string;
  apply(state: SolutionState, rng: Rng, noise: number): void;
}
