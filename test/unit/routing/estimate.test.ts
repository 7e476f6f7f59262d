import { describe, expect, it } from 'vitest';
import { createEstimateProvider, estimateLeg, haversineDistanceM } from '../../../src/routing/estimate.js';

const SROKOWO = { lat: 54.213, lon: 21.519 };
const KETRZYN = { lat: 54.076, lon: 21.375 };
const OLSZTYN = { lat: 53.778, lon: 20.48 };

describe('haversineDistanceM', () => {
  it('measures Srokowo → Kętrzyn at about 18 km in a straight line', () => {
    expect(haversineDistanceM(SROKOWO, KETRZYN)).toBeGreaterThan(17_500);
    expect(haversineDistanceM(SROKOWO, KETRZYN)).toBeLessThan(18_500);
  });

  it('measures one degree of latitude at about 111.2 km', () => {
    expect(haversineDistanceM({ lat: 54, lon: 21 }, { lat: 55, lon: 21 })).toBeCloseTo(111_195, -1);
  });

  it('is symmetric and zero for the same place', () => {
    expect(haversineDistanceM(SROKOWO, OLSZTYN)).toBeCloseTo(haversineDistanceM(OLSZTYN, SROKOWO), 6);
    expect(haversineDistanceM(SROKOWO, SROKOWO)).toBe(0);
  });
});

describe('estimateLeg', () => {
  it('applies the detour factor to the distance and drives it at the given speed', () => {
    const straightM = haversineDistanceM(SROKOWO, KETRZYN);
    const leg = estimateLeg(SROKOWO, KETRZYN, { detourFactor: 1.3, speedKmh: 50 });
    expect(leg.distanceM).toBeCloseTo(straightM * 1.3, 6);
    expect(leg.durationSec).toBeCloseTo((straightM * 1.3) / (50 / 3.6), 6);
    // ~23 km of road at 50 km/h: a bit under half an hour.
    expect(leg.durationSec / 60).toBeGreaterThan(26);
    expect(leg.durationSec / 60).toBeLessThan(30);
  });
});

describe('createEstimateProvider', () => {
  it('labels its matrix as an estimate with no road data version and zero snapping', async () => {
    const provider = createEstimateProvider();
    const matrix = await provider.matrix([SROKOWO, KETRZYN, OLSZTYN]);
    expect(provider.source).toBe('estimate');
    expect(matrix.source).toBe('estimate');
    expect(matrix.dataVersion).toBeNull();
    expect(matrix.snapDistancesM).toEqual([0, 0, 0]);
  });

  it('fills the matrix row-major with the default 1.3 detour at 50 km/h', async () => {
    const matrix = await createEstimateProvider().matrix([SROKOWO, KETRZYN, OLSZTYN]);
    const expected = estimateLeg(KETRZYN, OLSZTYN, { detourFactor: 1.3, speedKmh: 50 });
    expect(matrix.size).toBe(3);
    expect(matrix.distancesM[1 * 3 + 2]).toBeCloseTo(expected.distanceM, 6);
    expect(matrix.durationsSec[1 * 3 + 2]).toBeCloseTo(expected.durationSec, 6);
    expect(matrix.durationsSec[0]).toBe(0);
  });

  it('routes through the points in straight segments', async () => {
    const route = await createEstimateProvider({ speedKmh: 60 }).route([SROKOWO, KETRZYN, OLSZTYN]);
    expect(route.coordinates).toEqual([
      [21.519, 54.213],
      [21.375, 54.076],
      [20.48, 53.778],
    ]);
    expect(route.legs).toHaveLength(2);
    expect(route.durationSec).toBeCloseTo(route.legs[0]!.durationSec + route.legs[1]!.durationSec, 6);
    expect(route.legs[0]!.durationSec).toBeCloseTo(route.legs[0]!.distanceM / (60 / 3.6), 6);
  });

  it('refuses a detour factor below 1 or a speed that is not positive', () => {
    expect(() => createEstimateProvider({ detourFactor: 0.9 })).toThrow(RangeError);
    expect(() => createEstimateProvider({ speedKmh: 0 })).toThrow(RangeError);
  });
});
