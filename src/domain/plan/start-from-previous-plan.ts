/**
 * A re-plan starts from the day's previous plan (D41): its routes, in this instance's vehicle and
 * request numbers, are the optimiser's start (`initialRoutes`). The solver keeps each route that
 * is still feasible and returns it unless it finds a cheaper plan: a dispatcher's move stays unless
 * the search beats it. It does not keep routes stable: the search still moves most rides within its
 * budget (D41). Pure: the caller loads the previous plan.
 */
import type { Instance } from '../../solver/model/instance.js';
import type { InitialRoute } from '../../solver/model/solution.js';

/**
 * Weight of a ride the plan being replaced had placed (a new booking weighs 1). Above 1, a re-plan
 * never trades a scheduled ride for a new one at the same count served, which the objective would
 * otherwise do whenever the new one is shorter: the first to go would be the long trips to the
 * county hospital. Below 2, it still serves two new rides rather than keep one: more people served
 * comes first (issue #3's objective).
 */
export const PLACED_RIDE_PRIORITY = 1.5;

export interface PreviousRoute {
  readonly vehicleId: string;
  /** In visit order. */
  readonly stops: readonly { readonly rideId: string; readonly kind: 'PICKUP' | 'DROPOFF' }[];
}

/**
 * Maps the previous plan onto the instance: vehicle v is `vehicleIds[v]`, request r is `rideIds[r]`.
 * What the day no longer has is left out: vehicles no longer planned, rides cancelled or moved,
 * a drop-off whose pickup is not ahead of it on that vehicle (it was driven, or the ride is on
 * another route), a pickup whose drop-off is not. Requests in `locked` (passengers on board, whose
 * stops the instance already fixes to their vehicle) are left out too: the solver places them
 * first. A ride listed twice keeps its first place. New rides are not in it: the repair inserts them.
 */
export function startFromPreviousPlan(
  previous: readonly PreviousRoute[],
  vehicleIds: readonly string[],
  rideIds: readonly string[],
  locked: ReadonlySet<number> = new Set(),
): InitialRoute[] {
  const vehicleOf = new Map(vehicleIds.map((id, v) => [id, v]));
  const requestOf = new Map(rideIds.map((id, r) => [id, r]));
  /** Requests already given a place in some route (the first route wins). */
  const taken = new Set<number>(locked);
  const usedVehicles = new Set<number>();
  const routes: InitialRoute[] = [];
  for (const route of previous) {
    const v = vehicleOf.get(route.vehicleId);
    if (v === undefined || usedVehicles.has(v)) continue;
    usedVehicles.add(v);
    const picked = new Set<number>();
    const dropped = new Set<number>();
    const stops: { request: number; kind: 'pickup' | 'dropoff' }[] = [];
    for (const s of route.stops) {
      const r = requestOf.get(s.rideId);
      if (r === undefined) continue;
      if (s.kind === 'PICKUP') {
        if (taken.has(r)) continue;
        taken.add(r);
        picked.add(r);
        stops.push({ request: r, kind: 'pickup' });
      } else if (picked.has(r) && !dropped.has(r)) {
        dropped.add(r);
        stops.push({ request: r, kind: 'dropoff' });
      }
    }
    // A pickup whose drop-off did not follow it here is left to the repair, like a new ride.
    const whole = stops.filter((s) => dropped.has(s.request));
    if (whole.length > 0) routes.push({ vehicle: v, stops: whole });
  }
  return routes;
}

/** The instance's requests whose rides the previous plan left unplaced (for D7's returns, solveLinkedRides). */
export function unplacedInPreviousPlan(unassignedRideIds: readonly string[], rideIds: readonly string[]): Set<number> {
  const unplaced = new Set(unassignedRideIds);
  return new Set(rideIds.flatMap((id, r) => (unplaced.has(id) ? [r] : [])));
}

/** The instance with every request placed in `previous` weighted PLACED_RIDE_PRIORITY. */
export function favourPlacedRides(instance: Instance, previous: readonly InitialRoute[]): Instance {
  const placed = new Set(previous.flatMap((r) => r.stops.map((s) => s.request)));
  if (placed.size === 0) return instance;
  return { ...instance, requests: instance.requests.map((q, r) => (placed.has(r) ? { ...q, priority: Math.max(q.priority, PLACED_RIDE_PRIORITY) } : q)) };
}
