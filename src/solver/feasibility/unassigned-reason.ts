import type { Problem } from '../model/problem.js';
import type { UnassignedReason } from '../model/solution.js';
import type { RouteState } from '../route/route-state.js';
import { earliestSchedule, IGNORE_SHIFT_END, TIME_EPS } from './schedule.js';

function layoutCarries(p: Problem, v: number, r: number): boolean {
  const caps = p.layoutCapacity[v]!;
  const layouts = p.instance.vehicles[v]!.layouts.length;
  for (let k = 0; k < layouts; k++) {
    let fits = true;
    for (let d = 0; d < p.dims; d++) {
      if (p.nodeLoad[2 * r * p.dims + d]! > caps[k * p.dims + d]! + TIME_EPS) fits = false;
    }
    if (fits) return true;
  }
  return false;
}

function reachable(p: Problem, v: number, r: number): boolean {
  const pl = p.nodeLocation[2 * r]!;
  const dl = p.nodeLocation[2 * r + 1]!;
  return (
    Number.isFinite(p.travel[p.vehicleStart[v]! * p.size + pl]!) && Number.isFinite(p.travel[dl * p.size + p.vehicleEnd[v]!]!)
  );
}

/** Driving plus service time of the request served alone by vehicle v, depot to depot. */
function aloneDuration(p: Problem, v: number, r: number): number {
  const pl = p.nodeLocation[2 * r]!;
  const dl = p.nodeLocation[2 * r + 1]!;
  return (
    p.travel[p.vehicleStart[v]! * p.size + pl]! +
    p.nodeService[2 * r]! +
    p.travel[pl * p.size + dl]! +
    p.nodeService[2 * r + 1]! +
    p.travel[dl * p.size + p.vehicleEnd[v]!]!
  );
}

function shiftCovers(p: Problem, v: number, r: number): boolean {
  const need = aloneDuration(p, v, r);
  return need <= p.shiftEnd[v]! - p.shiftStart[v]! + TIME_EPS && need <= p.maxDuration[v]! + TIME_EPS;
}

/**
 * Whether vehicle v could serve request r if it had nothing else to do; `relax` (schedule.ts's
 * IGNORE_* flags) drops limits of the exact schedule, e.g. the shift's end.
 */
export function canServeAlone(p: Problem, v: number, r: number, relax = 0): boolean {
  if (!reachable(p, v, r) || !layoutCarries(p, v, r) || !shiftCovers(p, v, r)) return false;
  /** Index = position (0 and 3 are the depots): node id. */
  const seq = Int32Array.of(-1, 2 * r, 2 * r + 1, -1);
  return earliestSchedule(p, v, seq, 2, new Float64Array(4), p.shiftStart[v]!, relax);
}

/**
 * Why request r is unassigned, found by testing it alone on each vehicle, most specific reason
 * first (see UnassignedReason). Only the vehicles that pass the earlier tests are considered by
 * the later ones, so "shift" means "every vehicle that could carry it has too short a shift".
 * `vehicles` limits the answer to some of the problem's vehicles (default all of them).
 */
export function explainUnassigned(p: Problem, r: number, vehicles?: readonly number[]): UnassignedReason {
  const pl = p.nodeLocation[2 * r]!;
  const dl = p.nodeLocation[2 * r + 1]!;
  const all = vehicles ?? Array.from({ length: p.vehicleCount }, (_, v) => v);
  if (all.length === 0) return 'capacity'; // no vehicle at all: nothing can carry it
  if (!Number.isFinite(p.travel[pl * p.size + dl]!)) return 'unreachable';
  const reaching = all.filter((v) => reachable(p, v, r));
  if (reaching.length === 0) return 'unreachable';
  if (!all.some((v) => layoutCarries(p, v, r))) return 'capacity';
  const pinned = p.pinnedVehicle[r]!;
  if (pinned !== -1 && !canServeAlone(p, pinned, r)) return 'pinned';
  if (p.travel[pl * p.size + dl]! > p.maxRide[r]! + TIME_EPS) return 'maxRideTime';
  const eligible = (pinned !== -1 ? [pinned] : reaching).filter((v) => reachable(p, v, r) && layoutCarries(p, v, r));
  if (eligible.length === 0) return 'capacity';
  const covering = eligible.filter((v) => shiftCovers(p, v, r));
  if (covering.length === 0) return 'shift';
  if (covering.some((v) => canServeAlone(p, v, r))) return 'busy';
  // A ride at 05:30 or 17:00 fails because nobody works then, not because the way is too long:
  // say so when the request lies outside every such vehicle's shift.
  if (covering.every((v) => isOutsideShift(p, v, r))) return 'shift';
  // In time for the pickup, but not back before the shift ends: a longer shift would serve it.
  if (covering.some((v) => canServeAlone(p, v, r, IGNORE_SHIFT_END))) return 'shiftEnd';
  return 'timeWindow';
}

/**
 * Whether request r must be picked up before vehicle v's shift starts or after it ends. Only the
 * pickup counts: a ride that starts within the shift but would end after it (a drop-off window
 * opening past the shift's end, as a long return's does) has its driver at work at the ride's
 * time, so "nobody works then" would be false.
 */
function isOutsideShift(p: Problem, v: number, r: number): boolean {
  return p.nodeTwEnd[2 * r]! < p.shiftStart[v]! - TIME_EPS || p.nodeTwStart[2 * r]! > p.shiftEnd[v]! + TIME_EPS;
}

/**
 * Why request r waits once the search is over, given the routes it made: explainUnassigned, with
 * its `busy` (some vehicle could serve r on an empty route) told apart by what the routes leave.
 * `full` when a vehicle that could carry r could also be there in time between its other stops,
 * but its places are taken by passengers on board then: more places would serve r. Otherwise
 * `busy`: every such vehicle's schedule leaves no room in time. Pure and cheap: each route's
 * position pairs where the load does not fit are scheduled once, and only for a request in the bank.
 * The answer is about the routes' vehicles only (all of the problem's for a finished search).
 */
export function explainWaiting(p: Problem, routes: readonly RouteState[], r: number): UnassignedReason {
  // Only the routes' vehicles count: a live edit leaves out a vehicle taken out of service.
  const reason = explainUnassigned(p, r, routes.map((route) => route.vehicle));
  if (reason !== 'busy') return reason;
  const pinned = p.pinnedVehicle[r]!;
  for (const route of routes) {
    const v = route.vehicle;
    if (route.isEmpty || (pinned !== -1 && pinned !== v) || !canServeAlone(p, v, r)) continue;
    if (onlyPlacesMissing(route, r)) return 'full';
  }
  return 'busy';
}

/**
 * Whether r could go somewhere into the route in time (windows, ride times, shift) but there,
 * the vehicle would carry more than its places: the load, not the time, keeps r out of it.
 */
function onlyPlacesMissing(route: RouteState, r: number): boolean {
  const p = route.problem;
  const m = route.stopCount;
  /** Index = position in the route with r (0 and m + 3 are the depots): node id. */
  const seq = new Int32Array(m + 4).fill(-1);
  const times = new Float64Array(m + 4);
  for (let i = route.lockedCount + 1; i <= m + 1; i++) {
    for (let j = i + 1; j <= m + 2; j++) {
      if (loadFits(route, r, i, j)) continue;
      let src = 1;
      for (let k = 1; k <= m + 2; k++) seq[k] = k === i ? 2 * r : k === j ? 2 * r + 1 : route.nodes[src++]!;
      if (earliestSchedule(p, route.vehicle, seq, m + 2, times)) return true;
    }
  }
  return false;
}

/**
 * Whether some layout carries the route with r picked up at new position i and dropped off at j:
 * r is on board after the route's stops i − 1 … j − 2 (positions before the insertion).
 */
function loadFits(route: RouteState, r: number, i: number, j: number): boolean {
  const p = route.problem;
  const { dims, nodeLoad } = p;
  const caps = p.layoutCapacity[route.vehicle]!;
  for (let k = 0; k < route.layoutFits.length; k++) {
    if (!route.layoutFits[k]) continue;
    let fits = true;
    for (let q = i - 1; q <= j - 2 && fits; q++) {
      for (let d = 0; d < dims; d++) {
        if (route.load[q * dims + d]! + nodeLoad[2 * r * dims + d]! > caps[k * dims + d]! + TIME_EPS) fits = false;
      }
    }
    if (fits) return true;
  }
  return false;
}

/** Index = request: 1 when explainUnassigned says 'busy', 2 when it gives another reason, 0 not yet asked. */
const servableCache = new WeakMap<Problem, Uint8Array>();

/**
 * Whether some vehicle could serve request r on an otherwise empty route, so that r waits only
 * because the routes are busy: the requests worth making room for. Cached per problem, since the
 * searches ask it about the same waiting requests again and again.
 */
export function isServableAlone(p: Problem, r: number): boolean {
  let known = servableCache.get(p);
  if (!known) {
    known = new Uint8Array(p.requestCount);
    servableCache.set(p, known);
  }
  if (known[r] === 0) known[r] = explainUnassigned(p, r) === 'busy' ? 1 : 2;
  return known[r] === 1;
}
