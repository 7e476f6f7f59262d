/**
 * Turns routes of the live plan, and the rides to place, into the optimiser's Instance (pure).
 * Vehicle v is routes[v], starting where and when its anchor says; request r is rides[r].
 * A passenger on board becomes a request whose pickup is the vehicle's anchor, fixed at the
 * anchor's time and locked at the head of its route: no edit can move them to another vehicle.
 */
import type { Instance, Request } from '../../../solver/model/instance.js';
import { buildProblem, type Problem } from '../../../solver/model/problem.js';
import type { FixedRoute } from '../../../solver/live/fixed-routes.js';
import { buildPlanInstance } from '../build-plan-instance.js';
import type { RideRules } from '../../booking/ride.rules.js';
import type { LiveMatrix } from './live-matrix.js';
import type { LiveRide, LiveRoute } from './live-route.js';

export interface LiveInstance {
  readonly problem: Problem;
  readonly rides: readonly LiveRide[];
  readonly requestOf: ReadonlyMap<string, number>;
  readonly routes: readonly LiveRoute[];
  /** Index = vehicle: its remaining stops as node ids, on-board pickups locked first. */
  readonly fixed: readonly FixedRoute[];
  /** Requests standing for passengers on board (their pickup is not a real stop). */
  readonly onBoard: ReadonlySet<number>;
  readonly matrix: LiveMatrix;
}

/** The places a route's remaining part touches, anchor and depot first. */
export function placesOfRoute(route: LiveRoute): string[] {
  return [route.anchor.placeId, route.vehicle.depotPlaceId, ...route.remaining.map((s) => s.placeId)];
}

/**
 * Which places need travel times between them (one group each, see liveMatrix): every route's
 * own places plus those of each ride the edit may put on it (`placing`: new, moved or handed
 * over). A placed ride missing from a route's group would read Infinity from that route's stops.
 */
export function travelTimeGroups(routes: readonly LiveRoute[], rides: ReadonlyMap<string, LiveRide>, placing: readonly LiveRide[]): string[][] {
  const extra = placing.flatMap((r) => [r.fromPlaceId, r.toPlaceId]);
  const groups = routes.map((r) => [...placesOfRoute(r), ...extra]);
  // Places of rides on board: only named, never travelled to (their pickups are behind).
  for (const r of routes) for (const b of r.onBoard) groups.push([rides.get(b.rideId)!.fromPlaceId]);
  if (routes.length === 0) groups.push(extra);
  return groups;
}

export function buildLiveInstance(input: {
  readonly routes: readonly LiveRoute[];
  /** Every ride with a remaining stop on these routes, and the rides to place. */
  readonly rides: ReadonlyMap<string, LiveRide>;
  /** Rides not on any of the routes that the edit will try to place. */
  readonly toPlace: readonly string[];
  readonly matrix: LiveMatrix;
  readonly rules: RideRules;
}): LiveInstance {
  const { routes, matrix } = input;
  const rideIds: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      rideIds.push(id);
    }
  };
  // A drop-off whose pickup is neither ahead nor on board (a no-show not yet cleared) is not driven to.
  const orphan = (route: LiveRoute, s: LiveRoute['remaining'][number]) =>
    s.kind === 'DROPOFF' && !route.onBoard.some((b) => b.rideId === s.rideId) && !route.remaining.some((x) => x.rideId === s.rideId && x.kind === 'PICKUP');
  for (const r of routes) for (const s of r.remaining) if (!orphan(r, s)) add(s.rideId);
  for (const id of input.toPlace) add(id);
  const rides = rideIds.map((id) => {
    const ride = input.rides.get(id);
    if (!ride) throw new Error(`ride ${id} missing from the live plan's rides`);
    return ride;
  });
  const requestOf = new Map(rideIds.map((id, r) => [id, r]));
  const base = buildPlanInstance(rides, routes.map((r) => r.vehicle), matrix.placeIds, matrix, input.rules);
  const loc = new Map(matrix.placeIds.map((id, i) => [id, i]));
  const onBoard = new Set<number>();
  const requests: Request[] = [...base.requests];
  // A live edit never asks a client to be ready earlier than the pickup time already planned (and
  // maybe told: "odbiór między…"). Without this, a driver reporting early, or a ride leaving the
  // route, pulled every later pickup forward to the start of its window, and clients got messages
  // to be ready up to 50 minutes earlier. Later stays possible: an edit may have to delay a pickup.
  for (const route of routes) {
    for (const s of route.remaining) {
      const r = requestOf.get(s.rideId);
      if (s.kind !== 'PICKUP' || r === undefined) continue;
      const req = requests[r]!;
      requests[r] = { ...req, pickup: { ...req.pickup, twStart: Math.max(req.pickup.twStart, Math.min(s.serviceStartSec, req.pickup.twEnd)) } };
    }
  }
  // Latest return to the depot each vehicle must be allowed: see dropEveryoneOnBoard.
  const dropOrder = new Int32Array(rides.length);
  const shiftEnds = routes.map((route, v) => {
    const anchor = loc.get(route.anchor.placeId)!;
    for (const b of route.onBoard) onBoard.add(requestOf.get(b.rideId)!);
    const { order, backSec } = dropEveryoneOnBoard(route, v, anchor, requestOf, base.requests, requests, matrix, base.vehicles[v]!.endLocation);
    order.forEach((r, k) => (dropOrder[r] = k));
    return backSec;
  });
  const vehicles = base.vehicles.map((veh, v) => {
    const route = routes[v]!;
    // An out-of-service vehicle takes nothing new (edits leave it out), but still drops off those on board.
    return { ...veh, startLocation: loc.get(route.anchor.placeId)!, shiftStart: route.anchor.sec, shiftEnd: Math.max(veh.shiftEnd, route.anchor.sec, shiftEnds[v]!) };
  });
  const instance: Instance = { ...base, requests, vehicles };
  const fixed: FixedRoute[] = routes.map((route, v) => {
    // In the order their drop-offs are due (dropEveryoneOnBoard): the solver's last resort.
    const heads = route.onBoard.map((b) => 2 * requestOf.get(b.rideId)!).sort((a, b) => dropOrder[a >> 1]! - dropOrder[b >> 1]!);
    const stops = route.remaining.filter((s) => !orphan(route, s)).map((s) => 2 * requestOf.get(s.rideId)! + (s.kind === 'PICKUP' ? 0 : 1));
    return { vehicle: v, stops: [...heads, ...stops], lockedCount: heads.length };
  });
  return { problem: buildProblem(instance), rides, requestOf, routes, fixed, onBoard, matrix };
}

/**
 * Passengers on board become requests pinned to their vehicle, picked up at the anchor, and they
 * must always stay placeable: nobody is left in a car because the day ran late. Their drop-offs
 * are taken in order of their latest times, straight from the anchor: wherever that sequence
 * arrives after a drop-off's window or ride-time limit, the limit is widened to that arrival.
 * So one plan always exists (that sequence, then the rest of the route), and a plan that is on
 * time keeps every limit as it was. Writes the requests into `requests`; returns that order and
 * the latest time the vehicle must be allowed back at its depot.
 */
function dropEveryoneOnBoard(
  route: LiveRoute,
  v: number,
  anchor: number,
  requestOf: ReadonlyMap<string, number>,
  base: readonly Request[],
  requests: Request[],
  matrix: LiveMatrix,
  endLocation: number,
): { order: number[]; backSec: number } {
  const travel = (from: number, to: number) => matrix.durationsSec[from * matrix.size + to]!;
  const aboard = route.onBoard
    .map((b) => ({ b, r: requestOf.get(b.rideId)! }))
    .sort((x, y) => base[x.r]!.dropoff.twEnd - base[y.r]!.dropoff.twEnd || travel(anchor, base[x.r]!.dropoff.location) - travel(anchor, base[y.r]!.dropoff.location));
  let t = route.anchor.sec;
  let at = anchor;
  for (const { b, r } of aboard) {
    const req = base[r]!;
    // What is left of the ride-time limit.
    const left = req.maxRideTime - (route.anchor.sec - b.pickedUpSec);
    const leg = travel(at, req.dropoff.location);
    const arrival = t + leg;
    requests[r] = {
      ...req,
      pickup: { location: anchor, twStart: route.anchor.sec, twEnd: route.anchor.sec, serviceTime: 0 },
      // Once aboard, arriving early is no fault: only the latest drop-off still binds.
      dropoff: { ...req.dropoff, twStart: Math.min(req.dropoff.twStart, route.anchor.sec), twEnd: Number.isFinite(arrival) ? Math.max(req.dropoff.twEnd, arrival) : req.dropoff.twEnd },
      maxRideTime: Number.isFinite(arrival) ? Math.max(left, arrival - route.anchor.sec) : Infinity,
      pinnedVehicle: v,
    };
    if (!Number.isFinite(arrival)) continue;
    t = arrival + req.dropoff.serviceTime;
    at = req.dropoff.location;
  }
  const back = t + travel(at, endLocation);
  return { order: aboard.map((x) => x.r), backSec: aboard.length > 0 && Number.isFinite(back) ? back : -Infinity };
}

/** Driving distance and time along a route's remaining part (anchor → stops → depot), whatever its feasibility. */
export function alongRoute(li: LiveInstance, v: number, stops: readonly number[]): { distanceM: number; drivingSec: number } {
  const p = li.problem;
  const locs = [p.vehicleStart[v]!, ...stops.filter((n) => !(li.onBoard.has(n >> 1) && (n & 1) === 0)).map((n) => p.nodeLocation[n]!), p.vehicleEnd[v]!];
  let distanceM = 0;
  let drivingSec = 0;
  for (let i = 1; i < locs.length; i++) {
    distanceM += p.distance[locs[i - 1]! * p.size + locs[i]!]!;
    drivingSec += p.travel[locs[i - 1]! * p.size + locs[i]!]!;
  }
  return { distanceM, drivingSec };
}
