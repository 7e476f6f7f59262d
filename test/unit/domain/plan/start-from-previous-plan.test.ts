import { describe, expect, it } from 'vitest';
import type { Instance, Request } from '../../../../src/solver/model/instance.js';
import { favourPlacedRides, PLACED_RIDE_PRIORITY, startFromPreviousPlan, unplacedInPreviousPlan, type PreviousRoute } from '../../../../src/domain/plan/start-from-previous-plan.js';

const P = (rideId: string) => ({ rideId, kind: 'PICKUP' as const });
const D = (rideId: string) => ({ rideId, kind: 'DROPOFF' as const });
const p = (request: number) => ({ request, kind: 'pickup' as const });
const d = (request: number) => ({ request, kind: 'dropoff' as const });

describe('starting a re-plan from the previous plan', () => {
  it("gives each route to its vehicle in this instance's numbers, in the same order", () => {
    const previous: PreviousRoute[] = [
      { vehicleId: 'car', stops: [P('b'), P('c'), D('c'), D('b')] },
      { vehicleId: 'bus', stops: [P('a'), D('a')] },
    ];
    expect(startFromPreviousPlan(previous, ['bus', 'car'], ['a', 'b', 'c'])).toEqual([
      { vehicle: 1, stops: [p(1), p(2), d(2), d(1)] },
      { vehicle: 0, stops: [p(0), d(0)] },
    ]);
  });

  it('leaves out cancelled rides and vehicles no longer planned; new rides are not in it', () => {
    const previous: PreviousRoute[] = [
      { vehicleId: 'bus', stops: [P('a'), P('gone'), D('a'), D('gone')] },
      { vehicleId: 'broken', stops: [P('b'), D('b')] },
    ];
    expect(startFromPreviousPlan(previous, ['bus'], ['new', 'a', 'b'])).toEqual([{ vehicle: 0, stops: [p(1), d(1)] }]);
  });

  it('leaves out a ride without both stops on the route, and a route left empty', () => {
    // b was picked up on an earlier route (driven); c's drop-off is missing.
    const previous: PreviousRoute[] = [{ vehicleId: 'bus', stops: [D('b'), P('a'), P('c'), D('a')] }, { vehicleId: 'car', stops: [D('x')] }];
    expect(startFromPreviousPlan(previous, ['bus', 'car'], ['a', 'b', 'c', 'x'])).toEqual([{ vehicle: 0, stops: [p(0), d(0)] }]);
  });

  it('leaves out passengers the instance already fixes to a vehicle', () => {
    const previous: PreviousRoute[] = [{ vehicleId: 'bus', stops: [P('a'), D('onboard'), D('a')] }];
    expect(startFromPreviousPlan(previous, ['bus'], ['a', 'onboard'], new Set([1]))).toEqual([{ vehicle: 0, stops: [p(0), d(0)] }]);
  });

  it('keeps the first place of a ride listed twice, and the first route of a vehicle listed twice', () => {
    const previous: PreviousRoute[] = [
      { vehicleId: 'bus', stops: [P('a'), D('a')] },
      { vehicleId: 'car', stops: [P('a'), D('a'), P('b'), D('b')] },
      { vehicleId: 'bus', stops: [P('c'), D('c')] },
    ];
    expect(startFromPreviousPlan(previous, ['bus', 'car'], ['a', 'b', 'c'])).toEqual([
      { vehicle: 0, stops: [p(0), d(0)] },
      { vehicle: 1, stops: [p(1), d(1)] },
    ]);
  });

  it("names the previous plan's unplaced rides in this instance's numbers, without the rides it no longer has", () => {
    expect([...unplacedInPreviousPlan(['c', 'gone', 'a'], ['a', 'b', 'c'])].sort()).toEqual([0, 2]);
  });

  it('weighs the rides the previous plan placed above a new booking, and below two new ones', () => {
    const q = (priority: number): Request => ({
      pickup: { location: 0, twStart: 0, twEnd: 100, serviceTime: 0 },
      dropoff: { location: 0, twStart: 0, twEnd: 100, serviceTime: 0 },
      load: [1], maxRideTime: 100, priority,
    });
    const instance = { requests: [q(1), q(1), q(3)] } as unknown as Instance;
    const favoured = favourPlacedRides(instance, [{ vehicle: 0, stops: [p(0), p(2), d(2), d(0)] }]);
    expect(favoured.requests.map((r) => r.priority)).toEqual([PLACED_RIDE_PRIORITY, 1, 3]);
    expect(PLACED_RIDE_PRIORITY).toBeGreaterThan(1);
    expect(PLACED_RIDE_PRIORITY).toBeLessThan(2);
    expect(favourPlacedRides(instance, [])).toBe(instance);
  });
});
