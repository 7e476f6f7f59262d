import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { RouteState } from '../../../../src/solver/route/route-state.js';
import { toPlannedRoute } from '../../../../src/solver/route/to-planned-route.js';
import { instance, request, vehicle } from '../support/fixtures.js';

// Depot at x=0, stops at x = 5, 10, 15.
const line: [number, number][] = [[0, 0], [5, 0], [10, 0], [15, 0]];

describe('toPlannedRoute', () => {
  it('reports arrival, service start, departure and load for every stop, leaving the depot late', () => {
    // Request 0 must be dropped at x=15 in [50, 60]; request 1 rides x=5 → x=10 at any time.
    const p = buildProblem(
      instance(
        line,
        [request({ from: 1, to: 3, dropoffWindow: [50, 60], service: 1 }), request({ from: 1, to: 2, service: 1 })],
        [vehicle()],
      ),
    );
    const route = new RouteState(p, 0);
    route.setStops([0, 2, 3, 1]); // pick 0, pick 1, drop 1, drop 0

    const planned = toPlannedRoute(route);

    // Driving and service from the depot to the last drop-off take 18, and that drop-off starts no
    // earlier than 50: leaving at 32 arrives exactly on time, so nobody waits on board.
    expect(planned.start).toBe(32);
    expect(planned.stops.map((s) => [s.request, s.kind, s.arrival, s.serviceStart, s.departure])).toEqual([
      [0, 'pickup', 37, 37, 38],
      [1, 'pickup', 38, 38, 39],
      [1, 'dropoff', 44, 44, 45],
      [0, 'dropoff', 50, 50, 51],
    ]);
    expect(planned.stops.map((s) => s.loadAfter)).toEqual([[1], [2], [1], [0]]);
    expect(planned.end).toBe(66);
    expect(planned.distance).toBe(30);
    expect(planned.travelTime).toBe(30);
    expect(planned.layout).toBe(0);
  });

  it('names the first layout that carries the whole route', () => {
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 2, load: [2, 1] })], [vehicle({ layouts: [[8, 0], [6, 0], [4, 2]] })]),
    );
    const route = new RouteState(p, 0);
    route.setStops([0, 1]);

    expect(toPlannedRoute(route).layout).toBe(2);
  });

  it('refuses to report an infeasible route (a solver bug, never a user error)', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 3, dropoffWindow: [0, 5] })], [vehicle()]));
    const route = new RouteState(p, 0);
    route.setStops([0, 1]);

    expect(() => toPlannedRoute(route)).toThrow(/infeasible/);
  });
});
