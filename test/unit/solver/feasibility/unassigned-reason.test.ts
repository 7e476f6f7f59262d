import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { canServeAlone, explainUnassigned, explainWaiting, isServableAlone } from '../../../../src/solver/feasibility/unassigned-reason.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { instance, request, vehicle } from '../support/fixtures.js';

const line: [number, number][] = [[0, 0], [5, 0], [10, 0], [15, 0]];

describe('explainUnassigned', () => {
  it('prefers the most specific reason: capacity before a window problem', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 2, load: [0, 1], pickupWindow: [0, 1] })], [vehicle({ layouts: [[4, 0]] })]));

    expect(explainUnassigned(p, 0)).toBe('capacity');
  });

  it('answers pinned when only the pinned vehicle is unable, and timeWindow when every vehicle is', () => {
    const p = buildProblem(
      instance(
        line,
        [request({ from: 1, to: 2, pickupWindow: [0, 6], pinnedVehicle: 0 }), request({ from: 1, to: 2, pickupWindow: [0, 4] })],
        [vehicle({ shiftStart: 10 }), vehicle()],
      ),
    );

    expect(explainUnassigned(p, 0)).toBe('pinned');
    expect(explainUnassigned(p, 1)).toBe('timeWindow');
  });

  it('answers shift when the request takes longer than the maximum route duration', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 3, service: 5 })], [vehicle({ maxDuration: 35 })]));

    expect(explainUnassigned(p, 0)).toBe('shift');
  });

  it('answers shift when a window lies outside every shift, timeWindow when the way is too long, and shiftEnd when the ride starts in a shift but cannot end in it', () => {
    const p = buildProblem(
      instance(
        line,
        [
          request({ from: 1, to: 2, pickupWindow: [0, 8] }), // closes before the shift starts
          request({ from: 1, to: 2, pickupWindow: [300, 320] }), // the drop-off opens after it ends
          request({ from: 3, to: 2, pickupWindow: [100, 105] }), // x=15 is 15 away: not by 105
          request({ from: 1, to: 3, pickupWindow: [190, 195] }), // picked up in the shift, back at the depot at 215
          // The same with the drop-off window the booking rules give (opening a direct ride later): past the shift's end.
          request({ from: 1, to: 3, pickupWindow: [190, 195], dropoffWindow: [200.5, 300] }),
        ],
        [vehicle({ shiftStart: 100, shiftEnd: 200 })],
      ),
    );

    expect([0, 1, 2, 3, 4].map((r) => explainUnassigned(p, r))).toEqual(['shift', 'shift', 'timeWindow', 'shiftEnd', 'shiftEnd']);
  });

  it('answers busy when some vehicle could serve the request alone', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 3 })], [vehicle()]));

    expect(canServeAlone(p, 0, 0)).toBe(true);
    expect(explainUnassigned(p, 0)).toBe('busy');
  });

  it('counts as servable alone exactly the requests it would call busy', () => {
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 3, load: [1, 0] }), request({ from: 1, to: 2, load: [0, 1] }), request({ from: 1, to: 2, load: [1, 0], pickupWindow: [0, 1] })], [vehicle({ layouts: [[4, 0]] })]),
    );

    expect([0, 1, 2].map((r) => explainUnassigned(p, r))).toEqual(['busy', 'capacity', 'timeWindow']);
    expect([0, 1, 2].map((r) => isServableAlone(p, r))).toEqual([true, false, false]);
    // Asked again, the cached answers stay the same.
    expect([2, 1, 0].map((r) => isServableAlone(p, r))).toEqual([false, false, true]);
  });
});

describe('explainWaiting', () => {
  // x = 0, 5, 10, 15 (travel time = distance). Ride A is picked up at x=15 at 15 and dropped at
  // x=0 at 30; ride B waits at x=5 from 20 to 21: alone any vehicle makes it, beside A none can.
  const a = request({ from: 3, to: 0, pickupWindow: [15, 15], dropoffWindow: [30, 30] });
  const b = request({ from: 1, to: 2, pickupWindow: [20, 21] });
  // Ride C rides along A's way at the same time (x=10 to x=5, between A's stops): only places can keep it out.
  const c = request({ from: 2, to: 1, pickupWindow: [20, 20] });
  const planned = (requests: Parameters<typeof instance>[1], vehicles: Parameters<typeof instance>[2], placed: [r: number, v: number][]) => {
    const p = buildProblem(instance(line, requests, vehicles));
    const state = new SolutionState(p);
    for (const [r, v] of placed) state.insert(r, v, 1, 2);
    return { p, state };
  };

  it('answers busy when the vehicles have seats but no time between their stops', () => {
    const { p, state } = planned([a, b], [vehicle({ layouts: [[4]] })], [[0, 0]]);

    expect(explainUnassigned(p, 1)).toBe('busy');
    expect(explainWaiting(p, state.routes, 1)).toBe('busy');
  });

  it('answers full when a vehicle could be there in time but its places are taken', () => {
    const { p, state } = planned([a, c], [vehicle({ layouts: [[1]] })], [[0, 0]]);

    expect(explainUnassigned(p, 1)).toBe('busy');
    expect(explainWaiting(p, state.routes, 1)).toBe('full');
  });

  it('answers full when one vehicle lacks places and the other time, busy when the ride is pinned to the one without time', () => {
    // D and E both wait at x=10 at 10. Vehicle 0 (four seats) carries A and cannot be at x=10 at
    // 10; vehicle 1 (one seat) carries D and could take E beside it, but has no place for it.
    const d = request({ from: 2, to: 1, pickupWindow: [10, 10] });
    const e = request({ from: 2, to: 1, pickupWindow: [10, 10] });
    const fleet = [vehicle({ layouts: [[4]] }), vehicle({ layouts: [[1]] })];
    const day = (ride: ReturnType<typeof request>) => planned([a, d, ride], fleet, [[0, 0], [1, 1]]);

    expect(explainWaiting(day(e).p, day(e).state.routes, 2)).toBe('full');
    const toBus = day({ ...e, pinnedVehicle: 0 });
    expect(explainWaiting(toBus.p, toBus.state.routes, 2)).toBe('busy');
    const toCar = day({ ...e, pinnedVehicle: 1 });
    expect(explainWaiting(toCar.p, toCar.state.routes, 2)).toBe('full');
  });

  it('keeps every other reason as explainUnassigned gives it', () => {
    const { p, state } = planned([a, request({ from: 1, to: 2, pickupWindow: [0, 1] })], [vehicle()], [[0, 0]]);

    expect(explainWaiting(p, state.routes, 1)).toBe('timeWindow');
  });
});
