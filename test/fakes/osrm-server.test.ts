import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOsrm, type FakeOsrm, type FakeRoadGraph, type StartFakeOsrmOptions } from './osrm-server.js';

/**
 * A line of three villages 0.01° of latitude apart (≈ 1,112 m) plus a slow shortcut, so the fastest
 * path (A→B→C at 60 km/h) differs from the shortest one (A→C directly at 10 km/h).
 */
const LINE: FakeRoadGraph = {
  nodes: [
    { id: 'A', lat: 54.0, lon: 21.0 },
    { id: 'B', lat: 54.01, lon: 21.0 },
    { id: 'C', lat: 54.02, lon: 21.0 },
    { id: 'D', lat: 54.01, lon: 21.01 },
  ],
  edges: [
    { from: 'A', to: 'B', speedKmh: 60, name: 'main' },
    { from: 'B', to: 'C', speedKmh: 60, name: 'main' },
    { from: 'A', to: 'D', speedKmh: 10 },
    { from: 'D', to: 'C', speedKmh: 10 },
  ],
  winding: 1,
};
const DEGREE_LAT_M = 1_111.95; // 0.01° of latitude

const fakes: FakeOsrm[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});
async function fakeOsrm(options: StartFakeOsrmOptions = {}): Promise<FakeOsrm> {
  const fake = await startFakeOsrm(options);
  fakes.push(fake);
  return fake;
}
async function getJson(fake: FakeOsrm, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(fake.url + path);
  return { status: response.status, body: await response.json() };
}

describe('fake OSRM /table', () => {
  it('answers the fastest path durations and their distances in OSRM v5 shape', async () => {
    const fake = await fakeOsrm({ graph: LINE, dataVersion: '2026-11-01' });
    const { status, body } = await getJson(fake, '/table/v1/driving/21,54;21,54.02?annotations=duration,distance');
    expect(status).toBe(200);
    expect(body.code).toBe('Ok');
    expect(body.data_version).toBe('2026-11-01');
    // A→C via B: 2 × 1,112 m at 60 km/h ≈ 133.4 s.
    expect(body.durations[0][1]).toBeCloseTo((2 * DEGREE_LAT_M) / (60 / 3.6), 0);
    expect(body.distances[0][1]).toBeCloseTo(2 * DEGREE_LAT_M, -1);
    expect(body.durations[1][1]).toBe(0);
    expect(body.sources[1]).toMatchObject({ location: [21, 54.02], distance: 0, name: 'main' });
  });

  it('sends an 88-character hint per waypoint unless generate_hints=false', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    const withHints = await getJson(fake, '/table/v1/driving/21,54;21,54.02');
    const withoutHints = await getJson(fake, '/table/v1/driving/21,54;21,54.02?generate_hints=false');
    expect(withHints.body.sources[0].hint).toHaveLength(88);
    expect(withoutHints.body.sources[0].hint).toBeUndefined();
  });

  it('returns only durations when annotations are not given, like osrm-routed', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    const { body } = await getJson(fake, '/table/v1/driving/21,54;21,54.02');
    expect(body.durations).toBeDefined();
    expect(body.distances).toBeUndefined();
  });

  it('snaps a point onto the nearest road and reports how far it moved', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    const { body } = await getJson(fake, '/table/v1/driving/20.995,54.005;21,54.02');
    const moved = body.sources[0];
    expect(moved.location).toEqual([21, 54.005]);
    expect(moved.distance).toBeGreaterThan(300); // 0.005° of longitude at 54° N ≈ 327 m
    expect(moved.distance).toBeLessThan(350);
    expect(body.durations[0][1]).toBeCloseTo((1.5 * DEGREE_LAT_M) / (60 / 3.6), 0);
  });

  it('limits sources × destinations to the square of the max table size', async () => {
    const fake = await fakeOsrm({ graph: LINE, maxTableSize: 2 });
    const four = '21,54;21,54.01;21,54.02;21.01,54.01';
    expect((await getJson(fake, `/table/v1/driving/${four}?sources=0;1&destinations=2;3`)).status).toBe(200);
    const threeByOne = await getJson(fake, `/table/v1/driving/${four}?sources=0;1;2&destinations=3`);
    expect(threeByOne.status).toBe(200); // 3 × 1 ≤ 2², although 3 > 2
    const refused = await getJson(fake, `/table/v1/driving/${four}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ code: 'TooBig', message: 'Too many table coordinates' });
  });

  it('answers NoSegment naming the first coordinate too far from any road', async () => {
    const fake = await fakeOsrm({ graph: LINE, snapLimitM: 500 });
    const { status, body } = await getJson(fake, '/table/v1/driving/21,54;22,55;23,56');
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'NoSegment', message: 'Could not find a matching segment for coordinate 1' });
  });

  it('answers null for pairs with no route', async () => {
    const fake = await fakeOsrm(); // the Srokowo graph's island road
    const { body } = await getJson(fake, '/table/v1/driving/21.519,54.213;21.2,54.02');
    expect(body.durations).toEqual([
      [0, null],
      [null, 0],
    ]);
  });

  it('rejects malformed coordinates and out-of-range indices with OSRM codes', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    expect((await getJson(fake, '/table/v1/driving/21,54;abc')).body.code).toBe('InvalidUrl');
    expect((await getJson(fake, '/table/v1/driving/21,54;21,54.02?sources=5')).body.code).toBe('InvalidOptions');
    expect((await getJson(fake, '/table/v2/driving/21,54;21,54.02')).body.code).toBe('InvalidVersion');
    expect((await getJson(fake, '/match/v1/driving/21,54;21,54.02')).body.code).toBe('InvalidService');
  });
});

describe('fake OSRM /route and /nearest', () => {
  it('routes along the fastest path with legs and GeoJSON geometry', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    const { body } = await getJson(fake, '/route/v1/driving/21,54;21,54.02;21.01,54.01?overview=full&geometries=geojson');
    const route = body.routes[0];
    expect(route.geometry.coordinates).toEqual([
      [21, 54],
      [21, 54.01],
      [21, 54.02],
      [21.01, 54.01],
    ]);
    expect(route.legs).toHaveLength(2);
    expect(route.distance).toBeCloseTo(route.legs[0].distance + route.legs[1].distance, 1);
    expect(body.waypoints).toHaveLength(3);
  });

  it('answers NoRoute between disconnected roads', async () => {
    const fake = await fakeOsrm();
    const { status, body } = await getJson(fake, '/route/v1/driving/21.519,54.213;21.2,54.02');
    expect(status).toBe(400);
    expect(body.code).toBe('NoRoute');
  });

  it('lists the nearest roads, nearest first', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    const { body } = await getJson(fake, '/nearest/v1/driving/21.004,54.01?number=2');
    expect(body.waypoints).toHaveLength(2);
    expect(body.waypoints[0].distance).toBeLessThanOrEqual(body.waypoints[1].distance);
  });
});

describe('fake OSRM failures on demand', () => {
  it('fails the next matching requests with the given status, then recovers', async () => {
    const fake = await fakeOsrm({ graph: LINE, failNext: { service: 'table', status: 503, times: 2 } });
    expect((await fetch(`${fake.url}/nearest/v1/driving/21,54`)).status).toBe(200);
    expect((await fetch(`${fake.url}/table/v1/driving/21,54`)).status).toBe(503);
    expect((await fetch(`${fake.url}/table/v1/driving/21,54`)).status).toBe(503);
    expect((await fetch(`${fake.url}/table/v1/driving/21,54`)).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 503, 503, 200]);
  });

  it('delays an answer by the requested time', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    fake.failOn({ delayMs: 100 });
    const started = Date.now();
    const response = await fetch(`${fake.url}/table/v1/driving/21,54`);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('logs the coordinates, sources and destinations of each table request', async () => {
    const fake = await fakeOsrm({ graph: LINE });
    await fetch(`${fake.url}/table/v1/driving/21,54;21,54.01;21,54.02?sources=0&destinations=1;2`);
    expect(fake.requests[0]).toMatchObject({ service: 'table', coordinates: 3, sources: 1, destinations: 2, status: 200 });
    fake.resetLog();
    expect(fake.requestCount).toBe(0);
  });
});
