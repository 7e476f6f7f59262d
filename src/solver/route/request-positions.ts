import type { SolutionState } from './solution-state.js';

/**
 * Where each served request sits: fills pickupPos[r] and dropoffPos[r] (positions in its
 * vehicle's route, state.routeOf[r]) for every served request; −1 for unassigned ones.
 */
export function locateRequests(state: SolutionState, pickupPos: Int32Array, dropoffPos: Int32Array): void {
  pickupPos.fill(-1);
  dropoffPos.fill(-1);
  for (const route of state.routes) {
    for (let i = 1; i <= route.stopCount; i++) {
      const node = route.nodes[i]!;
      if ((node & 1) === 0) pickupPos[node >> 1] = i;
      else dropoffPos[node >> 1] = i;
    }
  }
}

/**
 * Objective saved by taking each served request out of its route (fixed cost included when it is
 * the route's only request): gains[r] for served requests, −Infinity for the others. Also fills
 * pickupPos and dropoffPos as locateRequests does.
 */
export function computeRemovalGains(state: SolutionState, pickupPos: Int32Array, dropoffPos: Int32Array, gains: Float64Array): void {
  pickupPos.fill(-1);
  dropoffPos.fill(-1);
  gains.fill(-Infinity);
  for (let v = 0; v < state.routes.length; v++) updateRouteRemovalGains(state, v, pickupPos, dropoffPos, gains);
}

/**
 * Brings positions and gains up to date for the requests of route v alone, after a change to that
 * route: removing or inserting a request changes no other route's savings, so the searches update
 * one or two routes instead of the whole solution (on the regional day, 1,000 requests against a
 * route's 15 or so). A request that left the route is the caller's to mark (gains −Infinity).
 */
export function updateRouteRemovalGains(
  state: SolutionState,
  v: number,
  pickupPos: Int32Array,
  dropoffPos: Int32Array,
  gains: Float64Array,
): void {
  const p = state.problem;
  const { cost, size } = p;
  const route = state.routes[v]!;
  for (let i = 1; i <= route.stopCount; i++) {
    const node = route.nodes[i]!;
    if ((node & 1) === 0) pickupPos[node >> 1] = i;
    else dropoffPos[node >> 1] = i;
  }
  for (let i = 1; i <= route.stopCount; i++) {
    const node = route.nodes[i]!;
    if ((node & 1) !== 0) continue;
    const r = node >> 1;
    const a = i;
    const b = dropoffPos[r]!;
    const la = route.locationAt(a);
    const lb = route.locationAt(b);
    const beforeA = route.locationAt(a - 1);
    const afterB = route.locationAt(b + 1);
    let gain: number;
    if (b === a + 1) {
      gain = cost[beforeA * size + la]! + cost[la * size + lb]! + cost[lb * size + afterB]! - cost[beforeA * size + afterB]!;
    } else {
      const afterA = route.locationAt(a + 1);
      const beforeB = route.locationAt(b - 1);
      gain =
        cost[beforeA * size + la]! +
        cost[la * size + afterA]! -
        cost[beforeA * size + afterA]! +
        cost[beforeB * size + lb]! +
        cost[lb * size + afterB]! -
        cost[beforeB * size + afterB]!;
    }
    if (route.stopCount === 2) gain += p.fixedCost[v]!;
    gains[r] = gain;
  }
}
