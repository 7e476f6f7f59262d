/** A WGS84 position. OSRM's URLs and GeoJSON use the opposite order (lon,lat); only the client converts. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export type TravelTimeSource = 'osrm' | 'estimate';

export interface TravelMatrix {
  /** Number of points; equals `points.length` of the request (duplicates keep their own rows). */
  readonly size: number;
  /** size*size seconds, row-major: index [from*size + to]. Infinity = no route. */
  readonly durationsSec: Float64Array;
  /** size*size metres, same layout as durationsSec. Infinity = no route. */
  readonly distancesM: Float64Array;
  readonly source: TravelTimeSource;
  /** OSRM's `data_version` (date of the OpenStreetMap extract) when it reports one; null for the estimate. */
  readonly dataVersion: string | null;
  /**
   * Per point: metres OSRM moved it to snap to the road, or null when it could not be snapped within
   * the limit (then its row and column are Infinity, except the diagonal). Estimate: all 0.
   */
  readonly snapDistancesM: readonly (number | null)[];
}

export interface MatrixOptions {
  /** Aborts outstanding requests; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each block of the matrix is known: done blocks out of total blocks. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RouteLeg {
  readonly distanceM: number;
  readonly durationSec: number;
}

export interface RouteGeometry {
  /** GeoJSON LineString coordinates, [lon, lat]. */
  coordinates: [number, number][];
  /** One leg per consecutive pair of points. */
  legs: RouteLeg[];
  distanceM: number;
  durationSec: number;
}

export interface TravelTimeProvider {
  readonly source: TravelTimeSource;
  matrix(points: readonly LatLon[], options?: MatrixOptions): Promise<TravelMatrix>;
  /** Geometry of a route through the points in order (GeoJSON LineString coordinates [lon, lat]), with per-leg distance and duration. */
  route(points: readonly LatLon[]): Promise<RouteGeometry>;
}
