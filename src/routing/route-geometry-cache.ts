import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { LatLon, RouteGeometry, TravelTimeProvider } from './types.js';

export interface RouteGeometryCacheOptions {
  readonly redis: Redis;
  readonly profile: string;
  /** Version of the road data; a new version starts an empty cache. */
  readonly version: string;
  /** Seconds a cached geometry lives. Default 7 days. */
  readonly ttlSec?: number;
  /** Namespace for the keys. Default `dowoz:route`. */
  readonly keyPrefix?: string;
}

/**
 * Remembers route geometries in Redis, keyed by the exact sequence of points, so re-planning a
 * day that gives the same routes asks OSRM nothing (issue #4), like the matrix cell cache does
 * for tables. A Redis failure falls through to the provider: geometry is never worth failing for.
 */
export function withRouteGeometryCache(provider: TravelTimeProvider, options: RouteGeometryCacheOptions): TravelTimeProvider {
  const ttlSec = options.ttlSec ?? 7 * 24 * 3600;
  const prefix = `${options.keyPrefix ?? 'dowoz:route'}:${options.profile}:${options.version}:`;
  const keyOf = (points: readonly LatLon[]) =>
    prefix + createHash('sha256').update(points.map((p) => `${p.lat.toFixed(6)},${p.lon.toFixed(6)}`).join(';')).digest('hex');
  return {
    source: provider.source,
    matrix: (points, matrixOptions) => provider.matrix(points, matrixOptions),
    async route(points: readonly LatLon[]): Promise<RouteGeometry> {
      const key = keyOf(points);
      const cached = await options.redis.get(key).catch(() => null);
      if (cached) return JSON.parse(cached) as RouteGeometry;
      const route = await provider.route(points);
      await options.redis.set(key, JSON.stringify(route), 'EX', ttlSec).catch(() => undefined);
      return route;
    },
  };
}
