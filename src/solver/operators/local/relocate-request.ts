import { createInsertion, findBestInsertion, type Insertion } from '../../feasibility/best-insertion.js';
import type { SolutionState } from '../../route/solution-state.js';

/** A relocation: request `request` leaves its route and goes to `vehicle` at the given positions. */
export interface RelocateMove {
  request: number;
  vehicle: number;
  pickupPos: number;
  dropoffPos: number;
  /** Objective decrease (> 0 = improvement). */
  gain: number;
}

export const createRelocateMove = (): RelocateMove => ({ request: -1, vehicle: -1, pickupPos: -1, dropoffPos: -1, gain: 0 });

const insertion: Insertion = createInsertion();

/**
 * Best move of request r to another enabled route, given what removing it saves (`removalGain`,
 * fixed cost included when its route would empty; see computeRemovalGains). Pure: the solution is
 * not touched. Moves within the same route are left to the ALNS, which re-inserts anyway.
 */
export function evaluateRelocate(state: SolutionState, r: number, removalGain: number, move: RelocateMove): boolean {
  const from = state.routeOf[r]!;
  if (from === -1 || state.isFixed[r]) return false;
  move.request = r;
  move.gain = 0;
  move.vehicle = -1;
  for (let v = 0; v < state.routes.length; v++) {
    if (v === from || !state.isEnabled[v]) continue;
    if (findBestInsertion(state.routes[v]!, r, insertion, removalGain - move.gain)) {
      const gain = removalGain - insertion.cost;
      if (gain > move.gain) {
        move.gain = gain;
        move.vehicle = v;
        move.pickupPos = insertion.pickupPos;
        move.dropoffPos = insertion.dropoffPos;
      }
    }
  }
  return move.vehicle !== -1;
}

/**
 * Applies a move found by evaluateRelocate on the same, unchanged solution. Returns false (and
 * changes nothing) if the origin route cannot do without the request (non-metric travel times).
 */
export function applyRelocate(state: SolutionState, move: RelocateMove): boolean {
  if (!state.remove(move.request)) return false;
  state.insert(move.request, move.vehicle, move.pickupPos, move.dropoffPos);
  return true;
}
