import { describe, expect, it } from 'vitest';
import { boardingTimeSec, maxRideTimeSec, rideLoad, rideWindows } from '../../../../src/domain/booking/ride.rules.js';

describe('ride rules', () => {
  it('puts a wheelchair user in a wheelchair place and an assistant on a seat', () => {
    expect(rideLoad({ wheelchair: false, assistant: false })).toEqual([1, 0]);
    expect(rideLoad({ wheelchair: true, assistant: false })).toEqual([0, 1]);
    expect(rideLoad({ wheelchair: true, assistant: true })).toEqual([1, 1]);
    expect(rideLoad({ wheelchair: false, assistant: true })).toEqual([2, 0]);
  });

  it('gives the wheelchair lift the longest boarding time', () => {
    expect(boardingTimeSec('WHEELCHAIR', true)).toBeGreaterThan(boardingTimeSec('WALKER', false));
    expect(boardingTimeSec('WALKER', false)).toBeGreaterThan(boardingTimeSec('WALKS', false));
  });

  it('adds the walk to the door, a hand-over and a dog to the boarding time', () => {
    expect(boardingTimeSec('WALKS', false, { helpLevel: 'KERB_TO_KERB' })).toBe(120);
    expect(boardingTimeSec('WALKS', false, { helpLevel: 'DOOR_TO_DOOR' })).toBe(300);
    expect(boardingTimeSec('WHEELCHAIR_TRANSFER', false, { helpLevel: 'HAND_TO_HAND', assistanceDog: true })).toBe(240 + 300 + 60);
  });

  it('allows direct × 1.5 + 15 min of ride time, at most direct + 60 min', () => {
    expect(maxRideTimeSec(600)).toBe(600 * 1.5 + 900);
    expect(maxRideTimeSec(7200)).toBe(7200 + 3600);
  });

  it('makes an arrive-by ride arrive in the 30 minutes before the appointment', () => {
    const w = rideWindows('ARRIVE_BY', 8.5 * 3600, 1200, 120);
    expect(w.dropoff).toEqual([8 * 3600, 8.5 * 3600]);
    // The latest pickup still reaches the appointment on the direct road.
    expect(w.pickup[1]).toBe(8.5 * 3600 - 1200 - 120);
    expect(w.pickup[0]).toBe(8 * 3600 - w.maxRideSec - 120);
  });

  it('picks a depart-after ride up within 30 minutes and drops it within the ride time', () => {
    const w = rideWindows('DEPART_AFTER', 14 * 3600, 1200, 120);
    expect(w.pickup).toEqual([14 * 3600, 14.5 * 3600]);
    expect(w.dropoff[0]).toBe(14 * 3600 + 120 + 1200);
    expect(w.dropoff[1]).toBe(14.5 * 3600 + 120 + w.maxRideSec);
  });
});
