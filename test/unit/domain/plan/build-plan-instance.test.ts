import { describe, expect, it } from 'vitest';
import { buildPlanInstance, collectPlaceIds, UNASSIGNED_PENALTY } from '../../../../src/domain/plan/build-plan-instance.js';

const ride = (over: object = {}) => ({
  id: 'r1', fromPlaceId: 'home', toPlaceId: 'clinic', timeMode: 'ARRIVE_BY' as const, timeMin: 9 * 60,
  wheelchair: false, assistant: false, mobility: 'WALKS' as const, outboundRideId: null, ...over,
});
const vehicle = { id: 'v1', depotPlaceId: 'depot', seats: 8, wheelchairPlaces: 1, shiftStartMin: 7 * 60, shiftEndMin: 16 * 60 };

describe('building the optimiser instance for a day', () => {
  it('lists every place once, depots first', () => {
    expect(collectPlaceIds([ride(), ride({ id: 'r2', toPlaceId: 'home', fromPlaceId: 'clinic' })], [vehicle])).toEqual(['depot', 'home', 'clinic']);
  });

  it('turns a ride into a request with its load, windows and ride time, and a vehicle into its shift and capacity', () => {
    const size = 3;
    const d = new Float64Array([0, 600, 900, 600, 0, 1200, 900, 1200, 0]);

    const inst = buildPlanInstance([ride({ wheelchair: true })], [vehicle], ['depot', 'home', 'clinic'], { size, durationsSec: d, distancesM: d });

    const req = inst.requests[0]!;
    expect(req.load).toEqual([0, 1]);
    expect(req.pickup.location).toBe(1);
    expect(req.dropoff.location).toBe(2);
    expect(req.dropoff.twEnd).toBe(9 * 3600);
    expect(req.maxRideTime).toBe(1200 * 1.5 + 900);
    expect(inst.vehicles[0]).toMatchObject({ startLocation: 0, endLocation: 0, shiftStart: 7 * 3600, shiftEnd: 16 * 3600, layouts: [[8, 1]] });
    expect(inst.unassignedPenalty).toBe(UNASSIGNED_PENALTY);
  });

  it('leaves an unroutable ride to the solver instead of failing', () => {
    const d = new Float64Array([0, 600, Infinity, 600, 0, Infinity, Infinity, Infinity, 0]);
    const inst = buildPlanInstance([ride()], [vehicle], ['depot', 'home', 'clinic'], { size: 3, durationsSec: d, distancesM: d });
    expect(Number.isFinite(inst.requests[0]!.pickup.twEnd)).toBe(true);
  });
});
