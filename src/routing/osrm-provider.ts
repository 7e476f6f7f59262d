import { buildOsrmMatrix } from './build-osrm-matrix.js';
import type { MatrixCellCache } from './matrix-cell-cache.js';
import type { OsrmClient } from './osrm-client.js';
import type { TravelTimeProvider } from './types.js';

export interface OsrmProviderOptions {
  readonly client: OsrmClient;
  readonly maxTableSize: number;
  readonly concurrency: number;
  readonly maxSnapDistanceM: number;
  readonly cache?: MatrixCellCache;
}

/** Travel times and route geometry from OSRM (issue #4). */
export function createOsrmProvider(options: OsrmProviderOptions): TravelTimeProvider {
  const { client } = options;
  return {
    source: 'osrm',

    matrix(points, matrixOptions = {}) {
      return buildOsrmMatrix(points, { ...options, ...matrixOptions });
    },

    async route(points) {
      // OSRM needs two coordinates; zero or one point is a route that goes nowhere.
      if (points.length < 2) return { coordinates: points.map((p) => [p.lon, p.lat]), legs: [], distanceM: 0, durationSec: 0 };
      const route = await client.route(points, { geometries: 'geojson' });
      return {
        coordinates: route.coordinates,
        legs: route.legs.map((leg) => ({ distanceM: leg.distanceM, durationSec: leg.durationSec })),
        distanceM: route.distanceM,
        durationSec: route.durationSec,
      };
    },
  };
}
