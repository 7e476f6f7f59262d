/**
 * The steps every live edit shares: fetch the travel times its routes need, build the live
 * instance, and turn a route's node sequence back into stops with times and loads.
 */
import type { DomainDeps } from '../../deps.js';
import type { TravelTimeProvider } from '../../../routing/types.js';
import { createTravelTimeProvider } from '../../../routing/create-travel-time-provider.js';
import { scheduleFixedRoute } from '../../../solver/live/fixed-routes.js';
import { rulesOf } from '../../organisation/manage-organisation.js';
import { rideRulesOf } from '../../organisation/organisation-rules.js';
import { liveMatrix } from './live-matrix.js';
import { alongRoute, buildLiveInstance, travelTimeGroups, type LiveInstance } from './live-instance.js';
import { liveRouteOf, type LiveRide, type LiveRouteInput } from './live-route.js';
import type { LoadedLivePlan } from './live-plan.query.js';
import type { NewStop, RouteTotals } from './write-route.js';
import type { PlanChangePublisher } from './plan-change-message.js';

export interface LiveDeps extends DomainDeps {
  /** The worker's provider (OSRM behind the Redis cell cache, or the estimate). */
  readonly travelTimes?: TravelTimeProvider | undefined;
  /** Tells the open day boards and drivers' pages that the plan changed (after commit). */
  readonly planChanges?: PlanChangePublisher | undefined;
}

let fallbackProvider: TravelTimeProvider | null = null;
/** Without a configured provider (tools, demos) the labelled estimate is used, as the worker would. */
export function travelTimesOf(deps: LiveDeps): TravelTimeProvider {
  return deps.travelTimes ?? (fallbackProvider ??= createTravelTimeProvider({}));
}

export interface PlaceToAdd {
  readonly ride: LiveRide;
  readonly from: { lat: number; lon: number; name: string };
  readonly to: { lat: number; lon: number; name: string };
}

/**
 * The live instance over the given routes, with `toPlace` rides ready to be inserted. `moving`
 * names rides already on one of the routes that the edit may put on another (a move, a vehicle
 * out of service): like `toPlace`, their places join every route's travel times, since a route
 * only knows the times between its own places.
 */
export async function prepareLiveInstance(
  deps: LiveDeps,
  loaded: LoadedLivePlan,
  routeInputs: readonly LiveRouteInput[],
  toPlace: readonly PlaceToAdd[],
  moving: readonly string[] = [],
): Promise<LiveInstance> {
  const routes = routeInputs.map((r) => liveRouteOf(r, loaded.nowSec));
  const rides = new Map(loaded.rides);
  const places = new Map(loaded.places);
  for (const t of toPlace) {
    rides.set(t.ride.id, t.ride);
    places.set(t.ride.fromPlaceId, t.from);
    places.set(t.ride.toPlaceId, t.to);
  }
  const movingRides = moving.map((id) => {
    const ride = rides.get(id);
    if (!ride) throw new Error(`ride ${id} missing from the live plan's rides`);
    return ride;
  });
  const matrix = await liveMatrix(travelTimesOf(deps), travelTimeGroups(routes, rides, [...toPlace.map((t) => t.ride), ...movingRides]), places);
  const rules = rideRulesOf(await rulesOf(deps, loaded.plan.organisationId));
  return buildLiveInstance({ routes, rides, toPlace: toPlace.map((t) => t.ride.id), matrix, rules });
}

export interface RouteWrite {
  readonly next: NewStop[];
  readonly totals: RouteTotals;
  /** False when the route could only be timed by driving on (windows already missed). */
  readonly feasible: boolean;
}

/**
 * A vehicle's new remaining stops with their schedule. If the sequence cannot meet every window
 * any more (the day ran late), the stops are timed by driving on from the anchor, so a removal
 * still shortens the route; insertions never use that path.
 */
export function routeWrite(li: LiveInstance, v: number, stops: readonly number[]): RouteWrite {
  const route = li.routes[v]!;
  let lockedCount = 0;
  while (lockedCount < stops.length && (stops[lockedCount]! & 1) === 0 && li.onBoard.has(stops[lockedCount]! >> 1)) lockedCount++;
  const fixed = { vehicle: v, stops, lockedCount };
  const p = li.problem;
  const planned = scheduleFixedRoute(p, fixed);
  const next: NewStop[] = [];
  let start: number;
  let end: number;
  if (planned) {
    for (const s of planned.stops) {
      if (s.kind === 'pickup' && li.onBoard.has(s.request)) continue;
      next.push(stopOf(li, s.request, s.kind, s.arrival, s.serviceStart, s.departure, s.loadAfter));
    }
    start = planned.start;
    end = planned.end;
  } else {
    const load = new Array<number>(p.dims).fill(0);
    let t = route.anchor.sec;
    let prev = p.vehicleStart[v]!;
    for (const node of stops) {
      for (let d = 0; d < p.dims; d++) load[d]! += p.nodeLoad[node * p.dims + d]!;
      if ((node & 1) === 0 && li.onBoard.has(node >> 1)) continue;
      const at = p.nodeLocation[node]!;
      const arrival = t + p.travel[prev * p.size + at]!;
      const serviceStart = Math.max(arrival, p.nodeTwStart[node]!);
      t = serviceStart + p.nodeService[node]!;
      prev = at;
      next.push(stopOf(li, node >> 1, (node & 1) === 0 ? 'pickup' : 'dropoff', arrival, serviceStart, t, load));
    }
    start = route.anchor.sec;
    end = t + p.travel[prev * p.size + p.vehicleEnd[v]!]!;
  }
  const before = alongRoute(li, v, li.fixed[v]!.stops);
  const after = alongRoute(li, v, stops);
  const totals: RouteTotals = {
    startSec: route.driven.length ? route.startSec : start,
    endSec: end,
    distanceM: Math.max(0, route.distanceM - before.distanceM + after.distanceM),
    drivingSec: Math.max(0, route.drivingSec - before.drivingSec + after.drivingSec),
  };
  return { next, totals, feasible: planned !== null };
}

function stopOf(li: LiveInstance, r: number, kind: 'pickup' | 'dropoff', arrival: number, serviceStart: number, departure: number, load: readonly number[]): NewStop {
  const ride = li.rides[r]!;
  return {
    rideId: ride.id,
    kind: kind === 'pickup' ? 'PICKUP' : 'DROPOFF',
    placeId: kind === 'pickup' ? ride.fromPlaceId : ride.toPlaceId,
    arrivalSec: arrival,
    serviceStartSec: serviceStart,
    departureSec: departure,
    seatsAfter: load[0] ?? 0,
    wheelchairsAfter: load[1] ?? 0,
  };
}

/** Pickup times (HH:MM precision) that an edit changed, by ride: whom to tell. */
export function changedPickups(before: ReadonlyMap<string, number>, writes: readonly RouteWrite[]): string[] {
  const changed: string[] = [];
  for (const w of writes) {
    for (const s of w.next) {
      if (s.kind !== 'PICKUP') continue;
      const old = before.get(s.rideId);
      if (old === undefined || Math.floor(old / 60) !== Math.floor(s.serviceStartSec / 60)) changed.push(s.rideId);
    }
  }
  return changed;
}

/** Pickup times of every remaining pickup in the routes, before the edit. */
export function pickupTimes(routes: readonly LiveRouteInput[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of routes) for (const s of r.stops) if (s.kind === 'PICKUP') m.set(s.rideId, s.serviceStartSec);
  return m;
}
