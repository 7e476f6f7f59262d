import type { Instance } from './model/instance.js';
import type { Solution, SolveOptions } from './model/solution.js';
import { buildProblem } from './model/problem.js';
import { SolutionState } from './route/solution-state.js';
import { placeLockedStops } from './route/place-locked-stops.js';
import { placeInitialRoutes } from './route/place-initial-routes.js';
import { insertByRegret } from './operators/repair/regret-insertion.js';
import { toSolution } from './route/to-solution.js';
import { Alns } from './alns/alns.js';
import { destroyOperatorsFor, defaultRepairOperators } from './alns/index.js';
import { Rng } from './alns/rng.js';
import { StopCriteria } from './alns/stop-criteria.js';
import { isVehiclesFirst, minimiseVehicles } from './alns/vehicle-minimisation.js';
import { serveBank } from './alns/serve-bank.js';
import { ejectionSearch } from './alns/ejection-search.js';

export type * from './model/instance.js';
export type * from './model/solution.js';

/** Share of the budget given to fleet-size reduction when vehicles come first (isVehiclesFirst). */
const VEHICLE_PHASE_SHARE = 0.5;
/** Share of the budget that the ejection search for the requests left waiting by construction may use at most. */
const EJECTION_PHASE_SHARE = 0.8;
/** Share of the budget by which the focused search (serveBank) for any still waiting ends. */
const SERVE_PHASE_SHARE = 0.9;

/**
 * Plans routes for the instance: regret insertion builds a first plan (completing `initialRoutes`
 * when given), an ejection search places the requests it left waiting (ejectionSearch; serveBank
 * takes up any it could not), then adaptive large neighbourhood search improves it (after a
 * fleet-reduction phase when vehicles have a fixed cost and nobody servable waits).
 * Synchronous and deterministic for a given seed (and, with a time limit, for a given clock);
 * stops at `timeLimitSec` (measured with `now`) or `maxIterations`, whichever comes first, and
 * by default after a small iteration budget.
 *
 * Never throws for requests that cannot be served (they come back in `unassigned` with a reason),
 * only for malformed instances (or a malformed `initialRoutes`). Every returned route is feasible.
 */
export function solve(instance: Instance, options: SolveOptions = {}): Solution {
  const problem = buildProblem(instance);
  const stop = new StopCriteria(options.now, options.timeLimitSec, options.maxIterations);
  const rng = new Rng(options.seed ?? 1);
  const state = new SolutionState(problem);
  placeLockedStops(state);
  if (options.initialRoutes) placeInitialRoutes(state, options.initialRoutes);
  insertByRegret(state, 3, null, 0);
  const alns = new Alns({
    rng,
    stop,
    destroys: destroyOperatorsFor(problem),
    repairs: defaultRepairOperators,
    onProgress: options.onProgress,
    hasClock: options.now !== undefined,
    fromPlan: options.initialRoutes !== undefined && options.initialRoutes.length > 0,
  });
  alns.noteBest(state);
  alns.report(true);
  let best: SolutionState = state;
  if (state.removable().length > 0) {
    // Serving waiting requests comes first (their penalties dwarf everything else). The fleet
    // phase runs only when vehicles come first and every request that any vehicle could serve
    // is served: otherwise the main search goes on placing the waiting ones.
    best = ejectionSearch(alns, rng, best, EJECTION_PHASE_SHARE);
    best = serveBank(alns, rng, best, SERVE_PHASE_SHARE);
    const waitingServable = best.waitingServable().length > 0;
    if (isVehiclesFirst(best) && !waitingServable && best.usedVehicles() > 1) {
      best = minimiseVehicles(alns, best, VEHICLE_PHASE_SHARE);
    }
    best = alns.run(best, 1);
  }
  alns.report(true);
  return toSolution(best);
}
