import { describe, expect, it } from 'vitest';
import { OsrmError } from '../../../src/routing/osrm-error.js';
import { parseNearestResponse, parseRouteResponse, parseTableResponse } from '../../../src/routing/osrm-response.js';

const waypoint = (lon: number, lat: number, distance = 0) => ({ hint: 'x', distance, name: 'DW650', location: [lon, lat] });

const okTable = () => ({
  code: 'Ok',
  durations: [
    [0, 1007.6],
    [null, 0],
  ],
  distances: [
    [0, 21622.8],
    [null, 0],
  ],
  sources: [waypoint(21.519, 54.213, 12.5), waypoint(21.375, 54.076)],
  destinations: [waypoint(21.519, 54.213, 12.5), waypoint(21.375, 54.076)],
  data_version: '2026-11-01T00:00:00Z',
});

function invalidResponseMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OsrmError);
    expect((error as OsrmError).code).toBe('InvalidResponse');
    return (error as OsrmError).message;
  }
  throw new Error('expected an InvalidResponse error');
}

describe('parseTableResponse', () => {
  it('reads durations and distances row-major, turning null (no route) into Infinity', () => {
    const table = parseTableResponse(okTable());
    expect(table.rows).toBe(2);
    expect(table.cols).toBe(2);
    expect([...table.durationsSec]).toEqual([0, 1007.6, Infinity, 0]);
    expect([...table.distancesM]).toEqual([0, 21622.8, Infinity, 0]);
    expect(table.sources[0]).toEqual({ location: [21.519, 54.213], distanceM: 12.5, name: 'DW650' });
    expect(table.dataVersion).toBe('2026-11-01T00:00:00Z');
  });

  it('reports a missing data_version as null', () => {
    const { data_version: _omitted, ...withoutVersion } = okTable();
    expect(parseTableResponse(withoutVersion).dataVersion).toBeNull();
  });

  it('names the field when distances were not returned', () => {
    const { distances: _omitted, ...withoutDistances } = okTable();
    expect(invalidResponseMessage(() => parseTableResponse(withoutDistances))).toMatch(/distances should be an array/);
  });

  it('names the row whose length does not match the destinations', () => {
    const body = okTable();
    body.durations[1] = [5];
    expect(invalidResponseMessage(() => parseTableResponse(body))).toMatch(/durations\[1\] should be an array of 2 cells/);
  });

  it('rejects a negative or non-numeric cell', () => {
    const body = okTable() as unknown as { durations: unknown[][] };
    body.durations[0]![1] = '1007';
    expect(invalidResponseMessage(() => parseTableResponse(body))).toMatch(/durations\[0\]\[1\]/);
  });

  it('rejects a waypoint without a location', () => {
    const body = okTable() as unknown as { sources: unknown[] };
    body.sources[1] = { distance: 3 };
    expect(invalidResponseMessage(() => parseTableResponse(body))).toMatch(/sources\[1\]\.location/);
  });

  it('rejects a body that is not an Ok answer', () => {
    expect(invalidResponseMessage(() => parseTableResponse([1, 2]))).toMatch(/body should be an object/);
    expect(invalidResponseMessage(() => parseTableResponse({ durations: [] }))).toMatch(/code/);
  });
});

describe('parseRouteResponse', () => {
  const okRoute = (geometry: unknown) => ({
    code: 'Ok',
    routes: [{ geometry, legs: [{ distance: 100, duration: 10 }, { distance: 50, duration: 6 }], distance: 150, duration: 16 }],
    waypoints: [waypoint(21.5, 54.2), waypoint(21.51, 54.2), waypoint(21.52, 54.2)],
  });

  it('reads GeoJSON geometry and legs', () => {
    const route = parseRouteResponse(okRoute({ type: 'LineString', coordinates: [[21.5, 54.2], [21.52, 54.2]] }), 2);
    expect(route.coordinates).toEqual([
      [21.5, 54.2],
      [21.52, 54.2],
    ]);
    expect(route.legs).toEqual([
      { distanceM: 100, durationSec: 10 },
      { distanceM: 50, durationSec: 6 },
    ]);
    expect(route.distanceM).toBe(150);
  });

  it('decodes polyline geometry into [lon, lat]', () => {
    const route = parseRouteResponse(okRoute('_p~iF~ps|U_ulLnnqC'), 2);
    expect(route.coordinates).toEqual([
      [-120.2, 38.5],
      [-120.95, 40.7],
    ]);
  });

  it('rejects an answer whose legs do not match the points', () => {
    expect(invalidResponseMessage(() => parseRouteResponse(okRoute({ type: 'LineString', coordinates: [] }), 3))).toMatch(/3 legs/);
  });

  it('rejects an empty route list', () => {
    expect(invalidResponseMessage(() => parseRouteResponse({ code: 'Ok', routes: [] }, 1))).toMatch(/routes should be a non-empty array/);
  });
});

describe('parseNearestResponse', () => {
  it('reads the snapped location and how far the point moved', () => {
    const nearest = parseNearestResponse({ code: 'Ok', waypoints: [waypoint(21.516, 54.219, 240.5)] });
    expect(nearest.waypoints[0]).toEqual({ location: [21.516, 54.219], distanceM: 240.5, name: 'DW650' });
  });

  it('rejects an answer without waypoints', () => {
    expect(invalidResponseMessage(() => parseNearestResponse({ code: 'Ok', waypoints: [] }))).toMatch(/waypoints/);
  });
});
