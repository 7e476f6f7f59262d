import type { RouteState } from '../route/route-state.js';
import { earliestSchedule, IGNORE_RIDE, IGNORE_SHIFT_END, TIME_EPS } from './schedule.js';

export type InsertFailure = 'pinned' | 'capacity' | 'timeWindow' | 'maxRideTime' | 'shift';

export type CanInsertResult = { readonly ok: true; readonly delta: number } | { readonly ok: false; readonly reason: InsertFailure };

/**
 * Exact, slow-path test of one insertion: request r with its pickup at new position `pickupPos`
 * and its drop-off at new position `dropoffPos` (positions after insertion; 1 = first stop).
 * Answers with the objective delta, or with the reason dispatchers see:
 * capacity (no layout carries the loads), maxRideTime, shift (shift end or maximum duration),
 * timeWindow (windows cannot all be met). Used for diagnosis and tests; the search uses
 * findBestInsertion, which scans all positions at once.
 */
export function canInsert(route: RouteState, r: number, pickupPos: number, dropoffPos: number): CanInsertResult {
  const p = route.problem;
  const v = route.vehicle;
  const m = route.stopCount;
  if (pickupPos <= route.lockedCount || pickupPos >= dropoffPos || dropoffPos > m + 2) {
    throw new Error(`canInsert: invalid positions (${pickupPos}, ${dropoffPos}) for a route of ${m} stops`);
  }
  const pinned = p.pinnedVehicle[r]!;
  if (pinned !== -1 && pinned !== v) return { ok: false, reason: 'pinned' };
  /** Index = position in the new route (0 and m + 3 are the depots): node id. */
  const seq = new Int32Array(m + 4);
  let src = 1;
  for (let k = 1; k <= m + 2; k++) {
    if (k === pickupPos) seq[k] = 2 * r;
    else if (k === dropoffPos) seq[k] = 2 * r + 1;
    else seq[k] = route.nodes[src++]!;
  }
  // Capacity: some layout must carry the load after every stop.
  const { dims, nodeLoad } = p;
  const caps = p.layoutCapacity[v]!;
  const layouts = route.layoutFits.length;
  let anyLayout = false;
  for (let k = 0; k < layouts && !anyLayout; k++) {
    /** Index = dimension: load on board after the stop being checked. */
    const onBoard = new Float64Array(dims);
    let fits = true;
    for (let i = 1; i <= m + 2 && fits; i++) {
      for (let d = 0; d < dims; d++) {
        onBoard[d] = onBoard[d]! + nodeLoad[seq[i]! * dims + d]!;
        if (onBoard[d]! > caps[k * dims + d]! + TIME_EPS) fits = false;
      }
    }
    anyLayout = fits;
  }
  if (!anyLayout) return { ok: false, reason: 'capacity' };
  /** Index = position: start of service in the exact schedule. */
  const times = new Float64Array(m + 4);
  if (!earliestSchedule(p, v, seq, m + 2, times)) {
    if (!earliestSchedule(p, v, seq, m + 2, times, p.shiftStart[v]!, IGNORE_RIDE | IGNORE_SHIFT_END)) {
      return { ok: false, reason: 'timeWindow' };
    }
    if (!earliestSchedule(p, v, seq, m + 2, times, p.shiftStart[v]!, IGNORE_RIDE)) return { ok: false, reason: 'shift' };
    return { ok: false, reason: 'maxRideTime' };
  }
  let newCost = 0;
  const locAt = (i: number): number =>
    i === 0 ? p.vehicleStart[v]! : i === m + 3 ? p.vehicleEnd[v]! : p.nodeLocation[seq[i]!]!;
  for (let i = 1; i <= m + 3; i++) newCost += p.cost[locAt(i - 1) * p.size + locAt(i)]!;
  const delta = newCost - route.routeCost + (m === 0 ? p.fixedCost[v]! : 0);
  return { ok: true, delta };
}
