import { createEstimateProvider } from './estimate.js';
import type { MatrixCellCache } from './matrix-cell-cache.js';
import { createOsrmClient } from './osrm-client.js';
import { createOsrmProvider } from './osrm-provider.js';
import type { TravelTimeProvider } from './types.js';

export interface TravelTimeProviderConfig {
  /** OSRM root URL (OSRM_URL). Unset, null or empty: the labelled great-circle estimate is used. */
  readonly osrmUrl?: string | null;
  /** URL profile segment. Default `driving`. */
  readonly osrmProfile?: string;
  /** The server's `--max-table-size` (osrm-routed default 100): blocks are at most this × this. */
  readonly osrmMaxTableSize?: number;
  /** Table requests in flight at once. Default 4. */
  readonly osrmConcurrency?: number;
  /** Per request attempt. Default 30,000 ms. */
  readonly osrmTimeoutMs?: number;
  /** Extra attempts after 5xx, network errors and timeouts. Default 2. */
  readonly osrmRetries?: number;
  /** Delay before retry k is this × 2^k. Default 250 ms. */
  readonly osrmRetryBaseDelayMs?: number;
  /**
   * A point OSRM must move farther than this to reach a road is unroutable (null snap distance,
   * Infinity row and column). Default 2,000 m: farms in Warmia can sit on long tracks missing from OSM.
   */
  readonly maxSnapDistanceM?: number;
  /** Estimate only. Default 50 km/h. */
  readonly estimateSpeedKmh?: number;
  /** Estimate only: road distance ÷ straight-line distance. Default 1.3. */
  readonly estimateDetourFactor?: number;
  /** Injected for tests; default global fetch. */
  readonly fetch?: typeof fetch;
  /** Matrix cells already known (e.g. shared by all workers); consulted before asking OSRM. */
  readonly matrixCache?: MatrixCellCache;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** OSRM when a URL is configured, otherwise the estimate (issue #4: used only on purpose, and labelled). */
export function createTravelTimeProvider(config: TravelTimeProviderConfig): TravelTimeProvider {
  if (!config.osrmUrl) {
    return createEstimateProvider({ speedKmh: config.estimateSpeedKmh, detourFactor: config.estimateDetourFactor });
  }
  const maxSnapDistanceM = config.maxSnapDistanceM ?? 2000;
  if (!(maxSnapDistanceM >= 0)) throw new RangeError(`maxSnapDistanceM must be ≥ 0, got ${maxSnapDistanceM}`);
  const client = createOsrmClient({
    baseUrl: config.osrmUrl,
    profile: config.osrmProfile,
    timeoutMs: config.osrmTimeoutMs,
    retries: config.osrmRetries,
    retryBaseDelayMs: config.osrmRetryBaseDelayMs,
    fetch: config.fetch,
  });
  return createOsrmProvider({
    client,
    maxTableSize: positiveInteger('osrmMaxTableSize', config.osrmMaxTableSize ?? 100),
    concurrency: positiveInteger('osrmConcurrency', config.osrmConcurrency ?? 4),
    maxSnapDistanceM,
    cache: config.matrixCache,
  });
}
