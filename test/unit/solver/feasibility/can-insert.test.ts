import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { RouteState } from '../../../../src/solver/route/route-state.js';
import { canInsert } from '../../../../src/solver/feasibility/can-insert.js';
import { instance, request, vehicle } from '../support/fixtures.js';

// Depot at x=0, stops along a line at x = 5, 10, 15, 20.
const line: [number, number][] = [[0, 0], [5, 0], [10, 0], [15, 0], [20, 0]];

describe('canInsert', () => {
  it('accepts a feasible insertion and reports its cost delta', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 3 })], [vehicle()]));

    const result = canInsert(new RouteState(p, 0), 0, 1, 2);

    expect(result).toEqual({ ok: true, delta: 30 });
  });

  it('answers capacity when the vehicle would be overloaded', () => {
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 3, load: [2] }), request({ from: 2, to: 4, load: [2] })], [vehicle({ layouts: [[3]] })]),
    );
    const route = new RouteState(p, 0);
    route.insertRequest(0, 1, 2);

    expect(canInsert(route, 1, 2, 3)).toEqual({ ok: false, reason: 'capacity' });
    expect(canInsert(route, 1, 3, 4).ok).toBe(true);
  });

  it('answers timeWindow when a window cannot be met', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 3, dropoffWindow: [0, 10] })], [vehicle()]));

    expect(canInsert(new RouteState(p, 0), 0, 1, 2)).toEqual({ ok: false, reason: 'timeWindow' });
  });

  it('answers maxRideTime when a detour makes another passenger ride too long', () => {
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 2, maxRideTime: 5 }), request({ from: 4, to: 3 })], [vehicle()]),
    );
    const route = new RouteState(p, 0);
    route.insertRequest(0, 1, 2);

    // Picking up at x=20 between x=5 and x=10 makes request 0 ride 25.
    expect(canInsert(route, 1, 2, 3)).toEqual({ ok: false, reason: 'maxRideTime' });
    expect(canInsert(route, 1, 3, 4).ok).toBe(true);
  });

  it('answers shift when the driver would be back too late', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 4 })], [vehicle({ shiftEnd: 39 })]));

    expect(canInsert(new RouteState(p, 0), 0, 1, 2)).toEqual({ ok: false, reason: 'shift' });
  });

  it('answers pinned for a request pinned to another vehicle', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 4, pinnedVehicle: 1 })], [vehicle(), vehicle()]));

    expect(canInsert(new RouteState(p, 0), 0, 1, 2)).toEqual({ ok: false, reason: 'pinned' });
  });
});
