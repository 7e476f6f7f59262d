import { describe, expect, it } from 'vitest';
import { generateRegionalDay } from '../../../bench/regional-day.js';
import { evaluateRoutes } from '../../helpers/check-solution.js';

describe('generateRegionalDay', () => {
  const day = generateRegionalDay({ seed: 7 });
  const { instance } = day;

  it('builds 1,000 requests and 60 vehicles with seat and wheelchair dimensions by default', () => {
    expect(instance.requests).toHaveLength(1000);
    expect(instance.vehicles).toHaveLength(60);
    expect(instance.loadDimensions).toBe(2);
    expect(instance.durations).toHaveLength(instance.size * instance.size);
    expect(day.wheelchairRequests).toBeGreaterThan(0);
  });

  it('gives the same day for the same seed and another day for another seed', () => {
    const again = generateRegionalDay({ seed: 7 });
    const other = generateRegionalDay({ seed: 8 });

    expect(again.instance.requests).toEqual(instance.requests);
    expect(again.x).toEqual(day.x);
    expect(other.instance.requests).not.toEqual(instance.requests);
  });

  it('mixes vehicle types, including layouts with wheelchair places', () => {
    const layoutSets = new Set(instance.vehicles.map((vehicle) => JSON.stringify(vehicle.layouts)));
    const wheelchairVehicles = instance.vehicles.filter((vehicle) => vehicle.layouts.some((layout) => layout[1]! > 0));

    expect(layoutSets.size).toBeGreaterThanOrEqual(3);
    expect(wheelchairVehicles.length).toBeGreaterThan(0);
    expect(instance.vehicles.some((vehicle) => vehicle.layouts.length > 1)).toBe(true);
  });

  it('honours the requested counts', () => {
    const small = generateRegionalDay({ seed: 1, requestCount: 9, vehicleCount: 4 });

    expect(small.instance.requests).toHaveLength(9);
    expect(small.instance.vehicles).toHaveLength(4);
  });

  it('only generates requests that some vehicle could serve alone', () => {
    const unservable = instance.requests
      .map((_, request) => request)
      .filter((request) =>
        !instance.vehicles.some((_, vehicle) =>
          evaluateRoutes(instance, [{ vehicle, stops: [{ request, kind: 'pickup' }, { request, kind: 'dropoff' }] }]).violations.length === 0,
        ),
      );

    expect(unservable).toEqual([]);
  });

  it('allows every request at least its direct ride within the maximum ride time', () => {
    for (const request of instance.requests) {
      const direct = instance.durations[request.pickup.location * instance.size + request.dropoff.location]!;
      expect(direct).toBeLessThanOrEqual(request.maxRideTime);
      expect(request.pickup.twStart).toBeLessThanOrEqual(request.pickup.twEnd);
      expect(request.dropoff.twStart).toBeLessThanOrEqual(request.dropoff.twEnd);
    }
  });
});
