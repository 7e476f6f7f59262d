/**
 * Edits of a plan that is already running (issue #8): one request put into routes whose stops
 * keep their order, without re-optimising anything else. Built on the search's own feasibility
 * code (RouteState, findBestInsertion, canInsert, passengerSchedule), so a live edit and a full
 * plan accept exactly the same routes.
 */
import type { Problem } from '../model/problem.js';
import type { PlannedRoute } from '../model/solution.js';
import { RouteState } from '../route/route-state.js';
import { toPlannedRoute } from '../route/to-planned-route.js';
import { createInsertion, findBestInsertion } from '../feasibility/best-insertion.js';
import { canInsert, type CanInsertResult } from '../feasibility/can-insert.js';
import { explainWaiting } from '../feasibility/unassigned-reason.js';
import type { UnassignedReason } from '../model/solution.js';

/** A vehicle's route as it stands: node ids in order; the first `lockedCount` may not move. */
export interface FixedRoute {
  readonly vehicle: number;
  readonly stops: readonly number[];
  readonly lockedCount: number;
}

export interface LiveInsertion {
  readonly vehicle: number;
  /** Positions after insertion, 1 = first stop. */
  readonly pickupPos: number;
  readonly dropoffPos: number;
  /** Objective delta (seconds of driving for the service's instances). */
  readonly cost: number;
}

export function routeStateOf(p: Problem, route: FixedRoute): RouteState {
  const state = new RouteState(p, route.vehicle);
  state.setStops(route.stops, route.lockedCount);
  return state;
}

/** True when the route can be driven as it stands (windows, loads, ride times, shift). */
export function isRouteFeasible(state: RouteState): boolean {
  return state.isFeasible(new Float64Array(state.stopCount + 2));
}

/**
 * Cheapest feasible insertion of request r into any of the routes, after their locked stops.
 * Routes that are already infeasible (the day ran late) take nothing. Null when none fits.
 */
export function bestInsertionOverRoutes(p: Problem, routes: readonly FixedRoute[], r: number): LiveInsertion | null {
  let best: LiveInsertion | null = null;
  const out = createInsertion();
  for (const route of routes) {
    const state = routeStateOf(p, route);
    if (!isRouteFeasible(state)) continue;
    if (findBestInsertion(state, r, out, best ? best.cost : Infinity) && (!best || out.cost < best.cost)) {
      best = { vehicle: route.vehicle, pickupPos: out.pickupPos, dropoffPos: out.dropoffPos, cost: out.cost };
    }
  }
  return best;
}

/** Why request r fits into none of the routes: the search's reason (explainWaiting) over these routes. */
export function whyNotInserted(p: Problem, routes: readonly FixedRoute[], r: number): UnassignedReason {
  return explainWaiting(p, routes.map((route) => routeStateOf(p, route)), r);
}

/** Request r at the given positions of one route: the objective delta or why it cannot go there. */
export function insertionAt(p: Problem, route: FixedRoute, r: number, pickupPos: number, dropoffPos: number): CanInsertResult {
  return canInsert(routeStateOf(p, route), r, pickupPos, dropoffPos);
}

/** The stops with request r inserted at (pickupPos, dropoffPos), positions after insertion. */
export function withInsertion(stops: readonly number[], r: number, pickupPos: number, dropoffPos: number): number[] {
  const out: number[] = [];
  let src = 0;
  for (let k = 1; k <= stops.length + 2; k++) {
    if (k === pickupPos) out.push(2 * r);
    else if (k === dropoffPos) out.push(2 * r + 1);
    else out.push(stops[src++]!);
  }
  return out;
}

/**
 * The route's schedule as drivers and passengers get it (late departure, then as early as
 * possible), or null when the sequence breaks a window, a load, a ride time or the shift.
 */
export function scheduleFixedRoute(p: Problem, route: FixedRoute): PlannedRoute | null {
  const state = routeStateOf(p, route);
  if (state.chosenLayout() < 0 || !isRouteFeasible(state)) return null;
  return toPlannedRoute(state);
}
