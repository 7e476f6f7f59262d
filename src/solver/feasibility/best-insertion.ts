import type { Problem } from '../model/problem.js';
import type { RouteState } from '../route/route-state.js';
import { earliestSchedule, TIME_EPS } from './schedule.js';

// Local copy: a module-level constant is a plain read in the hot loop, an imported binding may not be.
const EPS = TIME_EPS;

/** Where and at what cost a request goes into a route. Positions are those after insertion. */
export interface Insertion {
  cost: number;
  pickupPos: number;
  dropoffPos: number;
  /** False when only the O(1) filters vouch for it (see findBestInsertion's `verify`). */
  isVerified: boolean;
}

export const createInsertion = (): Insertion => ({ cost: Infinity, pickupPos: -1, dropoffPos: -1, isVerified: false });

// Candidate buffers (grown on demand; reused so the hot loop does not allocate).
/** Index = candidate: objective delta of inserting there. */
let candCost = new Float64Array(256);
/** Index = candidate: new pickup position. */
let candPick = new Int32Array(256);
/** Index = candidate: new drop-off position. */
let candDrop = new Int32Array(256);
/** Index = position: the candidate sequence handed to the exact scheduler. */
let seqBuf = new Int32Array(64);
/** Index = position: schedule output of the exact scheduler. */
let timeBuf = new Float64Array(64);
let candCount = 0;

function pushCandidate(cost: number, pick: number, drop: number): void {
  if (candCount === candCost.length) {
    const grow = candCost.length * 2;
    const c = new Float64Array(grow);
    c.set(candCost);
    candCost = c;
    const pk = new Int32Array(grow);
    pk.set(candPick);
    candPick = pk;
    const dp = new Int32Array(grow);
    dp.set(candDrop);
    candDrop = dp;
  }
  candCost[candCount] = cost;
  candPick[candCount] = pick;
  candDrop[candCount] = drop;
  candCount++;
}

/** Writes the route's sequence with request r inserted at (pick, drop) into seqBuf[1..m+2]. */
function buildSequence(route: RouteState, r: number, pick: number, drop: number): number {
  const m = route.stopCount + 2;
  if (seqBuf.length < m + 2) {
    seqBuf = new Int32Array((m + 2) * 2);
    timeBuf = new Float64Array((m + 2) * 2);
  }
  const nodes = route.nodes;
  let src = 1;
  for (let k = 1; k <= m; k++) {
    if (k === pick) seqBuf[k] = 2 * r;
    else if (k === drop) seqBuf[k] = 2 * r + 1;
    else seqBuf[k] = nodes[src++]!;
  }
  return m;
}

/** Exact test (ride times, duration) of inserting r at (pick, drop); the window relaxation must already hold. */
export function isInsertionScheduleFeasible(route: RouteState, r: number, pick: number, drop: number): boolean {
  const m = buildSequence(route, r, pick, drop);
  return earliestSchedule(route.problem, route.vehicle, seqBuf, m, timeBuf);
}

/**
 * Cheapest feasible insertion of request r into the route, considering only candidates cheaper than
 * `maxCost`. Writes it into `out` and returns true, or returns false when none exists.
 *
 * All (pickup, drop-off) position pairs are scanned in O(stops²) with O(1) tests per pair: load
 * against the layouts that still fit, and the window relaxation (new earliest start at the next
 * stop ≤ its latest start). Ride time is pruned by the minimum possible ride along the path.
 * When ride-time or duration limits are present, the surviving candidates are confirmed with the
 * exact scheduler in increasing cost order, so the answer is exact and usually needs one check.
 * With `verify` false that confirmation is skipped: the answer is then the best candidate of the
 * relaxation (a lower bound on the true best cost), flagged `isVerified: false`, for callers that
 * confirm only the insertions they actually consider (regret insertion).
 */
export function findBestInsertion(route: RouteState, r: number, out: Insertion, maxCost = Infinity, verify = true): boolean {
  const p = route.problem;
  const v = route.vehicle;
  const pinned = p.pinnedVehicle[r]!;
  if (pinned !== -1 && pinned !== v) return false;
  if (!p.vehicleFits[r * p.vehicleCount + v]) return false;
  const { travel, cost, size, nodeTwStart, nodeTwEnd, nodeService, nodeLoad, dims } = p;
  const m = route.stopCount;
  const nodes = route.nodes;
  const earliest = route.earliest;
  const rideSlack = route.rideSlack;
  const latest = route.latest;
  const load = route.load;
  const caps = p.layoutCapacity[v]!;
  const layoutCount = route.layoutFits.length;
  let baseMask = 0;
  for (let k = 0; k < layoutCount; k++) if (route.layoutFits[k]) baseMask |= 1 << k;
  if (baseMask === 0) return false;

  const pn = 2 * r;
  const dn = pn + 1;
  const pl = p.nodeLocation[pn]!;
  const dl = p.nodeLocation[dn]!;
  const ep = nodeTwStart[pn]!;
  const lp = nodeTwEnd[pn]!;
  const ed = nodeTwStart[dn]!;
  const ld = nodeTwEnd[dn]!;
  const sp = nodeService[pn]!;
  const sd = nodeService[dn]!;
  const maxRide = p.maxRide[r]!;
  const tPD = travel[pl * size + dl]!;
  const cPD = cost[pl * size + dl]!;
  if (!(tPD <= maxRide + EPS)) return false;
  const fixed = m === 0 ? p.fixedCost[v]! : 0;
  const exact = route.needsExactCheck || maxRide !== Infinity;
  const qOff = pn * dims;

  candCount = 0;
  // Without an exact confirmation to make, only the cheapest candidate matters: track it directly.
  const trackBest = !exact || !verify;
  let bestCost = Infinity;
  let bestPick = -1;
  let bestDrop = -1;
  // Fast path for one layout and one load dimension (most fleets and both benchmark sets).
  const isScalar = layoutCount === 1 && dims === 1;
  const headroom = isScalar ? caps[0]! - nodeLoad[qOff]! + EPS : 0;
  // Latest starts never decrease along a route: while the next stop's latest start is before the
  // pickup's window opens, nothing fits after i. Binary search skips those slots at once (a route
  // of a whole day has 30+ stops, of which a 30-min window concerns a handful).
  let first = route.lockedCount;
  let past = m + 1;
  while (first < past) {
    const mid = (first + past) >> 1;
    if (latest[mid + 1]! < ep - EPS) first = mid + 1;
    else past = mid;
  }
  for (let i = first; i <= m; i++) {
    // Earliest starts never decrease either: past the pickup's window, stop.
    if (earliest[i]! > lp + EPS) break;
    // Pickup goes right after old position i.
    const li = locationAt(p, v, nodes, m, i);
    const depI = earliest[i]! + (i === 0 ? 0 : nodeService[nodes[i]!]!);
    const arrP = depI + travel[li * size + pl]!;
    const bp = arrP > ep ? arrP : ep;
    if (!(bp <= lp + EPS)) continue;
    let mask = isScalar ? (load[i]! > headroom ? 0 : 1) : fittingLayouts(baseMask, load, i, nodeLoad, qOff, caps, dims, layoutCount);
    if (mask === 0) continue;
    const depP = bp + sp;
    const nextLoc = locationAt(p, v, nodes, m, i + 1);
    const removed = cost[li * size + nextLoc]!;
    const addPick = cost[li * size + pl]!;

    // Drop-off immediately after the pickup.
    {
      const arrD = depP + tPD;
      const bd = arrD > ed ? arrD : ed;
      if (bd <= ld + EPS) {
        const arrN = bd + sd + travel[dl * size + nextLoc]!;
        const open = i + 1 === m + 1 ? -Infinity : nodeTwStart[nodes[i + 1]!]!;
        const startN = arrN > open ? arrN : open;
        const detour =
          travel[li * size + pl]! + sp + tPD + sd + travel[dl * size + nextLoc]! - travel[li * size + nextLoc]!;
        if (startN <= latest[i + 1]! + EPS && detour <= rideSlack[i]! + EPS) {
          const c = addPick + cPD + cost[dl * size + nextLoc]! - removed + fixed;
          if (c < maxCost) {
            if (!trackBest) pushCandidate(c, i + 1, i + 2);
            else if (c < bestCost) {
              bestCost = c;
              bestPick = i + 1;
              bestDrop = i + 2;
            }
          }
        }
      }
    }
    if (i + 1 > m) continue;
    // Drop-off after old position j > i: walk j forward carrying the delayed start at j.
    const open1 = nodeTwStart[nodes[i + 1]!]!;
    const arr1 = depP + travel[pl * size + nextLoc]!;
    let cur = arr1 > open1 ? arr1 : open1;
    if (!(cur <= latest[i + 1]! + EPS)) continue;
    // Passengers on board across the pickup's gap ride at least this much longer.
    if (travel[li * size + pl]! + sp + travel[pl * size + nextLoc]! - travel[li * size + nextLoc]! > rideSlack[i]! + EPS) continue;
    let ridePath = travel[pl * size + nextLoc]!;
    const addP = addPick + cost[pl * size + nextLoc]! - removed + fixed;
    for (let j = i + 1; j <= m; j++) {
      if (isScalar) {
        if (load[j]! > headroom) break;
      } else {
        mask = fittingLayouts(mask, load, j, nodeLoad, qOff, caps, dims, layoutCount);
        if (mask === 0) break;
      }
      const lj = p.nodeLocation[nodes[j]!]!;
      const nl = locationAt(p, v, nodes, m, j + 1);
      const depJ = cur + nodeService[nodes[j]!]!;
      if (depJ > ld + EPS) break;
      const toD = travel[lj * size + dl]!;
      if (ridePath + nodeService[nodes[j]!]! + toD > maxRide + EPS) {
        // The minimum ride only grows with j, unless the matrix breaks the triangle inequality.
        if (ridePath > maxRide + EPS) break;
      } else {
        const arrD = depJ + toD;
        const bd = arrD > ed ? arrD : ed;
        if (bd <= ld + EPS) {
          const open = j + 1 === m + 1 ? -Infinity : nodeTwStart[nodes[j + 1]!]!;
          const arrN = bd + sd + travel[dl * size + nl]!;
          const startN = arrN > open ? arrN : open;
          const detour = toD + sd + travel[dl * size + nl]! - travel[lj * size + nl]!;
          if (startN <= latest[j + 1]! + EPS && detour <= rideSlack[j]! + EPS) {
            const c = addP + cost[lj * size + dl]! + cost[dl * size + nl]! - cost[lj * size + nl]!;
            if (c < maxCost) {
              if (!trackBest) pushCandidate(c, i + 1, j + 2);
              else if (c < bestCost) {
                bestCost = c;
                bestPick = i + 1;
                bestDrop = j + 2;
              }
            }
          }
        }
      }
      if (j + 1 > m) break;
      const open = j + 1 === m + 1 ? -Infinity : nodeTwStart[nodes[j + 1]!]!;
      const arr = depJ + travel[lj * size + nl]!;
      cur = arr > open ? arr : open;
      if (!(cur <= latest[j + 1]! + EPS)) break;
      ridePath += nodeService[nodes[j]!]! + travel[lj * size + nl]!;
    }
  }
  if (trackBest) {
    if (bestPick < 0) return false;
    out.cost = bestCost;
    out.pickupPos = bestPick;
    out.dropoffPos = bestDrop;
    out.isVerified = !exact;
    return true;
  }
  if (candCount === 0) return false;

  // Take candidates in increasing cost; confirm with the exact scheduler when needed.
  for (;;) {
    let best = -1;
    let cheapest = Infinity;
    for (let k = 0; k < candCount; k++) {
      if (candCost[k]! < cheapest) {
        cheapest = candCost[k]!;
        best = k;
      }
    }
    if (best < 0) return false;
    if (isInsertionScheduleFeasible(route, r, candPick[best]!, candDrop[best]!)) {
      out.isVerified = true;
      out.cost = cheapest;
      out.pickupPos = candPick[best]!;
      out.dropoffPos = candDrop[best]!;
      return true;
    }
    candCost[best] = Infinity;
  }
}

/** Matrix location at a route position (depots included). */
function locationAt(p: Problem, v: number, nodes: Int32Array, m: number, pos: number): number {
  return pos === 0 ? p.vehicleStart[v]! : pos === m + 1 ? p.vehicleEnd[v]! : p.nodeLocation[nodes[pos]!]!;
}

/** The layouts of `mask` (bit k = layout k) that still carry the load at position pos plus the request's load. */
function fittingLayouts(
  mask: number,
  load: Float64Array,
  pos: number,
  nodeLoad: Float64Array,
  qOff: number,
  caps: Float64Array,
  dims: number,
  layoutCount: number,
): number {
  let result = mask;
  for (let k = 0; k < layoutCount; k++) {
    if ((result & (1 << k)) === 0) continue;
    for (let d = 0; d < dims; d++) {
      if (load[pos * dims + d]! + nodeLoad[qOff + d]! > caps[k * dims + d]! + EPS) {
        result &= ~(1 << k);
        break;
      }
    }
  }
  return result;
}
