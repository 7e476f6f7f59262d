import type { InitialRoute } from '../model/solution.js';
import { RouteState } from './route-state.js';
import type { SolutionState } from './solution-state.js';

/**
 * Puts each given route on its vehicle, behind the locked stops placeLockedStops left there, when the
 * whole route is still feasible (windows, capacity, ride times, shift, pins). A route that is not
 * (the day changed under it, or a removed stop was a shortcut for the others: real road times can
 * break the triangle inequality) is left out whole, and its requests wait in the bank for the repair.
 * Stops of requests already placed (locked) are skipped.
 *
 * Throws on a malformed start (unknown vehicle or request, a stop listed twice, a drop-off before
 * its pickup or without it): that is a caller's bug, not a change of the day.
 */
export function placeInitialRoutes(state: SolutionState, routes: readonly InitialRoute[]): void {
  const p = state.problem;
  const scratch = new Float64Array(2 * p.requestCount + 2);
  const seen = new Set<number>();
  for (const given of routes) {
    const v = given.vehicle;
    if (!Number.isInteger(v) || v < 0 || v >= p.vehicleCount) throw new Error(`initial route: unknown vehicle ${v}`);
    const nodes: number[] = [];
    const open = new Set<number>();
    for (const stop of given.stops) {
      const r = stop.request;
      if (!Number.isInteger(r) || r < 0 || r >= p.requestCount) throw new Error(`initial route of vehicle ${v}: unknown request ${r}`);
      const node = stop.kind === 'pickup' ? 2 * r : 2 * r + 1;
      if (seen.has(node)) throw new Error(`initial route of vehicle ${v}: ${stop.kind} of request ${r} listed twice`);
      seen.add(node);
      if (stop.kind === 'pickup') open.add(r);
      else if (!open.delete(r)) throw new Error(`initial route of vehicle ${v}: drop-off of request ${r} before its pickup`);
      if (state.routeOf[r] === -1) nodes.push(node);
    }
    if (open.size > 0) throw new Error(`initial route of vehicle ${v}: request ${[...open][0]} has no drop-off`);
    if (nodes.length === 0) continue;
    if (nodes.some((node) => p.pinnedVehicle[node >> 1] !== -1 && p.pinnedVehicle[node >> 1] !== v)) continue;
    const route = state.routes[v]!;
    const candidate = new RouteState(p, v);
    candidate.setStops([...route.nodes.subarray(1, route.stopCount + 1), ...nodes], route.lockedCount);
    if (candidate.isFeasible(scratch)) state.replaceRoute(candidate);
  }
}
