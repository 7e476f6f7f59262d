import type { Instance } from './model/instance.js';
import type { Solution, SolveOptions } from './model/solution.js';
import { buildProblem } from './model/problem.js';
import { SolutionState } from './route/solution-state.js';
import { placeLockedStops } from './route/place-locked-stops.js';
import { insertByRegret } from './operators/repair/regret-insertion.js';
import { toSolution } from './route/to-solution.js';

export type * from './model/instance.js';
export type * from './model/solution.js';

/**
 * Plans routes for the instance. Synchronous and deterministic for a given seed; never throws for
 * requests that cannot be served (they come back in `unassigned` with a reason), only for
 * malformed instances. Every returned route is feasible.
 */
export function solve(instance: Instance, options: SolveOptions = {}): Solution {
  void options;
  const problem = buildProblem(instance);
  const state = new SolutionState(problem);
  placeLockedStops(state);
  insertByRegret(state, 3, null, 0);
  return toSolution(state);
}
