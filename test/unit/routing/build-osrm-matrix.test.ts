import { afterEach, describe, expect, it } from 'vitest';
import { buildOsrmMatrix, type BuildOsrmMatrixOptions } from '../../../src/routing/build-osrm-matrix.js';
import { createInMemoryMatrixCellCache } from '../../../src/routing/matrix-cell-cache.js';
import { createOsrmClient } from '../../../src/routing/osrm-client.js';
import type { LatLon, TravelMatrix } from '../../../src/routing/types.js';
import { startFakeOsrm, type FakeOsrm, type StartFakeOsrmOptions } from '../../fakes/osrm-server.js';

const SROKOWO: LatLon = { lat: 54.213, lon: 21.519 };
const KETRZYN: LatLon = { lat: 54.076, lon: 21.375 };
const WEGORZEWO: LatLon = { lat: 54.214, lon: 21.738 };
const LESNY_ROW: LatLon = { lat: 54.258, lon: 21.501 };
/** In the Baltic: farther than the fake's snap limit from every road, so OSRM answers NoSegment. */
const AT_SEA: LatLon = { lat: 55.5, lon: 19.0 };
/** On the fake's island road, which has no link to the rest of the network. */
const ISLAND: LatLon = { lat: 54.02, lon: 21.2 };
/** North-west of Przystań, about 2.7 km from the nearest road of the fake graph. */
const FAR_FROM_ROAD: LatLon = { lat: 54.26, lon: 21.58 };

/** Deterministic points spread over the gmina and its neighbours (within the fake's snap limit). */
function gminaPoints(count: number, seed = 7): LatLon[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => ({ lat: 54.1 + next() * 0.2, lon: 21.4 + next() * 0.3 }));
}

const fakes: FakeOsrm[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fakeOsrm(options: StartFakeOsrmOptions = {}): Promise<FakeOsrm> {
  const fake = await startFakeOsrm(options);
  fakes.push(fake);
  return fake;
}

function options(fake: FakeOsrm, overrides: Partial<BuildOsrmMatrixOptions> = {}): BuildOsrmMatrixOptions {
  return {
    client: createOsrmClient({ baseUrl: fake.url, retryBaseDelayMs: 1 }),
    maxTableSize: 100,
    concurrency: 4,
    maxSnapDistanceM: 2000,
    ...overrides,
  };
}

const cell = (m: TravelMatrix, from: number, to: number) => ({
  durationSec: m.durationsSec[from * m.size + to],
  distanceM: m.distancesM[from * m.size + to],
});

describe('buildOsrmMatrix blocks', () => {
  it('assembles blocks into exactly the matrix one request gives', async () => {
    const points = gminaPoints(11);
    const whole = await fakeOsrm();
    const blocked = await fakeOsrm({ maxTableSize: 4 });

    // A generous snap limit keeps every cell finite, so the comparison is not between Infinities.
    const single = await buildOsrmMatrix(points, options(whole, { maxSnapDistanceM: 10_000 }));
    const assembled = await buildOsrmMatrix(points, options(blocked, { maxTableSize: 4, maxSnapDistanceM: 10_000 }));

    expect(whole.requestCount).toBe(1);
    expect(blocked.requestCount).toBe(9); // chunks of 4, 4, 3 → 3 × 3 blocks
    expect(blocked.requests.every((r) => (r.sources ?? r.coordinates) * (r.destinations ?? r.coordinates) <= 16)).toBe(true);
    expect([...assembled.durationsSec]).toEqual([...single.durationsSec]);
    expect([...assembled.distancesM]).toEqual([...single.distancesM]);
    expect(assembled.snapDistancesM).toEqual(single.snapDistancesM);
    expect(single.durationsSec.every((d) => Number.isFinite(d))).toBe(true);
  });

  it('fetches no more blocks at once than the concurrency allows', async () => {
    const fake = await fakeOsrm({ maxTableSize: 5 });
    let inFlight = 0;
    let peak = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const progress: [number, number][] = [];
    await buildOsrmMatrix(gminaPoints(20), {
      ...options(fake, { maxTableSize: 5, concurrency: 3 }),
      client: createOsrmClient({ baseUrl: fake.url, fetch: countingFetch }),
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(fake.requestCount).toBe(16);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
    expect(progress[0]).toEqual([0, 16]);
    expect(progress.at(-1)).toEqual([16, 16]);
  });

  it('asks OSRM about each distinct place once and gives repeated points identical rows', async () => {
    const fake = await fakeOsrm();
    const matrix = await buildOsrmMatrix([SROKOWO, KETRZYN, SROKOWO, WEGORZEWO, KETRZYN], options(fake));
    expect(fake.requests[0]?.coordinates).toBe(3);
    expect(matrix.size).toBe(5);
    expect(cell(matrix, 2, 1)).toEqual(cell(matrix, 0, 1));
    expect(cell(matrix, 3, 4)).toEqual(cell(matrix, 3, 1));
    expect(cell(matrix, 0, 2)).toEqual({ durationSec: 0, distanceM: 0 });
  });

  it('answers no points with an empty matrix and no request', async () => {
    const fake = await fakeOsrm();
    const matrix = await buildOsrmMatrix([], options(fake));
    expect(matrix).toMatchObject({ size: 0, source: 'osrm', dataVersion: null, snapDistancesM: [] });
    expect(matrix.durationsSec).toHaveLength(0);
    expect(fake.requestCount).toBe(0);
  });

  it('records the data_version of the road data', async () => {
    expect((await buildOsrmMatrix([SROKOWO, KETRZYN], options(await fakeOsrm({ dataVersion: '2026-10-30' })))).dataVersion).toBe('2026-10-30');
    expect((await buildOsrmMatrix([SROKOWO, KETRZYN], options(await fakeOsrm({ dataVersion: null })))).dataVersion).toBeNull();
  });
});

describe('buildOsrmMatrix unroutable places', () => {
  it('marks a point OSRM cannot snap as unroutable instead of failing the matrix', async () => {
    const fake = await fakeOsrm();
    const matrix = await buildOsrmMatrix([SROKOWO, AT_SEA, KETRZYN], options(fake));

    expect(matrix.snapDistancesM[1]).toBeNull();
    expect(matrix.snapDistancesM[0]).not.toBeNull();
    for (const other of [0, 2]) {
      expect(cell(matrix, 1, other).durationSec).toBe(Infinity);
      expect(cell(matrix, other, 1).distanceM).toBe(Infinity);
    }
    expect(cell(matrix, 1, 1).durationSec).toBe(0);
    expect(Number.isFinite(cell(matrix, 0, 2).durationSec)).toBe(true);
    // The table failed, /nearest confirmed the named coordinate, the table was asked again without it.
    expect(fake.requests.map((r) => `${r.service}:${r.status}`)).toEqual(['table:400', 'nearest:400', 'table:200']);
  });

  it('finds unsnappable points inside blocks and keeps the other blocks', async () => {
    const fake = await fakeOsrm({ maxTableSize: 2 });
    const points = [SROKOWO, KETRZYN, WEGORZEWO, AT_SEA, LESNY_ROW];
    const matrix = await buildOsrmMatrix(points, options(fake, { maxTableSize: 2 }));
    expect(matrix.snapDistancesM.map((d) => d === null)).toEqual([false, false, false, true, false]);
    const reference = await buildOsrmMatrix([SROKOWO, KETRZYN, WEGORZEWO, LESNY_ROW], options(await fakeOsrm()));
    expect(cell(matrix, 4, 1)).toEqual(cell(reference, 3, 1));
    expect(cell(matrix, 2, 4)).toEqual(cell(reference, 2, 3));
  });

  it('treats a point moved farther than maxSnapDistanceM as unroutable', async () => {
    const fake = await fakeOsrm();
    const strict = await buildOsrmMatrix([SROKOWO, FAR_FROM_ROAD], options(fake, { maxSnapDistanceM: 2000 }));
    const lenient = await buildOsrmMatrix([SROKOWO, FAR_FROM_ROAD], options(fake, { maxSnapDistanceM: 5000 }));

    expect(strict.snapDistancesM[1]).toBeNull();
    expect(cell(strict, 0, 1).durationSec).toBe(Infinity);
    expect(lenient.snapDistancesM[1]).toBeGreaterThan(2000);
    expect(Number.isFinite(cell(lenient, 0, 1).durationSec)).toBe(true);
  });

  it('gives Infinity for pairs with no route while both points stay snapped', async () => {
    const fake = await fakeOsrm();
    const matrix = await buildOsrmMatrix([SROKOWO, ISLAND], options(fake));
    expect(matrix.snapDistancesM).toEqual([0, 0]);
    expect(cell(matrix, 0, 1).durationSec).toBe(Infinity);
    expect(cell(matrix, 1, 0).distanceM).toBe(Infinity);
  });

  it('still fails on errors that are not about one place', async () => {
    const fake = await fakeOsrm({ maxTableSize: 2 });
    await expect(buildOsrmMatrix(gminaPoints(3), options(fake, { maxTableSize: 3 }))).rejects.toMatchObject({ code: 'TooBig' });
  });
});

describe('buildOsrmMatrix cache', () => {
  it('re-plans unchanged places with zero OSRM requests and the same matrix', async () => {
    const fake = await fakeOsrm({ maxTableSize: 4 });
    const cache = createInMemoryMatrixCellCache();
    const points = [...gminaPoints(9), AT_SEA];

    const first = await buildOsrmMatrix(points, options(fake, { maxTableSize: 4, cache }));
    const requestsAfterFirst = fake.requestCount;
    const second = await buildOsrmMatrix(points, options(fake, { maxTableSize: 4, cache }));

    expect(requestsAfterFirst).toBeGreaterThan(0);
    expect(fake.requestCount).toBe(requestsAfterFirst);
    expect([...second.durationsSec]).toEqual([...first.durationsSec]);
    expect(second.snapDistancesM).toEqual(first.snapDistancesM);
    expect(second.dataVersion).toBe(first.dataVersion);
  });

  it('fetches only the blocks a new place touches', async () => {
    const fake = await fakeOsrm({ maxTableSize: 4 });
    const cache = createInMemoryMatrixCellCache();
    const points = gminaPoints(8);
    await buildOsrmMatrix(points, options(fake, { maxTableSize: 4, cache }));
    fake.resetLog();

    await buildOsrmMatrix([...points, SROKOWO], options(fake, { maxTableSize: 4, cache }));

    // Chunks {0-3}, {4-7}, {8}: only blocks with chunk {8} are new: (0,2), (1,2), (2,0), (2,1), (2,2).
    expect(fake.requestCount).toBe(5);
  });
});

describe('buildOsrmMatrix abort', () => {
  it('rejects with the caller reason when aborted', async () => {
    const fake = await fakeOsrm({ maxTableSize: 2, failNext: { delayMs: 200 } });
    const controller = new AbortController();
    const pending = buildOsrmMatrix(gminaPoints(6), options(fake, { maxTableSize: 2, signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('plan cancelled')), 20);
    await expect(pending).rejects.toThrow('plan cancelled');
  });
});
