import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnsnappablePointFinder } from '../../../src/routing/find-unsnappable-points.js';
import { createOsrmClient } from '../../../src/routing/osrm-client.js';
import { OsrmError } from '../../../src/routing/osrm-error.js';
import type { LatLon } from '../../../src/routing/types.js';
import { startFakeOsrm, type FakeOsrm } from '../../fakes/osrm-server.js';

const SROKOWO: LatLon = { lat: 54.213, lon: 21.519 };
const KETRZYN: LatLon = { lat: 54.076, lon: 21.375 };
const NEAR_SILEC: LatLon = { lat: 54.21, lon: 21.47 };
const AT_SEA: LatLon = { lat: 55.5, lon: 19.0 };

let fake: FakeOsrm;
beforeEach(async () => {
  fake = await startFakeOsrm();
});
afterEach(async () => {
  await fake.close();
});

function finderFor(points: LatLon[]) {
  const snapDistancesM: (number | null | undefined)[] = points.map(() => undefined);
  const find = createUnsnappablePointFinder({ client: createOsrmClient({ baseUrl: fake.url }), points, snapDistancesM, concurrency: 2 });
  return { find, snapDistancesM };
}

const noSegment = (message: string) => new OsrmError('NoSegment', `NoSegment: ${message}`, { osrmCode: 'NoSegment', httpStatus: 400 });

describe('createUnsnappablePointFinder', () => {
  it('checks the coordinate OSRM named first and stops there when it is the culprit', async () => {
    const { find, snapDistancesM } = finderFor([SROKOWO, KETRZYN, AT_SEA]);
    // The block sent points [1, 2] in that order, so "coordinate 1" is point 2.
    const found = await find([1, 2], noSegment('Could not find a matching segment for coordinate 1'));
    expect(found).toBe(true);
    expect(snapDistancesM).toEqual([undefined, undefined, null]);
    expect(fake.requestCount).toBe(1);
  });

  it('checks every point when the message names none', async () => {
    const { find, snapDistancesM } = finderFor([SROKOWO, NEAR_SILEC, AT_SEA]);
    const found = await find([0, 1, 2], noSegment('Could not find a matching segment'));
    expect(found).toBe(true);
    expect(snapDistancesM[2]).toBeNull();
    expect(snapDistancesM[1]).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.service === 'nearest')).toHaveLength(3);
  });

  it('answers false when every point snaps, so the caller does not loop', async () => {
    const { find } = finderFor([SROKOWO, KETRZYN]);
    expect(await find([0, 1], noSegment('Could not find a matching segment for coordinate 0'))).toBe(false);
  });

  it('probes each point once across calls', async () => {
    const { find } = finderFor([SROKOWO, AT_SEA]);
    await Promise.all([find([0, 1], noSegment('x')), find([1, 0], noSegment('y'))]);
    expect(fake.requestCount).toBe(2);
  });
});
