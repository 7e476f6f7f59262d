import type { PlannedRoute, Solution, UnassignedRequest } from '../model/solution.js';
import { explainWaiting } from '../feasibility/unassigned-reason.js';
import type { SolutionState } from './solution-state.js';
import { toPlannedRoute } from './to-planned-route.js';

/** Converts the search state into the Solution contract: used routes, unassigned with reasons, totals. */
export function toSolution(state: SolutionState): Solution {
  const routes: PlannedRoute[] = [];
  for (const route of state.routes) if (!route.isEmpty) routes.push(toPlannedRoute(route));
  const unassigned: UnassignedRequest[] = state
    .bank()
    .map((request) => ({ request, reason: explainWaiting(state.problem, state.routes, request) }));
  let distance = 0;
  let travelTime = 0;
  for (const route of routes) {
    distance += route.distance;
    travelTime += route.travelTime;
  }
  return { routes, unassigned, cost: state.cost(), distance, travelTime };
}
