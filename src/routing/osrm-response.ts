import { OsrmError } from './osrm-error.js';
import { decodePolyline } from './polyline.js';

/**
 * Validation of OSRM v5 answers at the edge: a malformed body becomes an `InvalidResponse` error
 * naming the bad field, instead of a TypeError deep inside matrix assembly. Hand-written rather
 * than zod because a 100×100 table has 20,000 cells and this runs for every block (see
 * bench/routing for the cost).
 */

export interface OsrmWaypoint {
  /** Snapped position, [lon, lat]. */
  readonly location: [number, number];
  /** Metres between the input coordinate and `location`. */
  readonly distanceM: number;
  readonly name: string;
}

export interface OsrmTable {
  readonly rows: number;
  readonly cols: number;
  /** rows*cols, row-major; OSRM's null (no route) becomes Infinity. */
  readonly durationsSec: Float64Array;
  readonly distancesM: Float64Array;
  readonly sources: readonly OsrmWaypoint[];
  readonly destinations: readonly OsrmWaypoint[];
  readonly dataVersion: string | null;
}

export interface OsrmRoute {
  readonly distanceM: number;
  readonly durationSec: number;
  /** [lon, lat] pairs of the overview geometry. */
  readonly coordinates: [number, number][];
  readonly legs: readonly { readonly distanceM: number; readonly durationSec: number }[];
  readonly waypoints: readonly OsrmWaypoint[];
  readonly dataVersion: string | null;
}

export interface OsrmNearest {
  /** Sorted by distance to the input, nearest first; at least one. */
  readonly waypoints: readonly OsrmWaypoint[];
  readonly dataVersion: string | null;
}

type Json = Record<string, unknown>;

function fail(field: string, expected: string): never {
  throw new OsrmError('InvalidResponse', `OSRM response: ${field} should be ${expected}`);
}

function asObject(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'an object');
  return value as Json;
}

function asArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) fail(field, 'an array');
  return value;
}

function asFiniteNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, 'a finite number');
  return value;
}

function asOk(body: unknown): Json {
  const object = asObject(body, 'body');
  if (object.code !== 'Ok') fail('code', '"Ok" in a successful answer');
  return object;
}

function readDataVersion(body: Json): string | null {
  // docs/http.md: "Every response object has a data_version property containing a timestamp from
  // the original OpenStreetMap file. This field is optional" (absent unless osrm-extract got --data_version).
  const value = body.data_version;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail('data_version', 'a string');
  return value;
}

function parseWaypoint(value: unknown, field: string): OsrmWaypoint {
  const object = asObject(value, field);
  const location = asArray(object.location, `${field}.location`);
  if (location.length !== 2) fail(`${field}.location`, '[lon, lat]');
  const lon = asFiniteNumber(location[0], `${field}.location[0]`);
  const lat = asFiniteNumber(location[1], `${field}.location[1]`);
  const distanceM = asFiniteNumber(object.distance, `${field}.distance`);
  const name = object.name === undefined ? '' : object.name;
  if (typeof name !== 'string') fail(`${field}.name`, 'a string');
  return { location: [lon, lat], distanceM, name };
}

function parseWaypoints(value: unknown, field: string): OsrmWaypoint[] {
  return asArray(value, field).map((waypoint, i) => parseWaypoint(waypoint, `${field}[${i}]`));
}

/** Copies an OSRM matrix (rows of numbers or null) into `target`, null → Infinity. */
function readMatrix(value: unknown, field: string, rows: number, cols: number, target: Float64Array): void {
  const outer = asArray(value, field);
  if (outer.length !== rows) fail(field, `${rows} rows (one per source)`);
  for (let r = 0; r < rows; r++) {
    const row = outer[r];
    if (!Array.isArray(row) || row.length !== cols) fail(`${field}[${r}]`, `an array of ${cols} cells`);
    const offset = r * cols;
    for (let c = 0; c < cols; c++) {
      const cell: unknown = row[c];
      if (cell === null) target[offset + c] = Infinity;
      else if (typeof cell === 'number' && cell >= 0 && cell < Infinity) target[offset + c] = cell;
      else fail(`${field}[${r}][${c}]`, 'a non-negative number or null');
    }
  }
}

/**
 * The parts of a `/table` answer other than its matrices: its code (must be Ok), sources,
 * destinations and data version. Shared with the text scanner (parse-table-text.ts), so both
 * paths validate them alike.
 */
export function parseTableWaypoints(body: unknown): Pick<OsrmTable, 'sources' | 'destinations' | 'dataVersion'> {
  const object = asOk(body);
  return {
    sources: parseWaypoints(object.sources, 'sources'),
    destinations: parseWaypoints(object.destinations, 'destinations'),
    dataVersion: readDataVersion(object),
  };
}

/** Parses a `/table` answer requested with `annotations=duration,distance`. */
export function parseTableResponse(body: unknown): OsrmTable {
  const { sources, destinations, dataVersion } = parseTableWaypoints(body);
  const object = body as Json;
  const rows = sources.length;
  const cols = destinations.length;
  const durationsSec = new Float64Array(rows * cols);
  const distancesM = new Float64Array(rows * cols);
  readMatrix(object.durations, 'durations', rows, cols, durationsSec);
  readMatrix(object.distances, 'distances', rows, cols, distancesM);
  return { rows, cols, durationsSec, distancesM, sources, destinations, dataVersion };
}

function parseGeometry(value: unknown, precision: number): [number, number][] {
  if (typeof value === 'string') {
    try {
      return decodePolyline(value, precision);
    } catch (cause) {
      throw new OsrmError('InvalidResponse', `OSRM response: routes[0].geometry is not a valid polyline`, { cause });
    }
  }
  const geometry = asObject(value, 'routes[0].geometry');
  if (geometry.type !== 'LineString') fail('routes[0].geometry.type', '"LineString"');
  return asArray(geometry.coordinates, 'routes[0].geometry.coordinates').map((pair, i) => {
    const field = `routes[0].geometry.coordinates[${i}]`;
    const lonLat = asArray(pair, field);
    if (lonLat.length < 2) fail(field, '[lon, lat]');
    return [asFiniteNumber(lonLat[0], field), asFiniteNumber(lonLat[1], field)];
  });
}

/**
 * Parses a `/route` answer; uses the first (recommended) route. `polylinePrecision` is 5 for
 * `geometries=polyline`, 6 for `polyline6`; GeoJSON geometry is detected by its shape.
 */
export function parseRouteResponse(body: unknown, expectedLegs: number, polylinePrecision = 5): OsrmRoute {
  const object = asOk(body);
  const routes = asArray(object.routes, 'routes');
  if (routes.length === 0) fail('routes', 'a non-empty array');
  const route = asObject(routes[0], 'routes[0]');
  const legs = asArray(route.legs, 'routes[0].legs').map((leg, i) => {
    const legObject = asObject(leg, `routes[0].legs[${i}]`);
    return {
      distanceM: asFiniteNumber(legObject.distance, `routes[0].legs[${i}].distance`),
      durationSec: asFiniteNumber(legObject.duration, `routes[0].legs[${i}].duration`),
    };
  });
  if (legs.length !== expectedLegs) fail('routes[0].legs', `${expectedLegs} legs (one per pair of points)`);
  return {
    distanceM: asFiniteNumber(route.distance, 'routes[0].distance'),
    durationSec: asFiniteNumber(route.duration, 'routes[0].duration'),
    coordinates: parseGeometry(route.geometry, polylinePrecision),
    legs,
    waypoints: object.waypoints === undefined ? [] : parseWaypoints(object.waypoints, 'waypoints'),
    dataVersion: readDataVersion(object),
  };
}

/** Parses a `/nearest` answer. */
export function parseNearestResponse(body: unknown): OsrmNearest {
  const object = asOk(body);
  const waypoints = parseWaypoints(object.waypoints, 'waypoints');
  if (waypoints.length === 0) fail('waypoints', 'a non-empty array');
  return { waypoints, dataVersion: readDataVersion(object) };
}
