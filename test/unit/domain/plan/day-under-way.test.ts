import { describe, expect, it } from 'vitest';
import { keepToldPickups, notBeforeNow, reasonOnTheDay } from '../../../../src/domain/plan/day-under-way.js';
import { describeUnassigned } from '../../../../src/domain/plan/unassigned-reason.js';
import type { Instance } from '../../../../src/solver/model/instance.js';
import { solve } from '../../../../src/solver/index.js';

const H = 3600;
/** Depot 0, homes 1 and 2, centre 3; 600 s between any two places. */
const instance: Instance = {
  loadDimensions: 1,
  size: 4,
  durations: Float64Array.from({ length: 16 }, (_, k) => (Math.floor(k / 4) === k % 4 ? 0 : 600)),
  distances: Float64Array.from({ length: 16 }, (_, k) => (Math.floor(k / 4) === k % 4 ? 0 : 10_000)),
  objective: 'duration',
  unassignedPenalty: 1e8,
  vehicles: [{ startLocation: 0, endLocation: 0, shiftStart: 7 * H, shiftEnd: 16 * H, maxDuration: Infinity, layouts: [[4]], fixedCost: 0 }],
  requests: [
    // Pickup from 07:20 to 08:00 at home 1, at the centre by 08:30.
    { pickup: { location: 1, twStart: 7.33 * H, twEnd: 8 * H, serviceTime: 60 }, dropoff: { location: 3, twStart: 7.5 * H, twEnd: 8.5 * H, serviceTime: 60 }, load: [1], maxRideTime: 1800, priority: 1 },
    // Pickup from 09:00 to 10:00 at home 2.
    { pickup: { location: 2, twStart: 9 * H, twEnd: 10 * H, serviceTime: 60 }, dropoff: { location: 3, twStart: 9 * H, twEnd: 11 * H, serviceTime: 60 }, load: [1], maxRideTime: 1800, priority: 1 },
  ],
};

describe('a day planned after it began', () => {
  it('plans nothing before now: a ride whose pickup window has passed is left out with its reason', () => {
    const at0820 = notBeforeNow(instance, 8 * H + 20 * 60);
    expect(at0820.vehicles[0]!.shiftStart).toBe(8 * H + 20 * 60);
    const solution = solve(at0820, { maxIterations: 50, seed: 1 });
    expect(solution.unassigned.map((u) => u.request)).toEqual([0]);
    for (const route of solution.routes) for (const s of route.stops) expect(s.serviceStart).toBeGreaterThanOrEqual(8 * H + 20 * 60);
    // Without the rule, the 07:30 pickup is planned as if the day had not begun.
    expect(solve(instance, { maxIterations: 50, seed: 1 }).unassigned).toEqual([]);
  });

  it('says a ride left out was too late, not that no driver works then', () => {
    const at0820 = notBeforeNow(instance, 8 * H + 20 * 60);
    const [left] = solve(at0820, { maxIterations: 50, seed: 1 }).unassigned;
    const code = reasonOnTheDay(left!.reason, at0820.requests[0]!.pickup.twEnd, 8 * H + 20 * 60);
    expect(code).toBe('passed');
    expect(describeUnassigned(code, { wheelchair: false, seats: 1, window: [7.5 * H, 8.5 * H], fromName: 'A', toName: 'B' }).pl).toBe('Ten czas już minął (07:30–08:30): dzień zaplanowano później');
    // Before the day, or for a ride still ahead, the optimiser's reason stands.
    expect(reasonOnTheDay('shift', 8 * H, null)).toBe('shift');
    expect(reasonOnTheDay('shift', 9 * H, 8 * H)).toBe('shift');
    expect(reasonOnTheDay('capacity', 7 * H, 8 * H)).toBe('capacity');
  });

  it('keeps a vehicle whose shift is over at its end, not beyond', () => {
    expect(notBeforeNow(instance, 17 * H).vehicles[0]!.shiftStart).toBe(16 * H);
  });
});

describe('a client told a pickup window', () => {
  it('is not planned earlier than the told window allows, and may be later', () => {
    // Told 09:30 ± 15 (centre 570 min): the window opening at 09:00 now opens at 09:27:30.
    const kept = keepToldPickups(instance, new Map([[1, 570]]));
    expect(kept.requests[1]!.pickup.twStart).toBe(570 * 60 - 150);
    expect(kept.requests[1]!.pickup.twEnd).toBe(10 * H);
    expect(kept.requests[0]).toBe(instance.requests[0]);
    const stop = solve(kept, { maxIterations: 50, seed: 1 }).routes[0]!.stops.find((s) => s.request === 1 && s.kind === 'pickup')!;
    expect(stop.serviceStart).toBeGreaterThanOrEqual(570 * 60 - 150);
  });

  it('never closes a window: a told time after it leaves the window at its end', () => {
    expect(keepToldPickups(instance, new Map([[1, 11 * 60]])).requests[1]!.pickup.twStart).toBe(10 * H);
  });
});
