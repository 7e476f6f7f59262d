import type { Problem } from '../model/problem.js';

/**
 * Exact scheduling of one fixed stop sequence.
 *
 * A route's start times form a system of difference constraints (a simple temporal network):
 *   B[i] ≥ B[i−1] + service[i−1] + travel[i−1→i]   (waiting allowed),
 *   twStart ≤ B[i] ≤ twEnd,  B[0] ≥ shiftStart,  B[m+1] ≤ shiftEnd,
 *   B[drop] − (B[pick] + service[pick]) ≤ maxRide   (Cordeau's ride-time convention),
 *   B[m+1] − B[0] ≤ maxDuration.
 * Ride-time and duration limits point backwards (they push the pickup or the departure later),
 * so "earliest possible everywhere" is not a schedule test: a delayed departure can make a ride-time
 * violation disappear. The least solution of the system is found by Bellman-Ford style rounds
 * (forward pass, then raise pickups / departure for every violated backward edge); it exists iff
 * the system is feasible. Each round handles at least one more backward edge of the longest path,
 * so more than (#edges + 2) rounds means a positive cycle, i.e. infeasible.
 *
 * Sequences: seq[1..m] are node ids; position 0 is the start depot and m+1 the end depot.
 * Output arrays: out[i] = start of service at position i (departure for 0, arrival for m+1).
 */

/** Tolerance on bounds: schedules are computed in floating point. */
export const TIME_EPS = 1e-9;

/** Relaxations used to diagnose why a sequence fails. */
export const IGNORE_RIDE = 1;
export const IGNORE_SHIFT_END = 2;

// Scratch, grown on demand; the solver is synchronous, so one set per process is enough.
/** Index = position: lower bound on B raised by backward edges. */
let low = new Float64Array(64);
/** Index = position: upper bound on B lowered by forward edges (latest schedule). */
let high = new Float64Array(64);
/** Index = request: position of its pickup in the sequence being scheduled, valid when stamp matches. */
let pickupPos = new Int32Array(64);
/** Index = request: stamp telling whether pickupPos[r] belongs to the current call. */
let pickupStamp = new Int32Array(64);
let stamp = 0;

function ensure(positions: number, requests: number): void {
  if (low.length < positions) {
    low = new Float64Array(positions * 2);
    high = new Float64Array(positions * 2);
  }
  if (pickupPos.length < requests) {
    pickupPos = new Int32Array(requests * 2);
    pickupStamp = new Int32Array(requests * 2);
    stamp = 0;
  }
}

function indexPickups(p: Problem, seq: Int32Array, m: number): void {
  ensure(m + 2, p.requestCount);
  stamp++;
  if (stamp > 0x7ffffff0) {
    pickupStamp.fill(0);
    stamp = 1;
  }
  for (let i = 1; i <= m; i++) {
    const node = seq[i]!;
    if ((node & 1) === 0) {
      pickupPos[node >> 1] = i;
      pickupStamp[node >> 1] = stamp;
    }
  }
}

const locationAt = (p: Problem, v: number, seq: Int32Array, m: number, i: number): number =>
  i === 0 ? p.vehicleStart[v]! : i === m + 1 ? p.vehicleEnd[v]! : p.nodeLocation[seq[i]!]!;

/**
 * Least (earliest) feasible schedule of the sequence on vehicle v, with the departure from the
 * depot at or after `departureFrom`. Returns false when no schedule satisfies every constraint
 * (minus the relaxed ones in `relax`).
 */
export function earliestSchedule(
  p: Problem,
  v: number,
  seq: Int32Array,
  m: number,
  out: Float64Array,
  departureFrom: number = p.shiftStart[v]!,
  relax = 0,
): boolean {
  indexPickups(p, seq, m);
  const { travel, size, nodeTwStart, nodeTwEnd, nodeService, maxRide } = p;
  const useRide = (relax & IGNORE_RIDE) === 0;
  const useShift = (relax & IGNORE_SHIFT_END) === 0;
  const shiftEnd = useShift ? p.shiftEnd[v]! : Infinity;
  const maxDuration = useShift ? p.maxDuration[v]! : Infinity;
  low[0] = Math.max(departureFrom, p.shiftStart[v]!);
  for (let i = 1; i <= m; i++) low[i] = nodeTwStart[seq[i]!]!;
  low[m + 1] = -Infinity;
  out[0] = low[0]!;
  let from = 1;
  const maxRounds = m + 3;
  for (let round = 0; ; round++) {
    // Forward pass: earliest start given predecessors and the raised lower bounds.
    let prevLoc = locationAt(p, v, seq, m, from - 1);
    let prevDeparture = out[from - 1]! + (from - 1 === 0 ? 0 : nodeService[seq[from - 1]!]!);
    for (let i = from; i <= m + 1; i++) {
      const loc = locationAt(p, v, seq, m, i);
      const arrival = prevDeparture + travel[prevLoc * size + loc]!;
      const start = arrival > low[i]! ? arrival : low[i]!;
      const latest = i === m + 1 ? shiftEnd : nodeTwEnd[seq[i]!]!;
      if (!(start <= latest + TIME_EPS)) return false; // also catches Infinity/NaN travel
      out[i] = start;
      prevLoc = loc;
      prevDeparture = start + (i === m + 1 ? 0 : nodeService[seq[i]!]!);
    }
    // Backward edges: ride-time limits raise pickups, the duration limit raises the departure.
    let minChanged = m + 2;
    if (useRide) {
      for (let i = 1; i <= m; i++) {
        const node = seq[i]!;
        if ((node & 1) === 0) continue;
        const r = node >> 1;
        const limit = maxRide[r]!;
        if (limit === Infinity || pickupStamp[r] !== stamp) continue;
        const a = pickupPos[r]!;
        const need = out[i]! - limit - nodeService[node - 1]!;
        if (need > out[a]! + TIME_EPS) {
          if (need > nodeTwEnd[node - 1]! + TIME_EPS) return false;
          low[a] = need;
          out[a] = need;
          if (a < minChanged) minChanged = a;
        }
      }
    }
    if (maxDuration !== Infinity) {
      const need = out[m + 1]! - maxDuration;
      if (need > out[0]! + TIME_EPS) {
        low[0] = need;
        out[0] = need;
        minChanged = 0;
      }
    }
    if (minChanged === m + 2) return true;
    if (round >= maxRounds) return false;
    from = minChanged + 1;
  }
}

/**
 * Latest feasible schedule whose arrival at the end depot is at most `endBy`: every stop as late
 * as possible. Precondition: a schedule arriving by `endBy` exists (e.g. the earliest one).
 */
function latestSchedule(p: Problem, v: number, seq: Int32Array, m: number, out: Float64Array, endBy: number): boolean {
  const { travel, size, nodeTwEnd, nodeTwStart, nodeService, maxRide } = p;
  for (let i = 1; i <= m; i++) high[i] = nodeTwEnd[seq[i]!]!;
  high[m + 1] = Math.min(endBy, p.shiftEnd[v]!);
  high[0] = Infinity;
  out[m + 1] = high[m + 1]!;
  let from = m;
  const maxRounds = m + 3;
  for (let round = 0; ; round++) {
    for (let i = from; i >= 0; i--) {
      const loc = locationAt(p, v, seq, m, i);
      const nextLoc = locationAt(p, v, seq, m, i + 1);
      const service = i === 0 ? 0 : nodeService[seq[i]!]!;
      const bound = out[i + 1]! - travel[loc * size + nextLoc]! - service;
      const start = bound < high[i]! ? bound : high[i]!;
      const earliest = i === 0 ? p.shiftStart[v]! : nodeTwStart[seq[i]!]!;
      if (!(start >= earliest - TIME_EPS)) return false;
      out[i] = start;
    }
    let maxChanged = -1;
    for (let i = 1; i <= m; i++) {
      const node = seq[i]!;
      if ((node & 1) === 0) continue;
      const r = node >> 1;
      const limit = maxRide[r]!;
      if (limit === Infinity || pickupStamp[r] !== stamp) continue;
      const a = pickupPos[r]!;
      const allowed = out[a]! + nodeService[node - 1]! + limit;
      if (out[i]! > allowed + TIME_EPS) {
        high[i] = allowed;
        out[i] = allowed;
        if (i > maxChanged) maxChanged = i;
      }
    }
    const maxDuration = p.maxDuration[v]!;
    if (maxDuration !== Infinity && out[m + 1]! > out[0]! + maxDuration + TIME_EPS) {
      high[m + 1] = out[0]! + maxDuration;
      out[m + 1] = high[m + 1]!;
      maxChanged = m + 1;
    }
    if (maxChanged === -1) return true;
    if (round >= maxRounds) return false;
    from = maxChanged - 1;
  }
}

/**
 * The schedule to report to drivers and passengers: leave the depot as late as possible without
 * arriving back later than the earliest schedule would, then serve every stop as early as
 * possible. Waiting at the depot replaces waiting with passengers on board (standard DARP practice).
 * Returns false if the sequence is infeasible.
 */
export function passengerSchedule(p: Problem, v: number, seq: Int32Array, m: number, out: Float64Array): boolean {
  if (!earliestSchedule(p, v, seq, m, out)) return false;
  const endBy = out[m + 1]!;
  if (latestSchedule(p, v, seq, m, out, endBy)) {
    const departure = out[0]!;
    if (earliestSchedule(p, v, seq, m, out, departure)) return true;
  }
  // Floating-point corner: fall back to the earliest schedule, which is feasible.
  return earliestSchedule(p, v, seq, m, out);
}
