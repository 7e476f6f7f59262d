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
 * Best relocation of request r: take it out of its route and put it at its cheapest feasible place
 * in any enabled route (its own included). Leaves the solution as it was; returns false when r
 * cannot move (fixed, unassigned, or its route needs it).
 */
export function evaluateRelocate(state: SolutionState, r: number, move: RelocateMove): boolean {
  const from = state.routeOf[r]!;
  if (from === -1 || state.isFixed[r]) return false;
  const route = state.routes[from]!;
  const pickupPos = route.positionOf(2 * r);
  const dropoffPos = route.positionOf(2 * r + 1);
  const before = state.cost();
  if (!state.remove(r)) return false;
  const removedGain = before - state.cost() + state.problem.unassignedCost[r]!;
  move.request = r;
  move.gain = 0;
  move.vehicle = -1;
  for (let v = 0; v < state.routes.length; v++) {
    if (!state.isEnabled[v] && v !== from) continue;
    if (findBestInsertion(state.routes[v]!, r, insertion, removedGain - move.gain)) {
      const gain = removedGain - insertion.cost;
      if (gain > move.gain) {
        move.gain = gain;
        move.vehicle = v;
        move.pickupPos = insertion.pickupPos;
        move.dropoffPos = insertion.dropoffPos;
      }
    }
  }
  state.insert(r, from, pickupPos, dropoffPos);
  return move.vehicle !== -1;
}

/** Applies a move found by evaluateRelocate on the same, unchanged solution. */
export function applyRelocate(state: SolutionState, move: RelocateMove): void {
  state.remove(move.request);
  state.insert(move.request, move.vehicle, move.pickupPos, move.dropoffPos);
}
