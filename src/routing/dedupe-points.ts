import type { LatLon } from './types.js';

export interface DedupedPoints {
  /** Distinct points, in order of first appearance. */
  readonly unique: readonly LatLon[];
  /** For each input index, the index of its point in `unique`. */
  readonly uniqueIndexOf: Int32Array;
}

/** Identity of a place: its coordinates at 1e-6° (≈ 0.1 m), the precision the client sends to OSRM. */
export function pointKey(point: LatLon): string {
  return `${point.lat.toFixed(6)},${point.lon.toFixed(6)}`;
}

/**
 * Collapses identical coordinates (many clients ride to one hospital) so OSRM is asked about each
 * place once. Identical means equal `pointKey`s.
 */
export function dedupePoints(points: readonly LatLon[]): DedupedPoints {
  const indexByKey = new Map<string, number>();
  const unique: LatLon[] = [];
  const uniqueIndexOf = new Int32Array(points.length);
  points.forEach((point, i) => {
    const key = pointKey(point);
    let index = indexByKey.get(key);
    if (index === undefined) {
      index = unique.length;
      indexByKey.set(key, index);
      unique.push(point);
    }
    uniqueIndexOf[i] = index;
  });
  return { unique, uniqueIndexOf };
}
