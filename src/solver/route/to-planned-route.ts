import type { PlannedRoute, PlannedStop } from '../model/solution.js';
import { passengerSchedule } from '../feasibility/schedule.js';
import type { RouteState } from './route-state.js';

/**
 * The route as the rest of the system sees it, with the passenger-friendly schedule
 * (late departure, then every stop as early as possible). Throws if the route is infeasible:
 * the search must never produce one, so that would be a solver bug.
 */
export function toPlannedRoute(route: RouteState): PlannedRoute {
  const p = route.problem;
  const v = route.vehicle;
  const m = route.stopCount;
  /** Index = position (0 = start depot, m + 1 = end depot): start of service in the reported schedule. */
  const start = new Float64Array(m + 2);
  const layout = route.chosenLayout();
  if (layout < 0 || !passengerSchedule(p, v, route.nodes, m, start)) {
    throw new Error(`solver bug: route of vehicle ${v} is infeasible`);
  }
  const { size, travel, distance, nodeService, dims } = p;
  const stops: PlannedStop[] = [];
  let prevLoc = p.vehicleStart[v]!;
  let prevDeparture = start[0]!;
  let dist = 0;
  let time = 0;
  for (let i = 1; i <= m; i++) {
    const node = route.nodes[i]!;
    const loc = p.nodeLocation[node]!;
    const arrival = prevDeparture + travel[prevLoc * size + loc]!;
    dist += distance[prevLoc * size + loc]!;
    time += travel[prevLoc * size + loc]!;
    const departure = start[i]! + nodeService[node]!;
    stops.push({
      request: node >> 1,
      kind: (node & 1) === 0 ? 'pickup' : 'dropoff',
      arrival,
      serviceStart: start[i]!,
      departure,
      loadAfter: Array.from(route.load.subarray(i * dims, (i + 1) * dims)),
    });
    prevLoc = loc;
    prevDeparture = departure;
  }
  const endLoc = p.vehicleEnd[v]!;
  dist += distance[prevLoc * size + endLoc]!;
  time += travel[prevLoc * size + endLoc]!;
  return { vehicle: v, layout, start: start[0]!, end: start[m + 1]!, stops, distance: dist, travelTime: time };
}
