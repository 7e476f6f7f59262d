import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { canServeAlone, explainUnassigned } from '../../../../src/solver/feasibility/unassigned-reason.js';
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

  it('answers busy when some vehicle could serve the request alone', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 3 })], [vehicle()]));

    expect(canServeAlone(p, 0, 0)).toBe(true);
    expect(explainUnassigned(p, 0)).toBe('busy');
  });
});
