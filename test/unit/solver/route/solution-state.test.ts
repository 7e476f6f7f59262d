import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { RouteState } from '../../../../src/solver/route/route-state.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { instance, request, vehicle } from '../support/fixtures.js';

describe('SolutionState', () => {
  it('refuses to remove a request whose stop is a shortcut the others need (triangle inequality broken)', () => {
    // Road matrix: 1→3 directly takes 100, but 1→2→3 takes 2 (a ferry or a closed road, say).
    const base = instance([[0, 0], [1, 0], [2, 0], [3, 0]], [request({ from: 1, to: 3, dropoffWindow: [0, 10] }), request({ from: 2, to: 2 })], [vehicle()]);
    const durations = Float64Array.from(base.durations);
    durations[1 * 4 + 3] = 100;
    const inst = { ...base, durations, distances: durations };
    const state = new SolutionState(buildProblem(inst));
    state.insert(0, 0, 1, 2); // 1 … 3 through the slow edge would be late, so insert 1 → 2 → 3 by hand
    state.routes[0]!.setStops([0, 2, 3, 1]);
    state.routeOf[1] = 0;
    state.unassignedCount = 0;

    const removed = state.remove(1);

    expect(removed).toBe(false);
    expect(state.routeOf[1]).toBe(0);
    expect(Array.from(state.routes[0]!.nodes.subarray(1, 5))).toEqual([0, 2, 3, 1]);
  });

  it('keeps fixed (locked) requests in place', () => {
    const inst = instance([[0, 0], [1, 0], [2, 0]], [request({ from: 1, to: 2 })], [vehicle({ lockedStops: [{ request: 0, kind: 'pickup' }] })]);
    const state = new SolutionState(buildProblem(inst));
    state.insert(0, 0, 1, 2);
    state.isFixed[0] = 1;

    expect(state.remove(0)).toBe(false);
    expect(state.routeOf[0]).toBe(0);
  });

  it('replaces a route by a subset of its requests, sending the others to the bank', () => {
    const inst = instance([[0, 0], [1, 0], [2, 0], [3, 0]], [request({ from: 1, to: 2 }), request({ from: 2, to: 3 }), request({ from: 1, to: 3 })], [vehicle()]);
    const problem = buildProblem(inst);
    const state = new SolutionState(problem);
    state.insert(0, 0, 1, 2);
    state.insert(1, 0, 3, 4);
    state.insert(2, 0, 1, 6);
    const without = new RouteState(problem, 0);
    // Only the first `count` stops are taken: request 1's stops, then a stale tail.
    without.setStops([2, 3, 0, 1], 0, 2);

    state.replaceRoute(without);

    expect(Array.from(state.routeOf)).toEqual([-1, 0, -1]);
    expect(state.unassignedCount).toBe(2);
    expect(state.bank()).toEqual([0, 2]);
    expect(state.routes[0]!.stopCount).toBe(2);
    expect(state.routes[0]!.routeCost).toBe(without.routeCost);
  });
});
