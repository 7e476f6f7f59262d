import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solver/index.js';
import type { Instance, Solution } from '../../../src/solver/index.js';
import { checkSolution } from '../../helpers/check-solution.js';
import { validateSolution } from './support/validate-solution.js';
import { instance, randomInstance, request, threeRequestsOneVehicle, vehicle } from './support/fixtures.js';

function solveValid(inst: Instance, seed = 1): Solution {
  const solution = solve(inst, { seed, maxIterations: 200 });
  expect(validateSolution(inst, solution)).toEqual([]);
  expect(checkSolution(inst, solution)).toEqual([]);
  return solution;
}

const line: [number, number][] = [[0, 0], [5, 0], [10, 0], [15, 0], [20, 0]];

describe('solve', () => {
  it('serves three requests with one vehicle', () => {
    const solution = solveValid(threeRequestsOneVehicle());

    expect(solution.unassigned).toEqual([]);
    expect(solution.routes).toHaveLength(1);
    expect(solution.routes[0]!.stops).toHaveLength(6);
  });

  it('returns an empty plan for a day without requests', () => {
    const solution = solveValid(instance(line, [], [vehicle()], { loadDimensions: 1 }));

    expect(solution).toEqual({ routes: [], unassigned: [], cost: 0, distance: 0, travelTime: 0 });
  });

  it('leaves a wheelchair ride unassigned for capacity when no vehicle has a wheelchair place', () => {
    const inst = instance(
      line,
      [request({ from: 1, to: 2, load: [1, 0] }), request({ from: 3, to: 4, load: [0, 1] })],
      [vehicle({ layouts: [[4, 0]] }), vehicle({ layouts: [[8, 0]] })],
    );

    const solution = solveValid(inst);

    expect(solution.unassigned).toEqual([{ request: 1, reason: 'capacity' }]);
  });

  it('explains windows no vehicle can reach, shifts too short, ride limits and missing roads', () => {
    const reqs = [
      request({ from: 1, to: 2, pickupWindow: [0, 2] }), // x=5 cannot be reached by t=2
      request({ from: 1, to: 4, maxRideTime: 10 }), // direct ride is 15
      request({ from: 3, to: 4 }),
    ];
    const base = instance(line, reqs, [vehicle({ shiftEnd: 1000 })]);
    const durations = Float64Array.from(base.durations);
    durations[3 * 5 + 4] = Infinity; // no road from x=15 to x=20
    const inst = { ...base, durations };

    const solution = solveValid(inst);

    expect(solution.unassigned).toEqual([
      { request: 0, reason: 'timeWindow' },
      { request: 1, reason: 'maxRideTime' },
      { request: 2, reason: 'unreachable' },
    ]);
  });

  it('explains a request longer than every shift', () => {
    const solution = solveValid(instance(line, [request({ from: 1, to: 4 })], [vehicle({ shiftEnd: 30 })]));

    expect(solution.unassigned).toEqual([{ request: 0, reason: 'shift' }]);
  });

  it('answers full when the request fits alone, and beside the others in time, but not in their places', () => {
    const inst = instance(
      line,
      [
        request({ from: 1, to: 2, pickupWindow: [5, 5], load: [1], priority: 2 }),
        request({ from: 1, to: 2, pickupWindow: [5, 5], load: [1] }),
      ],
      [vehicle({ layouts: [[1]] })],
    );

    const solution = solveValid(inst);

    expect(solution.unassigned).toEqual([{ request: 1, reason: 'full' }]);
  });

  it('answers busy when the request fits alone but the vehicle has no time for it beside the others', () => {
    const inst = instance(
      line,
      [
        // At x=15 at 15, back at the depot at 30: a vehicle with it cannot be at x=5 at 20.
        request({ from: 3, to: 0, pickupWindow: [15, 15], dropoffWindow: [30, 30], load: [1], priority: 2 }),
        request({ from: 1, to: 2, pickupWindow: [20, 21], load: [1] }),
      ],
      [vehicle({ layouts: [[8]] })],
    );

    const solution = solveValid(inst);

    expect(solution.unassigned).toEqual([{ request: 1, reason: 'busy' }]);
  });

  it('chooses the minibus layout with wheelchair places when a wheelchair rides', () => {
    const inst = instance(
      line,
      [request({ from: 1, to: 3, load: [1, 1] }), request({ from: 2, to: 4, load: [3, 0] })],
      [vehicle({ layouts: [[8, 0], [4, 2]] })],
    );

    const solution = solveValid(inst);

    expect(solution.unassigned).toEqual([]);
    expect(solution.routes[0]!.layout).toBe(1);
  });

  it('serves a pinned request with its vehicle and reports pinned when that vehicle cannot', () => {
    const inst = instance(
      line,
      [request({ from: 1, to: 2, pinnedVehicle: 1 }), request({ from: 3, to: 4, load: [5], pinnedVehicle: 0 })],
      [vehicle({ layouts: [[8]] }), vehicle({ layouts: [[8]] }), vehicle({ layouts: [[4]], startLocation: 4 })],
    );
    const small = { ...inst, vehicles: [vehicle({ layouts: [[4]] }), vehicle({ layouts: [[8]] })] };

    const served = solveValid(inst);
    const refused = solveValid(small);

    expect(served.unassigned).toEqual([]);
    expect(served.routes.find((r) => r.stops.some((s) => s.request === 0))!.vehicle).toBe(1);
    expect(refused.unassigned).toEqual([{ request: 1, reason: 'pinned' }]);
  });

  it('keeps locked stops in their order at the head of the route', () => {
    const inst = instance(
      line,
      [request({ from: 4, to: 1 }), request({ from: 2, to: 3 }), request({ from: 1, to: 4 })],
      [
        vehicle({
          lockedStops: [
            { request: 0, kind: 'pickup' },
            { request: 1, kind: 'pickup' },
          ],
        }),
      ],
    );

    const solution = solveValid(inst);

    const stops = solution.routes[0]!.stops.map((s) => `${s.request}${s.kind[0]}`);
    expect(stops.slice(0, 2)).toEqual(['0p', '1p']);
    expect(solution.unassigned).toEqual([]);
  });

  it('releases locked stops that can no longer be kept instead of returning an infeasible route', () => {
    // The locked pickup at x=20 closes at 10, but the vehicle's shift only starts at 50.
    const inst = instance(
      line,
      [request({ from: 4, to: 1, pickupWindow: [0, 10] }), request({ from: 2, to: 3 })],
      [vehicle({ shiftStart: 50, lockedStops: [{ request: 0, kind: 'pickup' }] })],
    );

    const solution = solve(inst, { seed: 1, maxIterations: 50 });

    // Its window closes before the only shift starts.
    expect(solution.unassigned).toEqual([{ request: 0, reason: 'shift' }]);
    expect(solution.routes[0]!.stops.map((s) => s.request)).toEqual([1, 1]);
    // Every rule holds except the broken lock itself, which the checker rightly reports.
    expect(checkSolution(inst, solution).map((v) => v.rule)).toEqual(['locked']);
    expect(validateSolution(inst, solution).filter((e) => !e.includes('locked'))).toEqual([]);
  });

  it('leaves everything unassigned, with a reason, when there is no vehicle', () => {
    const solution = solveValid(instance(line, [request({ from: 1, to: 2 })], []));

    expect(solution.unassigned).toEqual([{ request: 0, reason: 'capacity' }]);
    expect(solution.routes).toEqual([]);
  });

  it('returns the same plan for the same seed', () => {
    const inst = randomInstance(11, 20, 3);

    expect(solveValid(inst, 7)).toEqual(solveValid(inst, 7));
  });

  it('returns only feasible routes on random days', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const solution = solveValid(randomInstance(seed, 15, 3), seed);
      expect(solution.routes.length + solution.unassigned.length).toBeGreaterThan(0);
    }
  });
});
