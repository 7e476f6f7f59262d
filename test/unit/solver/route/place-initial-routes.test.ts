import { describe, expect, it } from 'vitest';
import { solve } from '../../../../src/solver/index.js';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import type { Instance, InitialRoute } from '../../../../src/solver/index.js';
import { placeInitialRoutes } from '../../../../src/solver/route/place-initial-routes.js';
import { placeLockedStops } from '../../../../src/solver/route/place-locked-stops.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { checkSolution } from '../../../helpers/check-solution.js';
import { instance, randomInstance, request, vehicle } from '../support/fixtures.js';

const line: [number, number][] = [[0, 0], [5, 0], [10, 0], [15, 0], [20, 0]];
const P = (request: number) => ({ request, kind: 'pickup' as const });
const D = (request: number) => ({ request, kind: 'dropoff' as const });

function started(inst: Instance, routes: readonly InitialRoute[]): SolutionState {
  const state = new SolutionState(buildProblem(inst));
  placeLockedStops(state);
  placeInitialRoutes(state, routes);
  return state;
}
const stopsOf = (state: SolutionState, v: number) => Array.from(state.routes[v]!.nodes.subarray(1, state.routes[v]!.stopCount + 1));

describe('starting the search from given routes', () => {
  const twoRides = () => instance(line, [request({ from: 1, to: 2 }), request({ from: 3, to: 4 })], [vehicle(), vehicle()]);

  it('keeps a feasible route exactly as given, even a poor one', () => {
    // Both rides on vehicle 1, the second picked up first: feasible, just longer.
    const state = started(twoRides(), [{ vehicle: 1, stops: [P(1), P(0), D(0), D(1)] }]);

    expect(stopsOf(state, 1)).toEqual([2, 0, 1, 3]);
    expect(Array.from(state.routeOf)).toEqual([1, 1]);
    expect(state.unassignedCount).toBe(0);
    expect(state.routes[0]!.isEmpty).toBe(true);
  });

  it('leaves out a route that no longer fits the day, and its requests wait for the repair', () => {
    // Ride 1 must now be picked up at x=15 by t = 20: alone it can (t = 15), after ride 0 (x=10 to
    // x=5, done at t = 15) it cannot (t = 25).
    const inst = instance(line, [request({ from: 2, to: 1 }), request({ from: 3, to: 4, pickupWindow: [0, 20] })], [vehicle()]);
    const state = started(inst, [{ vehicle: 0, stops: [P(0), D(0), P(1), D(1)] }]);

    expect(state.routes[0]!.isEmpty).toBe(true);
    expect(state.bank()).toEqual([0, 1]);
    // The repair then serves both, ride 1 first.
    const solution = solve(inst, { seed: 1, maxIterations: 20, initialRoutes: [{ vehicle: 0, stops: [P(0), D(0), P(1), D(1)] }] });
    expect(solution.unassigned).toEqual([]);
    expect(solution.routes[0]!.stops.map((s) => s.request)).toEqual([1, 1, 0, 0]);
  });

  it('puts the route behind the vehicle\'s locked stops, skipping them if listed', () => {
    const inst = instance(line, [request({ from: 1, to: 2 }), request({ from: 3, to: 4 })], [vehicle({ lockedStops: [P(0), D(0)] })]);
    const state = started(inst, [{ vehicle: 0, stops: [P(0), P(1), D(1), D(0)] }]);

    expect(stopsOf(state, 0)).toEqual([0, 1, 2, 3]);
    expect(state.routes[0]!.lockedCount).toBe(2);
    expect(state.unassignedCount).toBe(0);
  });

  it('leaves out a route that holds a request pinned to another vehicle', () => {
    const inst = instance(line, [request({ from: 1, to: 2, pinnedVehicle: 0 })], [vehicle(), vehicle()]);
    const state = started(inst, [{ vehicle: 1, stops: [P(0), D(0)] }]);

    expect(state.routes[1]!.isEmpty).toBe(true);
    expect(state.bank()).toEqual([0]);
  });

  it('refuses a malformed start, naming what is wrong', () => {
    const inst = twoRides();
    expect(() => started(inst, [{ vehicle: 2, stops: [] }])).toThrow(/unknown vehicle 2/);
    expect(() => started(inst, [{ vehicle: 0, stops: [P(5), D(5)] }])).toThrow(/unknown request 5/);
    expect(() => started(inst, [{ vehicle: 0, stops: [D(0), P(0)] }])).toThrow(/drop-off of request 0 before its pickup/);
    expect(() => started(inst, [{ vehicle: 0, stops: [P(0)] }])).toThrow(/request 0 has no drop-off/);
    expect(() => started(inst, [{ vehicle: 0, stops: [P(0), D(0)] }, { vehicle: 1, stops: [P(0), D(0)] }])).toThrow(/listed twice/);
  });

  it('returns a plan at least as good as the start, completing it with the requests left out', () => {
    const inst = randomInstance(7, 14, 3);
    const first = solve(inst, { seed: 1, maxIterations: 300 });
    // The start lacks request 0's route entries: the solver inserts it again.
    const start: InitialRoute[] = first.routes.map((r) => ({ vehicle: r.vehicle, stops: r.stops.filter((s) => s.request !== 0).map((s) => ({ request: s.request, kind: s.kind })) }));
    const withoutZero = solve(inst, { seed: 2, maxIterations: 1, initialRoutes: start });

    expect(checkSolution(inst, withoutZero)).toEqual([]);
    expect(withoutZero.unassigned.map((u) => u.request)).toEqual(first.unassigned.map((u) => u.request));
    const again = solve(inst, { seed: 2, maxIterations: 50, initialRoutes: first.routes });
    expect(checkSolution(inst, again)).toEqual([]);
    expect(again.cost).toBeLessThanOrEqual(first.cost + 1e-9);
  });
});
