import type { SolutionState } from '../route/solution-state.js';
import type { Alns } from './alns.js';

/**
 * Whether one vehicle less beats any saving in travel (Li & Lim's vehicles-first objective): every
 * vehicle's fixed cost exceeds the whole plan's routing cost. Only then is a phase that does nothing
 * but empty routes worth its budget. A moderate fixed cost (the regional day's 30 min per vehicle)
 * is one term of the cost among others, traded off by the main search and its route removal;
 * measured there, the fleet phase spent half of a 60 s budget and saved no vehicle (DECISIONS D32).
 */
export function isVehiclesFirst(state: SolutionState): boolean {
  const routing = state.routingCost();
  return state.problem.fixedCost.every((c) => c > routing);
}

/** Attempts per phase share: each attempt to drop a route gets this share of the phase budget. */
const ATTEMPT_SHARE = 0.25;

/**
 * Fleet-size reduction for objectives where vehicles dominate (Li & Lim: vehicles first, expressed
 * as a large fixed cost per vehicle). Repeatedly empties one route into the request bank and lets
 * the ALNS place its requests on the remaining routes only (no new vehicle may start). An attempt
 * succeeds when every request is served again, and the next attempt starts from that solution;
 * a failed attempt moves on to the next shortest route. Returns the best solution found.
 */
export function minimiseVehicles(alns: Alns, start: SolutionState, endFraction: number): SolutionState {
  let best = start.clone();
  let bestCost = best.cost();
  const startFraction = alns.fraction();
  const attemptSpan = Math.max((endFraction - startFraction) * ATTEMPT_SHARE, 1e-6);
  let skip = 0;
  while (!alns.isOver() && alns.fraction() < endFraction) {
    const removable = routesByMovableRequests(best);
    if (removable.length <= 1 || skip >= removable.length) break;
    const victim = removable[skip]!;
    const trial = best.clone();
    for (let r = 0; r < trial.routeOf.length; r++) if (trial.routeOf[r] === victim) trial.remove(r);
    // Only the routes still in use may take the bank's requests.
    for (let v = 0; v < trial.routes.length; v++) trial.isEnabled[v] = trial.routes[v]!.isEmpty ? 0 : 1;
    const target = best.unassignedCount;
    const attemptEnd = Math.min(endFraction, alns.fraction() + attemptSpan);
    const result = alns.run(trial, attemptEnd, (s) => s.unassignedCount <= target);
    result.isEnabled.fill(1);
    const cost = result.cost();
    if (result.unassignedCount <= target && cost < bestCost) {
      best = result;
      bestCost = cost;
      alns.noteBest(best, cost);
      skip = 0;
    } else {
      skip++;
    }
  }
  best.isEnabled.fill(1);
  return best;
}

/** Used vehicles whose routes can be emptied, fewest movable requests first. */
function routesByMovableRequests(state: SolutionState): number[] {
  /** Index = vehicle: its requests that may move; −1 when it holds a fixed request. */
  const movable = new Int32Array(state.routes.length);
  for (let r = 0; r < state.routeOf.length; r++) {
    const v = state.routeOf[r]!;
    if (v === -1) continue;
    if (state.isFixed[r]) movable[v] = -1;
    else if (movable[v]! >= 0) movable[v] = movable[v]! + 1;
  }
  const used: number[] = [];
  for (let v = 0; v < state.routes.length; v++) if (movable[v]! > 0) used.push(v);
  return used.sort((a, b) => movable[a]! - movable[b]! || a - b);
}
