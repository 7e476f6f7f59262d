import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { waitFor } from '../helpers/wait-for.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { createRedisMatrixCellCache } from '../../src/routing/matrix-cache.js';
import { withRouteGeometryCache } from '../../src/routing/route-geometry-cache.js';

let t: TestContext;
let osrm: FakeOsrm;

beforeAll(async () => {
  t = await createTestContext({ now: () => new Date('2026-11-23T09:00:00Z') });
  osrm = await startFakeOsrm({ dataVersion: '2026-11-20' });
  const matrixCache = createRedisMatrixCellCache({ redis: t.redis, profile: 'driving', version: 'test', keyPrefix: `${t.prefix}:matrix` });
  const roads = createTravelTimeProvider({ osrmUrl: osrm.url, matrixCache });
  const travelTimes = withRouteGeometryCache(roads, { redis: t.redis, profile: 'driving', version: 'test', keyPrefix: `${t.prefix}:route` });
  t.startWorker(travelTimes, { maxIterations: 100 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

describe('re-planning a day', () => {
  it('asks OSRM nothing when the day’s places did not change, and gives the same plan', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-24', toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } });
    await api.post('/rides', { clientId: day.clients.zofia, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00' });
    const plan = async () => {
      const id = (await api.post('/plans', { date: '2026-11-24' })).body.id;
      return waitFor(async () => {
        const p = (await api.get(`/plans/${id}`)).body;
        return p.status === 'DONE' ? p : null;
      }, 60_000);
    };

    const first = await plan();
    const afterFirst = osrm.requestCount;
    const second = await plan();

    // Tables for the matrix and one route per vehicle for the geometry, the first time only.
    expect(osrm.requests.filter((r) => r.service === 'route').length).toBe(first.routes.length);
    expect(afterFirst).toBeGreaterThan(first.routes.length);
    expect(osrm.requestCount).toBe(afterFirst);
    expect(second.travelTimes).toMatchObject({ source: 'osrm', dataVersion: '2026-11-20' });
    const stops = (p: any) => p.routes.map((r: any) => r.stops.map((s: any) => `${s.rideId}:${s.kind}:${s.time}`));
    expect(stops(second)).toEqual(stops(first));
  });
});
