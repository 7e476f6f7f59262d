import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../src/solver/model/instance.js';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { bestInsertionOverRoutes, insertionAt, scheduleFixedRoute, whyNotInserted, withInsertion } from '../../../../src/solver/live/fixed-routes.js';
import { instance as lineInstance, request, vehicle } from '../support/fixtures.js';

/** Locations on a line, 100 s apart: 0 depot, 1…4 stops. */
function instance(windows: [number, number][]): Instance {
  const size = 5;
  const durations = new Float64Array(size * size);
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) durations[a * size + b] = Math.abs(a - b) * 100;
  const req = (from: number, to: number, w: [number, number]) => ({
    pickup: { location: from, twStart: w[0], twEnd: w[1], serviceTime: 10 },
    dropoff: { location: to, twStart: 0, twEnd: 100_000, serviceTime: 10 },
    load: [1], maxRideTime: Infinity, priority: 1,
  });
  return {
    loadDimensions: 1,
    requests: [req(1, 2, [0, 100_000]), req(3, 4, windows[0]!), req(2, 3, windows[1]!)],
    vehicles: [0, 1].map(() => ({ startLocation: 0, endLocation: 0, shiftStart: 0, shiftEnd: 100_000, maxDuration: Infinity, layouts: [[1]], fixedCost: 0 })),
    size, durations, distances: durations, objective: 'duration', unassignedPenalty: 1e8,
  };
}

describe('insertion into fixed routes', () => {
  it('finds the cheapest feasible place over the routes, keeping their order and locked heads', () => {
    const p = buildProblem(instance([[0, 100_000], [0, 100_000]]));
    const routes = [{ vehicle: 0, stops: [0, 1], lockedCount: 0 }, { vehicle: 1, stops: [2, 3], lockedCount: 0 }];
    const best = bestInsertionOverRoutes(p, routes, 2)!;
    expect(best).not.toBeNull();
    // Capacity 1: the new ride goes between the two existing rides of a route, not inside one.
    const stops = withInsertion(routes[best.vehicle]!.stops, 2, best.pickupPos, best.dropoffPos);
    expect(stops.filter((n) => n >> 1 !== 2)).toEqual(routes[best.vehicle]!.stops);
    expect(scheduleFixedRoute(p, { ...routes[best.vehicle]!, stops })).not.toBeNull();
    // Nothing goes before a locked stop.
    const locked = bestInsertionOverRoutes(p, [{ vehicle: 0, stops: [0, 1], lockedCount: 2 }], 2)!;
    expect(locked.pickupPos).toBe(3);
  });

  it('answers why a given position fails, and null when no route can take the ride', () => {
    const p = buildProblem(instance([[0, 100_000], [0, 50]]));
    const route = { vehicle: 0, stops: [0, 1], lockedCount: 0 };
    expect(insertionAt(p, route, 2, 2, 3)).toEqual({ ok: false, reason: 'capacity' });
    expect(bestInsertionOverRoutes(p, [route], 2)).toBeNull();
    expect(scheduleFixedRoute(p, { vehicle: 0, stops: [0, 2, 1, 3], lockedCount: 0 })).toBeNull();
  });

  it('tells a ride the routes have no places for from one they have no time for', () => {
    // x = 0, 5, 10, 15; one seat per car, each carrying a ride picked up at x=5 at 5.
    const line: [number, number][] = [[0, 0], [5, 0], [10, 0], [15, 0]];
    const routes = [{ vehicle: 0, stops: [0, 1], lockedCount: 0 }, { vehicle: 1, stops: [2, 3], lockedCount: 0 }];
    const day = (placed: ReturnType<typeof request>, waiting: ReturnType<typeof request>) =>
      buildProblem(lineInstance(line, [placed, placed, waiting], [vehicle({ layouts: [[1]] }), vehicle({ layouts: [[1]] })]));
    // Along the same way at the same time: in time, but the seat is taken.
    const alongside = day(request({ from: 1, to: 3, pickupWindow: [5, 5] }), request({ from: 1, to: 3, pickupWindow: [5, 5] }));
    expect(bestInsertionOverRoutes(alongside, routes, 2)).toBeNull();
    expect(whyNotInserted(alongside, routes, 2)).toBe('full');
    // Back at the depot at 10, the cars cannot be at x=15 at 15 with the seat free or not.
    const elsewhere = day(request({ from: 1, to: 0, pickupWindow: [5, 5], dropoffWindow: [10, 10] }), request({ from: 3, to: 2, pickupWindow: [15, 15] }));
    expect(bestInsertionOverRoutes(elsewhere, routes, 2)).toBeNull();
    expect(whyNotInserted(elsewhere, routes, 2)).toBe('busy');
  });

  it('answers about the routes it is given: without the one vehicle with a wheelchair place, none has one', () => {
    const line: [number, number][] = [[0, 0], [5, 0], [10, 0]];
    const p = buildProblem(lineInstance(line, [request({ from: 1, to: 2, load: [0, 1] })], [vehicle({ layouts: [[4, 1]] }), vehicle({ layouts: [[4, 0]] })]));
    // Vehicle 0 out of service: its route is not offered.
    expect(whyNotInserted(p, [{ vehicle: 1, stops: [], lockedCount: 0 }], 0)).toBe('capacity');
  });
});
