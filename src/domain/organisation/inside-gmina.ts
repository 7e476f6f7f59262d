import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Boundary = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;

/**
 * Whether a place lies inside the gmina. Rides leaving the gmina are reported apart and, later,
 * need approval and cost more (issue #5). Without a boundary nothing can be said: null.
 */
export function isInsideGmina(boundary: Boundary | null, lat: number, lon: number): boolean | null {
  if (!boundary) return null;
  return booleanPointInPolygon(point([lon, lat]), boundary);
}

export interface Boundaries {
  readonly boundary: Boundary | null;
  readonly countyBoundary: Boundary | null;
}

/** An organisation without boundaries: nothing can be said of where places lie. */
export const NO_BOUNDARIES: Boundaries = { boundary: null, countyBoundary: null };

/** Where a place lies: in the gmina, in the county (null where that boundary is unknown). */
export function locatePlace(b: Boundaries, lat: number, lon: number): { insideGmina: boolean | null; insideCounty: boolean | null } {
  return { insideGmina: isInsideGmina(b.boundary, lat, lon), insideCounty: isInsideGmina(b.countyBoundary, lat, lon) };
}
