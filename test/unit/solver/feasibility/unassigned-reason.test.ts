import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { canServeAlone, explainUnassigned, isServableAlone } from '../../../../src/solver/feasibility/unassigned-reason.js';
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
