import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildOsrmMatrix } from '../../../src/routing/build-osrm-matrix.js';
import { createRedisMatrixCellCache } from '../../../src/routing/matrix-cache.js';
import { createOsrmClient } from '../../../src/routing/osrm-client.js';
import type { LatLon } from '../../../src/routing/types.js';
import { startFakeOsrm, type FakeOsrm } from '../../fakes/osrm-server.js';

// Runs against the real Redis (REDIS_URL or 127.0.0.1:6379) under a prefix unique to this run; every key
// it writes is deleted afterwards.
const prefix = `test:routing:${randomUUID()}`;
let redis: Redis;
let fake: FakeOsrm;

const SROKOWO: LatLon = { lat: 54.213, lon: 21.519 };
const KETRZYN: LatLon = { lat: 54.076, lon: 21.375 };
const WEGORZEWO: LatLon = { lat: 54.214, lon: 21.738 };
const AT_SEA: LatLon = { lat: 55.5, lon: 19.0 };
const ISLAND: LatLon = { lat: 54.02, lon: 21.2 };

beforeAll(async () => {
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  fake = await startFakeOsrm({ maxTableSize: 2, dataVersion: '2026-11-01' });
});

afterEach(() => fake.resetLog());

afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
  await fake.close();
});

const cacheFor = (version: string, ttlSec?: number) =>
  createRedisMatrixCellCache({ redis, profile: 'driving', version, keyPrefix: prefix, ttlSec });

const build = (points: LatLon[], version: string) =>
  buildOsrmMatrix(points, {
    client: createOsrmClient({ baseUrl: fake.url, retries: 0 }),
    maxTableSize: 2,
    concurrency: 2,
    maxSnapDistanceM: 2000,
    cache: cacheFor(version),
  });

describe('createRedisMatrixCellCache', () => {
  it('lets a second build of the same places make zero OSRM requests', async () => {
    const points = [SROKOWO, KETRZYN, WEGORZEWO, AT_SEA, ISLAND];
    const first = await build(points, 'v-reuse');
    const requestsFirst = fake.requestCount;
    fake.resetLog();

    const second = await build(points, 'v-reuse');

    expect(requestsFirst).toBeGreaterThan(0);
    expect(fake.requestCount).toBe(0);
    expect([...second.durationsSec]).toEqual([...first.durationsSec]);
    expect([...second.distancesM]).toEqual([...first.distancesM]);
    expect(second.snapDistancesM).toEqual(first.snapDistancesM);
    expect(second.snapDistancesM[3]).toBeNull(); // unsnappable, remembered as such
    expect(second.durationsSec[0 * 5 + 4]).toBe(Infinity); // no route, remembered as such
    expect(second.dataVersion).toBe('2026-11-01');
  });

  it('shares cells between builds with other point orders and subsets', async () => {
    await build([SROKOWO, KETRZYN, WEGORZEWO], 'v-subset');
    fake.resetLog();
    const reordered = await build([WEGORZEWO, SROKOWO], 'v-subset');
    expect(fake.requestCount).toBe(0);
    expect(reordered.durationsSec[0]).toBe(0);
    expect(reordered.durationsSec[1]).toBeGreaterThan(0);
  });

  it('keeps versions apart', async () => {
    await build([SROKOWO, KETRZYN], 'v-old');
    fake.resetLog();
    await build([SROKOWO, KETRZYN], 'v-new');
    expect(fake.requestCount).toBeGreaterThan(0);
  });

  it('answers "not cached" for an empty cache and sets a TTL on what it stores', async () => {
    const cache = cacheFor('v-ttl', 60);
    const empty = await cache.lookup(['54.213000,21.519000']);
    expect(Number.isNaN(empty.durationsSec[0])).toBe(true);
    expect(empty.snapDistancesM).toEqual([undefined]);
    expect(empty.dataVersion).toBeUndefined();

    await cache.store(['a', 'b'], {
      durationsSec: Float64Array.from([0, 12.5, Infinity, 0]),
      distancesM: Float64Array.from([0, 100, Infinity, 0]),
      snapDistancesM: [3.5, null],
      dataVersion: null,
    });
    const stored = await cache.lookup(['b', 'a']);
    expect([...stored.durationsSec]).toEqual([0, Infinity, 12.5, 0]);
    expect(stored.snapDistancesM).toEqual([null, 3.5]);
    expect(stored.dataVersion).toBeNull();
    const ttl = await redis.ttl(`${prefix}:driving:v-ttl:row:a`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });
});
