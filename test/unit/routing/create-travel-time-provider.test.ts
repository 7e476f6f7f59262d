import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTravelTimeProvider } from '../../../src/routing/create-travel-time-provider.js';
import { startFakeOsrm, type FakeOsrm } from '../../fakes/osrm-server.js';

const SROKOWO = { lat: 54.213, lon: 21.519 };
const KETRZYN = { lat: 54.076, lon: 21.375 };
const WEGORZEWO = { lat: 54.214, lon: 21.738 };

let fake: FakeOsrm;
beforeEach(async () => {
  fake = await startFakeOsrm({ dataVersion: '2026-11-01' });
});
afterEach(async () => {
  await fake.close();
});

describe('createTravelTimeProvider', () => {
  it('uses the labelled estimate when no OSRM URL is configured', async () => {
    for (const osrmUrl of [undefined, null, '']) {
      const provider = createTravelTimeProvider({ osrmUrl });
      expect(provider.source).toBe('estimate');
      expect((await provider.matrix([SROKOWO, KETRZYN])).source).toBe('estimate');
    }
  });

  it('passes the estimate speed and detour factor through', async () => {
    const slow = await createTravelTimeProvider({ estimateSpeedKmh: 25 }).matrix([SROKOWO, KETRZYN]);
    const fast = await createTravelTimeProvider({ estimateSpeedKmh: 50 }).matrix([SROKOWO, KETRZYN]);
    expect(slow.durationsSec[1]).toBeCloseTo(2 * (fast.durationsSec[1] as number), 6);
  });

  it('asks OSRM when a URL is configured and records its data version', async () => {
    const provider = createTravelTimeProvider({ osrmUrl: fake.url });
    const matrix = await provider.matrix([SROKOWO, KETRZYN, WEGORZEWO]);
    expect(provider.source).toBe('osrm');
    expect(matrix.source).toBe('osrm');
    expect(matrix.dataVersion).toBe('2026-11-01');
    expect(matrix.durationsSec[0 * 3 + 1]).toBeGreaterThan(0);
    expect(fake.requestCount).toBe(1);
  });

  it('splits the matrix by the configured max table size', async () => {
    const provider = createTravelTimeProvider({ osrmUrl: fake.url, osrmMaxTableSize: 2 });
    await provider.matrix([SROKOWO, KETRZYN, WEGORZEWO]);
    expect(fake.requestCount).toBe(4);
  });

  it('returns route geometry with one leg per pair of stops', async () => {
    const route = await createTravelTimeProvider({ osrmUrl: fake.url }).route([SROKOWO, KETRZYN, WEGORZEWO]);
    expect(route.legs).toHaveLength(2);
    expect(route.coordinates.length).toBeGreaterThan(3);
    expect(route.coordinates[0]).toEqual([21.519, 54.213]);
    expect(route.durationSec).toBeCloseTo(route.legs[0]!.durationSec + route.legs[1]!.durationSec, 6);
  });

  it('answers a route of one stop without asking OSRM', async () => {
    const route = await createTravelTimeProvider({ osrmUrl: fake.url }).route([SROKOWO]);
    expect(route).toEqual({ coordinates: [[21.519, 54.213]], legs: [], distanceM: 0, durationSec: 0 });
    expect(fake.requestCount).toBe(0);
  });

  it('retries through the configured number of retries', async () => {
    fake.failOn({ status: 503, times: 1 });
    const provider = createTravelTimeProvider({ osrmUrl: fake.url, osrmRetries: 1, osrmRetryBaseDelayMs: 1 });
    await provider.matrix([SROKOWO, KETRZYN]);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('refuses a max table size or concurrency that is not a positive integer', () => {
    expect(() => createTravelTimeProvider({ osrmUrl: fake.url, osrmMaxTableSize: 0 })).toThrow(/osrmMaxTableSize/);
    expect(() => createTravelTimeProvider({ osrmUrl: fake.url, osrmConcurrency: 1.5 })).toThrow(/osrmConcurrency/);
  });
});
