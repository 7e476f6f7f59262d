import type { LatLon, RouteGeometry, TravelMatrix, TravelTimeProvider } from './types.js';

/** Mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function haversineDistanceM(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLon = (b.lon - a.lon) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface EstimateOptions {
  /** Road distance ÷ straight-line distance. Default 1.3, a common figure for rural road networks. */
  readonly detourFactor?: number;
  /** Average door-to-door speed. Default 50 km/h (rural roads, villages, some waiting at junctions). */
  readonly speedKmh?: number;
}

/** Road distance and driving time estimated from the straight line; used only when no OSRM is configured. */
export function estimateLeg(from: LatLon, to: LatLon, options: EstimateOptions = {}): { distanceM: number; durationSec: number } {
  const distanceM = haversineDistanceM(from, to) * (options.detourFactor ?? 1.3);
  return { distanceM, durationSec: distanceM / (((options.speedKmh ?? 50) * 1000) / 3600) };
}

/** Every leg's estimate between the points, row-major (i * size + j); the diagonal stays 0. */
export function estimateMatrix(points: readonly LatLon[], options: EstimateOptions = {}): { size: number; durationsSec: Float64Array; distancesM: Float64Array } {
  const size = points.length;
  const durationsSec = new Float64Array(size * size);
  const distancesM = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      const leg = estimateLeg(points[i]!, points[j]!, options);
      durationsSec[i * size + j] = leg.durationSec;
      distancesM[i * size + j] = leg.distanceM;
    }
  }
  return { size, durationsSec, distancesM };
}

/** The estimate as a TravelTimeProvider: pure, no I/O, labelled source 'estimate' so plans can say so. */
export function createEstimateProvider(options: EstimateOptions = {}): TravelTimeProvider {
  const detourFactor = options.detourFactor ?? 1.3;
  const speedKmh = options.speedKmh ?? 50;
  if (!(detourFactor >= 1)) throw new RangeError(`estimateDetourFactor must be ≥ 1, got ${detourFactor}`);
  if (!(speedKmh > 0)) throw new RangeError(`estimateSpeedKmh must be > 0, got ${speedKmh}`);
  const legOptions = { detourFactor, speedKmh };

  return {
    source: 'estimate',

    async matrix(points, matrixOptions = {}): Promise<TravelMatrix> {
      const { size, durationsSec, distancesM } = estimateMatrix(points, legOptions);
      matrixOptions.onProgress?.(1, 1);
      return { size, durationsSec, distancesM, source: 'estimate', dataVersion: null, snapDistancesM: new Array<number>(size).fill(0) };
    },

    async route(points): Promise<RouteGeometry> {
      // Straight segments between the points: honest about being an estimate on the map.
      const legs = points.slice(1).map((to, i) => estimateLeg(points[i] as LatLon, to, legOptions));
      return {
        coordinates: points.map((p) => [p.lon, p.lat]),
        legs,
        distanceM: legs.reduce((sum, leg) => sum + leg.distanceM, 0),
        durationSec: legs.reduce((sum, leg) => sum + leg.durationSec, 0),
      };
    },
  };
}
