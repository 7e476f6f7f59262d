import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { instance, request, vehicle } from '../support/fixtures.js';

const line: [number, number][] = [[0, 0], [5, 0], [15, 0]];

describe('buildProblem', () => {
  it('tightens windows by the direct ride and the maximum ride time', () => {
    // Drop-off window [50, 60], direct ride 10, limit 15, boarding 2: the pickup must start in [33, 48].
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 2, dropoffWindow: [50, 60], maxRideTime: 15, service: 2 })], [vehicle()]),
    );

    expect([p.nodeTwStart[0], p.nodeTwEnd[0]]).toEqual([33, 48]);
    expect([p.nodeTwStart[1], p.nodeTwEnd[1]]).toEqual([50, 60]);
  });

  it('throws on malformed instances (programmer errors)', () => {
    const ok = instance(line, [request({ from: 1, to: 2 })], [vehicle()]);

    expect(() => buildProblem({ ...ok, requests: [request({ from: 1, to: 9 })] })).toThrow(/location 9/);
    expect(() => buildProblem({ ...ok, requests: [request({ from: 1, to: 2, pinnedVehicle: 3 })] })).toThrow(/pinned/);
    expect(() => buildProblem({ ...ok, vehicles: [vehicle({ layouts: [] })] })).toThrow(/layout/);
    expect(() =>
      buildProblem({ ...ok, vehicles: [vehicle({ lockedStops: [{ request: 0, kind: 'dropoff' }] })] }),
    ).toThrow(/without its pickup/);
  });

  it('groups interchangeable vehicles into one class', () => {
    const p = buildProblem(instance(line, [], [vehicle(), vehicle(), vehicle({ layouts: [[8]] })], { loadDimensions: 1 }));

    expect(Array.from(p.vehicleClass)).toEqual([0, 0, 1]);
  });

  it('rules out only the vehicles that can never serve a request: no layout fits, or a window outside the shift', () => {
    const wheelchair = request({ from: 1, to: 2, load: [0, 1] });
    const late = request({ from: 1, to: 2, load: [1, 0], pickupWindow: [500, 520], dropoffWindow: [520, 600] });
    const car = vehicle({ layouts: [[4, 0]] });
    const van = vehicle({ layouts: [[8, 0], [4, 2]] });
    const morningVan = vehicle({ layouts: [[4, 2]], shiftStart: 0, shiftEnd: 400 });
    const afternoonVan = vehicle({ layouts: [[4, 2]], shiftStart: 300, shiftEnd: 1000 });
    const p = buildProblem(instance(line, [wheelchair, late], [car, van, morningVan, afternoonVan]));

    // Index = r * vehicleCount + v.
    expect(Array.from(p.vehicleFits)).toEqual([0, 1, 1, 1, 1, 1, 0, 1]);
  });
});
