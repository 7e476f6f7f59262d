import type { OsrmClient } from './osrm-client.js';
import { OsrmError } from './osrm-error.js';
import { runWithConcurrency } from './run-with-concurrency.js';
import type { LatLon } from './types.js';

/** OSRM names the first coordinate it could not snap: "Could not find a matching segment for coordinate 7". */
function coordinateIndexInMessage(error: OsrmError): number | null {
  const match = /coordinate (\d+)/.exec(error.message);
  return match ? Number(match[1]) : null;
}

/**
 * After a table request failed with `NoSegment`, finds which of its points OSRM cannot snap, using
 * `/nearest` (issue #4: one unsnappable address must not fail the matrix). The point OSRM named in
 * its message is checked first; only if that does not explain the failure is every point checked.
 * Each point is probed at most once, even by blocks failing at the same time.
 *
 * Writes into `snapDistancesM` (indexed like `points`): null for an unsnappable point, the distance
 * moved for a probed point that snaps. Returns a function that resolves true when it found at least
 * one unsnappable point among `pointIndices`.
 */
export function createUnsnappablePointFinder(deps: {
  readonly client: OsrmClient;
  readonly points: readonly LatLon[];
  readonly snapDistancesM: (number | null | undefined)[];
  readonly concurrency: number;
  readonly signal?: AbortSignal;
}): (pointIndices: readonly number[], error: OsrmError) => Promise<boolean> {
  const { client, points, snapDistancesM, signal } = deps;
  const probes = new Map<number, Promise<boolean>>();

  /** Resolves true when the point cannot be snapped. */
  const isUnsnappable = (i: number): Promise<boolean> => {
    let probe = probes.get(i);
    if (probe === undefined) {
      probe = client.nearest(points[i] as LatLon, { signal }).then(
        (nearest) => {
          snapDistancesM[i] ??= nearest.waypoints[0]?.distanceM;
          return false;
        },
        (error: unknown) => {
          if (!(error instanceof OsrmError && error.code === 'NoSegment')) throw error;
          snapDistancesM[i] = null;
          return true;
        },
      );
      probes.set(i, probe);
    }
    return probe;
  };

  return async (pointIndices, error) => {
    const named = coordinateIndexInMessage(error);
    const suspect = named === null ? undefined : pointIndices[named];
    if (suspect !== undefined && (await isUnsnappable(suspect))) return true;
    let found = false;
    await runWithConcurrency(pointIndices, deps.concurrency, async (i) => {
      if (await isUnsnappable(i)) found = true;
    });
    return found;
  };
}
