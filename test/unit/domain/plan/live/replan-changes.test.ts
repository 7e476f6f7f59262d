import { describe, expect, it } from 'vitest';
import { replanChanges } from '../../../../../src/domain/plan/live/replan-changes.js';

describe('what a re-plan changed on each vehicle', () => {
  it('lists the rides each vehicle gained and lost, where they went, in route order', () => {
    const before = [
      { vehicleId: 'bus', rideIds: ['a', 'b', 'c', 'a', 'b'] },
      { vehicleId: 'car', rideIds: ['d', 'e'] },
    ];
    const after = [
      { vehicleId: 'car', rideIds: ['d', 'b', 'd', 'new', 'b', 'new'] },
      { vehicleId: 'bus', rideIds: ['a', 'a', 'e'] },
    ];
    expect(replanChanges(before, after, new Set(['c']))).toEqual([
      { kind: 'ADDED', vehicleId: 'car', rideId: 'b' },
      { kind: 'ADDED', vehicleId: 'car', rideId: 'new' },
      { kind: 'MOVED_AWAY', vehicleId: 'car', rideId: 'e', toVehicleId: 'bus' },
      { kind: 'ADDED', vehicleId: 'bus', rideId: 'e' },
      { kind: 'MOVED_AWAY', vehicleId: 'bus', rideId: 'b', toVehicleId: 'car' },
      { kind: 'UNASSIGNED', vehicleId: 'bus', rideId: 'c' },
    ]);
  });

  it('says nothing when every ride stays on its vehicle, even in another order', () => {
    const before = [{ vehicleId: 'bus', rideIds: ['a', 'b', 'a', 'b'] }];
    expect(replanChanges(before, [{ vehicleId: 'bus', rideIds: ['b', 'a', 'b', 'a'] }], new Set())).toEqual([]);
  });

  it('leaves out a ride that left the day (cancelled: its own change) and lists a vehicle that lost everything', () => {
    const before = [{ vehicleId: 'car', rideIds: ['gone', 'x'] }];
    expect(replanChanges(before, [], new Set(['x']))).toEqual([{ kind: 'UNASSIGNED', vehicleId: 'car', rideId: 'x' }]);
  });
});
