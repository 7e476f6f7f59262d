/**
 * The installation's travel times, as the API (live edits) and the worker (planning) both use
 * them: OSRM or the labelled estimate from the configuration, with matrix cells shared by every
 * process through Redis, so re-planning a day or editing it live normally asks OSRM nothing new.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { createTravelTimeProvider } from './create-travel-time-provider.js';
import { createRedisMatrixCellCache } from './matrix-cache.js';
import type { TravelTimeProvider } from './types.js';

export function travelTimesFromConfig(config: Config, redis: Redis): TravelTimeProvider {
  return createTravelTimeProvider({
    osrmUrl: config.OSRM_URL ?? null,
    osrmProfile: config.OSRM_PROFILE,
    osrmMaxTableSize: config.OSRM_MAX_TABLE_SIZE,
    maxSnapDistanceM: config.MAX_SNAP_DISTANCE_M,
    estimateSpeedKmh: config.ESTIMATE_SPEED_KMH,
    estimateDetourFactor: config.ESTIMATE_DETOUR_FACTOR,
    matrixCache: createRedisMatrixCellCache({
      redis,
      profile: config.OSRM_PROFILE,
      version: config.OSRM_DATA_VERSION,
      ttlSec: config.OSRM_CACHE_TTL_SEC,
      keyPrefix: `${config.QUEUE_PREFIX}:matrix`,
    }),
  });
}
