import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOsrmClient, type OsrmClientOptions } from '../../../src/routing/osrm-client.js';
import { OsrmError } from '../../../src/routing/osrm-error.js';
import type { LatLon } from '../../../src/routing/types.js';
import { startFakeOsrm, type FakeOsrm } from '../../fakes/osrm-server.js';

const SROKOWO: LatLon = { lat: 54.213, lon: 21.519 };
const KETRZYN: LatLon = { lat: 54.076, lon: 21.375 };
const WEGORZEWO: LatLon = { lat: 54.214, lon: 21.738 };
/** In the Baltic, far from every road of the fake's graph. */
const AT_SEA: LatLon = { lat: 55.5, lon: 19.0 };

let fake: FakeOsrm;

beforeEach(async () => {
  fake = await startFakeOsrm();
});

afterEach(async () => {
  await fake.close();
});

const client = (options: Partial<OsrmClientOptions> = {}) => createOsrmClient({ baseUrl: fake.url, retryBaseDelayMs: 1, ...options });

async function rejection(promise: Promise<unknown>): Promise<OsrmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OsrmError);
  return error as OsrmError;
}

describe('createOsrmClient table', () => {
  it('asks for durations and distances and reads sources and destinations', async () => {
    const table = await client().table([SROKOWO, KETRZYN, WEGORZEWO], { sources: [0], destinations: [1, 2] });
    expect(fake.requests[0]?.url).toMatch(/annotations=duration,distance/);
    expect(fake.requests[0]?.url).toMatch(/^\/table\/v1\/driving\/21\.519000,54\.213000;/);
    expect(table.rows).toBe(1);
    expect(table.cols).toBe(2);
    expect(table.durationsSec[0]).toBeGreaterThan(600); // Srokowo → Kętrzyn, ~22 km of road
    expect(table.distancesM[0]).toBeGreaterThan(18_000);
    expect(table.destinations[1]?.location).toEqual([21.738, 54.214]);
    expect(table.dataVersion).toBe('2026-11-01T00:00:00Z');
  });

  it('puts the configured profile in the URL and ignores a trailing slash on the base URL', async () => {
    await createOsrmClient({ baseUrl: `${fake.url}/`, profile: 'car' }).table([SROKOWO, KETRZYN]);
    expect(fake.requests[0]?.url).toMatch(/^\/table\/v1\/car\//);
  });

  it('turns TooBig into a typed error without retrying it', async () => {
    await fake.close();
    fake = await startFakeOsrm({ maxTableSize: 2 });
    const error = await rejection(client({ retries: 3 }).table([SROKOWO, KETRZYN, WEGORZEWO]));
    expect(error.code).toBe('TooBig');
    expect(error.httpStatus).toBe(400);
    expect(error.isRetryable).toBe(false);
    expect(fake.requestCount).toBe(1);
  });

  it('turns NoSegment into a typed error carrying OSRM message', async () => {
    const error = await rejection(client().table([SROKOWO, AT_SEA]));
    expect(error.code).toBe('NoSegment');
    expect(error.osrmCode).toBe('NoSegment');
    expect(error.message).toMatch(/coordinate 1/);
    expect(fake.requestCount).toBe(1);
  });
});

describe('createOsrmClient retries', () => {
  it('retries a 5xx and succeeds when the server recovers', async () => {
    fake.failOn({ status: 503, times: 2 });
    const table = await client({ retries: 2 }).table([SROKOWO, KETRZYN]);
    expect(table.rows).toBe(2);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives up after the configured retries with a ServerError', async () => {
    fake.failOn({ status: 502, times: 5 });
    const error = await rejection(client({ retries: 2 }).table([SROKOWO, KETRZYN]));
    expect(error.code).toBe('ServerError');
    expect(error.httpStatus).toBe(502);
    expect(fake.requestCount).toBe(3);
  });

  it('does not retry a 4xx that is not an OSRM answer', async () => {
    fake.failOn({ status: 404 });
    const error = await rejection(client({ retries: 2 }).table([SROKOWO, KETRZYN]));
    expect(error.code).toBe('HttpError');
    expect(fake.requestCount).toBe(1);
  });

  it('retries a dropped connection as a network error', async () => {
    fake.failOn({ dropConnection: true });
    const table = await client({ retries: 1 }).table([SROKOWO, KETRZYN]);
    expect(table.rows).toBe(2);
    expect(fake.requestCount).toBe(2);
  });

  it('reports NetworkError when nothing listens', async () => {
    const url = fake.url;
    await fake.close();
    const error = await rejection(createOsrmClient({ baseUrl: url, retries: 1, retryBaseDelayMs: 1 }).table([SROKOWO, KETRZYN]));
    expect(error.code).toBe('NetworkError');
    fake = await startFakeOsrm();
  });

  it('times out a stalled request and retries it', async () => {
    fake.failOn({ delayMs: 1500 });
    // Generous against a busy machine: the second, normal attempt must finish within the timeout.
    const table = await client({ timeoutMs: 500, retries: 1 }).table([SROKOWO, KETRZYN]);
    expect(table.rows).toBe(2);
    expect(fake.requestCount).toBe(2);
  });

  it('reports Timeout when every attempt stalls', async () => {
    fake.failOn({ delayMs: 300, times: 2 });
    const error = await rejection(client({ timeoutMs: 50, retries: 1 }).table([SROKOWO, KETRZYN]));
    expect(error.code).toBe('Timeout');
    expect(error.isRetryable).toBe(true);
  });

  it('stops at once when the caller aborts, without retrying', async () => {
    fake.failOn({ delayMs: 300 });
    const controller = new AbortController();
    const pending = client({ retries: 3 }).table([SROKOWO, KETRZYN], { signal: controller.signal });
    await vi.waitFor(() => expect(fake.requestCount).toBe(1)); // the request is being held by the fake
    controller.abort(new Error('plan cancelled'));
    await expect(pending).rejects.toThrow('plan cancelled');
    expect(fake.requestCount).toBe(1);
  });
});

describe('createOsrmClient response validation', () => {
  it('reports a body that is not JSON as InvalidResponse, not a crash', async () => {
    fake.failOn({ body: '<html>proxy error</html>' });
    const error = await rejection(client().table([SROKOWO, KETRZYN]));
    expect(error.code).toBe('InvalidResponse');
    expect(error.isRetryable).toBe(false);
  });

  it('reports a well-formed JSON of the wrong shape as InvalidResponse naming the field', async () => {
    fake.failOn({ body: JSON.stringify({ code: 'Ok', durations: [[0]], sources: [], destinations: [] }) });
    const error = await rejection(client().table([SROKOWO]));
    expect(error.code).toBe('InvalidResponse');
    expect(error.message).toMatch(/durations/);
  });
});

describe('createOsrmClient error codes in successful answers', () => {
  it('reads an OSRM error code even when a proxy answers it with HTTP 200', async () => {
    fake.failOn({ body: JSON.stringify({ code: 'NoSegment', message: 'Could not find a matching segment for coordinate 0' }) });
    const error = await rejection(client().table([SROKOWO, KETRZYN]));
    expect(error.code).toBe('NoSegment');
    expect(error.httpStatus).toBe(200);
  });

  it('keeps an unknown OSRM code readable', async () => {
    fake.failOn({ status: 400, body: JSON.stringify({ code: 'NoSuchThing', message: 'new in OSRM 27' }) });
    const error = await rejection(client().table([SROKOWO, KETRZYN]));
    expect(error.code).toBe('Unknown');
    expect(error.osrmCode).toBe('NoSuchThing');
    expect(error.message).toBe('NoSuchThing: new in OSRM 27');
  });

  it('asks OSRM not to send hints it would never use', async () => {
    await client().table([SROKOWO, KETRZYN]);
    expect(fake.requests[0]?.url).toMatch(/generate_hints=false/);
  });
});

describe('createOsrmClient route', () => {
  it('returns the full geometry and one leg per pair of points', async () => {
    const route = await client().route([SROKOWO, KETRZYN, WEGORZEWO]);
    expect(fake.requests[0]?.url).toMatch(/overview=full/);
    expect(route.legs).toHaveLength(2);
    expect(route.coordinates[0]).toEqual([21.519, 54.213]);
    expect(route.coordinates.at(-1)).toEqual([21.738, 54.214]);
    expect(route.distanceM).toBeCloseTo(route.legs[0]!.distanceM + route.legs[1]!.distanceM, 0);
  });

  it('decodes polyline and polyline6 geometry to the same line as GeoJSON', async () => {
    const c = client();
    const geojson = await c.route([SROKOWO, KETRZYN], { geometries: 'geojson' });
    const polyline = await c.route([SROKOWO, KETRZYN], { geometries: 'polyline' });
    const polyline6 = await c.route([SROKOWO, KETRZYN], { geometries: 'polyline6' });
    expect(polyline.coordinates).toEqual(geojson.coordinates);
    expect(polyline6.coordinates).toEqual(geojson.coordinates);
  });

  it('turns NoRoute into a typed error', async () => {
    const island: LatLon = { lat: 54.02, lon: 21.2 };
    const error = await rejection(client().route([SROKOWO, island]));
    expect(error.code).toBe('NoRoute');
  });

  it('refuses fewer than two points before asking OSRM', async () => {
    const error = await rejection(client().route([SROKOWO]));
    expect(error.code).toBe('InvalidQuery');
    expect(fake.requestCount).toBe(0);
  });
});

describe('createOsrmClient nearest', () => {
  it('reports where the point snaps and how far it moved', async () => {
    const nearest = await client().nearest({ lat: 54.22, lon: 21.52 });
    expect(nearest.waypoints[0]!.distanceM).toBeGreaterThan(100);
    expect(nearest.waypoints[0]!.distanceM).toBeLessThan(1000);
  });

  it('turns an unsnappable point into NoSegment', async () => {
    const error = await rejection(client().nearest(AT_SEA));
    expect(error.code).toBe('NoSegment');
  });
});
