import { earliestSchedule, TIME_EPS } from '../feasibility/schedule.js';
import type { SolutionState } from './solution-state.js';

/**
 * Puts every vehicle's locked stops at the head of its route, in their order, and marks those
 * requests fixed. A request whose pickup is locked but whose drop-off is not gets its drop-off
 * at the cheapest feasible place after the locked stops; when one has none left, the drop-offs
 * all go after the locked stops in the order of their pickups (a live re-plan locks passengers
 * on board in the order their drop-offs are due, and makes sure that order can be driven).
 *
 * If the locked stops cannot be kept feasibly (the dispatcher locked something impossible, or the
 * day moved on), the vehicle's locked requests are released into the bank instead: the solver never
 * returns an infeasible route, and the caller sees them as unassigned with a reason.
 */
export function placeLockedStops(state: SolutionState): void {
  const p = state.problem;
  for (let v = 0; v < p.vehicleCount; v++) {
    const locked = p.lockedNodes[v]!;
    if (locked.length === 0) continue;
    const route = state.routes[v]!;
    const stops = Array.from(locked);
    const onlyPickup = stops.filter((node) => (node & 1) === 0 && !stops.includes(node + 1));
    for (const pick of onlyPickup) {
      const drop = pick + 1;
      let bestStops: number[] | null = null;
      let bestCost = Infinity;
      for (let pos = locked.length; pos <= stops.length; pos++) {
        const candidate = [...stops.slice(0, pos), drop, ...stops.slice(pos)];
        route.setStops(candidate, locked.length);
        if (route.isFeasible(new Float64Array(candidate.length + 2)) && route.routeCost < bestCost - TIME_EPS) {
          bestCost = route.routeCost;
          bestStops = candidate;
        }
      }
      if (bestStops === null) {
        stops.splice(0, stops.length, ...droppedInPickupOrder(locked));
        break;
      }
      stops.splice(0, stops.length, ...bestStops);
    }
    route.setStops(stops, stops.length === 0 ? 0 : locked.length);
    const times = new Float64Array(stops.length + 2);
    if (stops.length === 0 || !route.isFeasible(times) || !earliestSchedule(p, v, route.nodes, route.stopCount, times)) {
      route.setStops([], 0);
      continue;
    }
    for (const node of stops) {
      const r = node >> 1;
      state.routeOf[r] = v;
      state.isFixed[r] = 1;
    }
    state.unassignedCount -= stops.length / 2;
  }
}

/** The locked stops, then the drop-off of each locked pickup without one, in the pickups' order. */
function droppedInPickupOrder(locked: Int32Array): number[] {
  const stops = Array.from(locked);
  return [...stops, ...stops.filter((node) => (node & 1) === 0 && !stops.includes(node + 1)).map((pick) => pick + 1)];
}
