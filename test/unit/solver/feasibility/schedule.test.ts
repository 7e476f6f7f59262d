import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { earliestSchedule, passengerSchedule } from '../../../../src/solver/feasibility/schedule.js';
import { instance, request, vehicle } from '../support/fixtures.js';

// Locations on a line: depot 0 at x=0, A at x=5, B at x=15.
const line: [number, number][] = [[0, 0], [5, 0], [15, 0]];
/** seq[1..m] = node ids; request r has pickup 2r, drop-off 2r + 1. */
const sequence = (...nodes: number[]): Int32Array => Int32Array.of(-1, ...nodes, -1);

describe('earliestSchedule', () => {
  it('serves each stop as early as travel and windows allow', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 2, dropoffWindow: [30, 40], service: 2 })], [vehicle()]));
    const out = new Float64Array(4);

    const ok = earliestSchedule(p, 0, sequence(0, 1), 2, out);

    expect(ok).toBe(true);
    expect(Array.from(out)).toEqual([0, 5, 30, 47]);
  });

  it('rejects a stop reached after its window closes', () => {
    const p = buildProblem(instance(line, [request({ from: 1, to: 2, dropoffWindow: [0, 14] })], [vehicle()]));

    expect(earliestSchedule(p, 0, sequence(0, 1), 2, new Float64Array(4))).toBe(false);
  });

  it('finds the schedule where only a delayed departure avoids a ride-time violation', () => {
    // Earliest pickup at 5, drop-off window opens at 50: riding from 5 to 50 breaks the 15 limit,
    // but starting the pickup at 35 or later rides 15 or less.
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 2, pickupWindow: [0, 100], dropoffWindow: [50, 60], maxRideTime: 15 })], [vehicle()]),
    );
    const out = new Float64Array(4);

    const ok = earliestSchedule(p, 0, sequence(0, 1), 2, out);

    expect(ok).toBe(true);
    expect(out[2]! - out[1]!).toBeLessThanOrEqual(15);
    expect(out[1]).toBe(35);
  });

  it('delays an earlier pickup when a later stop forces waiting with the passenger on board', () => {
    // Request 0 rides x=5 → x=15 (limit 20); request 1 is picked up on the way at x=10 no earlier than 40.
    // Request 1 boards at 40 and request 0 alights at 45, so request 0's pickup must start at 25 or later.
    const points: [number, number][] = [[0, 0], [5, 0], [15, 0], [10, 0]];
    const p = buildProblem(
      instance(points, [request({ from: 1, to: 2, maxRideTime: 20 }), request({ from: 3, to: 2, pickupWindow: [40, 45] })], [vehicle()]),
    );
    const out = new Float64Array(6);

    const ok = earliestSchedule(p, 0, sequence(0, 2, 1, 3), 4, out);

    expect(ok).toBe(true);
    expect(out[1]).toBe(25); // pickup of request 0
    expect(out[3]! - out[1]!).toBeLessThanOrEqual(20);
  });

  it('rejects a ride-time limit that no departure time can meet', () => {
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 2, pickupWindow: [0, 20], dropoffWindow: [50, 60], maxRideTime: 15 })], [vehicle()]),
    );

    expect(earliestSchedule(p, 0, sequence(0, 1), 2, new Float64Array(4))).toBe(false);
  });

  it('measures ride time from the end of pickup service', () => {
    // Travel A→B is 10; with 3 minutes boarding a 10-minute limit still holds, 9 does not.
    const make = (limit: number) =>
      buildProblem(instance(line, [request({ from: 1, to: 2, maxRideTime: limit, service: 3 })], [vehicle()]));

    expect(earliestSchedule(make(10), 0, sequence(0, 1), 2, new Float64Array(4))).toBe(true);
    expect(earliestSchedule(make(9), 0, sequence(0, 1), 2, new Float64Array(4))).toBe(false);
  });

  it('delays the departure to respect the maximum route duration', () => {
    // The drop-off cannot start before 60; returning takes 15, so a 40-minute duration limit
    // forces leaving the depot at 35 rather than 0.
    const p = buildProblem(
      instance(line, [request({ from: 1, to: 2, dropoffWindow: [60, 70] })], [vehicle({ maxDuration: 40 })]),
    );
    const out = new Float64Array(4);

    expect(earliestSchedule(p, 0, sequence(0, 1), 2, out)).toBe(true);
    expect(out[3]! - out[0]!).toBeLessThanOrEqual(40);
    expect(out[0]).toBe(35);
  });

  it('rejects a route that cannot fit the maximum duration or the shift end', () => {
    const tooLong = buildProblem(instance(line, [request({ from: 1, to: 2 })], [vehicle({ maxDuration: 29 })]));
    const lateShift = buildProblem(instance(line, [request({ from: 1, to: 2 })], [vehicle({ shiftEnd: 29 })]));

    expect(earliestSchedule(tooLong, 0, sequence(0, 1), 2, new Float64Array(4))).toBe(false);
    expect(earliestSchedule(lateShift, 0, sequence(0, 1), 2, new Float64Array(4))).toBe(false);
  });

  it('treats an Infinity or NaN travel time as no route', () => {
    for (const missing of [Infinity, NaN]) {
      const inst = instance(line, [request({ from: 1, to: 2 })], [vehicle()]);
      const durations = Float64Array.from(inst.durations);
      durations[1 * 3 + 2] = missing;
      const p = buildProblem({ ...inst, durations });

      expect(earliestSchedule(p, 0, sequence(0, 1), 2, new Float64Array(4))).toBe(false);
    }
  });
});

describe('passengerSchedule', () => {
  it('leaves the depot late instead of making passengers wait on board', () => {
    // Drop-off window [50, 60]: the earliest schedule picks up at 5 and waits 35 with the passenger aboard.
    const p = buildProblem(instance(line, [request({ from: 1, to: 2, dropoffWindow: [50, 60] })], [vehicle()]));
    const out = new Float64Array(4);

    expect(passengerSchedule(p, 0, sequence(0, 1), 2, out)).toBe(true);

    expect(Array.from(out)).toEqual([35, 40, 50, 65]);
  });
});
