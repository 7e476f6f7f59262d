import { OsrmError, toOsrmErrorCode } from './osrm-error.js';
import {
  parseNearestResponse,
  parseRouteResponse,
  type OsrmNearest,
  type OsrmRoute,
  type OsrmTable,
} from './osrm-response.js';
import { parseTableBody } from './parse-table-body.js';
import type { LatLon } from './types.js';

/**
 * A small typed client for the OSRM v5 HTTP API (`/table`, `/route`, `/nearest`) on Node's global
 * fetch. Keep-alive needs no agent: Node's fetch (undici) pools and reuses connections per origin by
 * default, and osrm-routed keeps a connection for up to 512 requests (docs/http.md, "OSRM HTTP server").
 * Issue #4.
 */

export type OsrmGeometries = 'polyline' | 'polyline6' | 'geojson';

export interface OsrmClientOptions {
  /** Server root, e.g. `http://osrm:5000`; a trailing slash is ignored. */
  readonly baseUrl: string;
  /** Profile segment of the URL. osrm-routed serves one dataset and ignores it. Default `driving`. */
  readonly profile?: string;
  /** Per attempt, covering connect, server time and reading the body. Default 30,000 ms. */
  readonly timeoutMs?: number;
  /** Extra attempts after a 5xx, network error or timeout; never after a 4xx. Default 2. */
  readonly retries?: number;
  /** Delay before retry k (0-based) is `retryBaseDelayMs * 2^k`. Default 250 ms. */
  readonly retryBaseDelayMs?: number;
  /** Injected for tests; default global fetch. */
  readonly fetch?: typeof fetch;
  /** Instrumentation for bench/routing: time waiting for the server and time parsing its answer. */
  readonly onTiming?: (timing: { service: OsrmService; waitMs: number; parseMs: number }) => void;
}

export type OsrmService = 'table' | 'route' | 'nearest';

export interface TableRequest {
  /** Indices into `coordinates`; omitted = all of them (OSRM's default). */
  readonly sources?: readonly number[];
  readonly destinations?: readonly number[];
  readonly signal?: AbortSignal;
}

export interface RouteRequest {
  /** Default `geojson`. */
  readonly geometries?: OsrmGeometries;
  readonly signal?: AbortSignal;
}

export interface NearestRequest {
  /** How many candidate snaps to return. Default 1. */
  readonly number?: number;
  readonly signal?: AbortSignal;
}

export interface OsrmClient {
  /** Durations (s) and distances (m) between sources and destinations (`annotations=duration,distance`). */
  table(coordinates: readonly LatLon[], request?: TableRequest): Promise<OsrmTable>;
  /** Fastest route through the coordinates in order, with `overview=full` geometry and one leg per pair. */
  route(coordinates: readonly LatLon[], request?: RouteRequest): Promise<OsrmRoute>;
  /** Snaps one coordinate to the road network; `waypoints[0].distanceM` is how far it moved. */
  nearest(point: LatLon, request?: NearestRequest): Promise<OsrmNearest>;
}

/** OSRM wants `{lon},{lat}` pairs joined by `;`. Six decimals ≈ 0.1 m, which keeps URLs short. */
export function formatCoordinates(points: readonly LatLon[]): string {
  return points.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const utf8 = new TextDecoder('utf-8');
const decodeUtf8 = (body: Uint8Array): string => utf8.decode(body);

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFromHttpFailure(status: number, body: unknown, url: string): OsrmError {
  if (status >= 500) return new OsrmError('ServerError', `OSRM answered HTTP ${status} for ${url}`, { httpStatus: status });
  const osrmCode =
    typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string'
      ? (body as { code: string }).code
      : null;
  if (osrmCode === null) return new OsrmError('HttpError', `OSRM answered HTTP ${status} for ${url}`, { httpStatus: status });
  const message = (body as { message?: unknown }).message;
  return new OsrmError(toOsrmErrorCode(osrmCode), typeof message === 'string' ? `${osrmCode}: ${message}` : osrmCode, {
    osrmCode,
    httpStatus: status,
  });
}

export function createOsrmClient(options: OsrmClientOptions): OsrmClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const profile = options.profile ?? 'driving';
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 250;
  const fetchFn = options.fetch ?? globalThis.fetch;

  async function attempt<T>(service: OsrmService, url: string, signal: AbortSignal | undefined, parse: (body: Uint8Array) => T): Promise<T> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const started = performance.now();
    let status: number;
    let body: Uint8Array;
    try {
      const response = await fetchFn(url, { signal: combined, headers: { accept: 'application/json' } });
      status = response.status;
      // Bytes, not text: the table scanner reads numbers straight from them (parse-table-body.ts).
      body = new Uint8Array(await response.arrayBuffer());
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw new OsrmError('Timeout', `OSRM gave no answer within ${timeoutMs} ms for ${url}`, { cause });
      throw new OsrmError('NetworkError', `Could not reach OSRM at ${baseUrl}: ${(cause as Error).message}`, { cause });
    }
    const parseStarted = performance.now();
    if (status < 200 || status >= 300) throw errorFromHttpFailure(status, parseJsonOrUndefined(decodeUtf8(body)), url);
    let result: T;
    try {
      result = parse(body);
    } catch (error) {
      // Only now look closer: an OSRM error code in a 2xx answer (osrm-routed uses 400 for every
      // error, a proxy or another implementation may not), or a body that is not JSON at all.
      const json = parseJsonOrUndefined(decodeUtf8(body));
      if (json === undefined) throw new OsrmError('InvalidResponse', `OSRM answered HTTP ${status} with a body that is not JSON`);
      const code = (json as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code !== 'Ok') throw errorFromHttpFailure(status, json, url);
      throw error;
    }
    options.onTiming?.({ service, waitMs: parseStarted - started, parseMs: performance.now() - parseStarted });
    return result;
  }

  async function get<T>(service: OsrmService, path: string, signal: AbortSignal | undefined, parse: (body: Uint8Array) => T): Promise<T> {
    const url = `${baseUrl}/${service}/v1/${profile}/${path}`;
    for (let attemptIndex = 0; ; attemptIndex++) {
      try {
        return await attempt(service, url, signal, parse);
      } catch (error) {
        const canRetry = error instanceof OsrmError && error.isRetryable && attemptIndex < retries && !signal?.aborted;
        if (!canRetry) throw error;
        await sleep(retryBaseDelayMs * 2 ** attemptIndex, signal);
      }
    }
  }

  return {
    table(coordinates, request = {}) {
      // Hints (~90 base64 characters per waypoint) only help a later request on the same points; without
      // them a 100×100 block's answer is ~20 KB shorter to send and parse.
      let query = 'annotations=duration,distance&generate_hints=false';
      if (request.sources) query += `&sources=${request.sources.join(';')}`;
      if (request.destinations) query += `&destinations=${request.destinations.join(';')}`;
      return get('table', `${formatCoordinates(coordinates)}?${query}`, request.signal, parseTableBody);
    },

    async route(coordinates, request = {}) {
      if (coordinates.length < 2) throw new OsrmError('InvalidQuery', 'A route needs at least two coordinates');
      const geometries = request.geometries ?? 'geojson';
      const query = `overview=full&geometries=${geometries}&steps=false&generate_hints=false`;
      const precision = geometries === 'polyline6' ? 6 : 5;
      return get('route', `${formatCoordinates(coordinates)}?${query}`, request.signal, (body) =>
        parseRouteResponse(JSON.parse(decodeUtf8(body)), coordinates.length - 1, precision),
      );
    },

    nearest(point, request = {}) {
      const query = `number=${request.number ?? 1}&generate_hints=false`;
      return get('nearest', `${formatCoordinates([point])}?${query}`, request.signal, (body) => parseNearestResponse(JSON.parse(decodeUtf8(body))));
    },
  };
}
