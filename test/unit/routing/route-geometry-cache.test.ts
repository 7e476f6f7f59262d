import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withRouteGeometryCache } from '../../../src/routing/route-geometry-cache.js';
import type { LatLon, TravelTimeProvider } from '../../../src/routing/types.js';

const redis = new Redis(inject('redisUrl'));
const prefix = `${inject('queuePrefix')}:route-test-${randomBytes(3).toString('hex')}`;
afterAll(() => redis.disconnect());

function countingProvider() {
  const calls: LatLon[][] = [];
  const provider: TravelTimeProvider = {
    source: 'osrm',
    matrix: async () => { throw new Error('not used'); },
    route: async (points) => {
      calls.push([...points]);
      return { coordinates: points.map((p) => [p.lon, p.lat] as [number, number]), legs: [], distanceM: 1000 * points.length, durationSec: 60 };
    },
  };
  return { provider, calls };
}

describe('the route geometry cache', () => {
  const a = { lat: 54.213, lon: 21.519 };
  const b = { lat: 54.258, lon: 21.501 };

  it('asks the provider once per sequence of points and answers the same afterwards', async () => {
    const { provider, calls } = countingProvider();
    const cached = withRouteGeometryCache(provider, { redis, profile: 'driving', version: 'v1', keyPrefix: prefix });

    const first = await cached.route([a, b, a]);
    const second = await cached.route([a, b, a]);
    await cached.route([b, a, b]);

    expect(second).toEqual(first);
    expect(calls).toHaveLength(2);
  });

  it('starts afresh for new road data', async () => {
    const { provider, calls } = countingProvider();
    await withRouteGeometryCache(provider, { redis, profile: 'driving', version: 'v1', keyPrefix: `${prefix}-2` }).route([a, b]);
    await withRouteGeometryCache(provider, { redis, profile: 'driving', version: 'v2', keyPrefix: `${prefix}-2` }).route([a, b]);
    expect(calls).toHaveLength(2);
  });
});
