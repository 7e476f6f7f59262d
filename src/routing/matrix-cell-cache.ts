/**
 * Where the matrix builder looks for cells it already knows before asking OSRM (issue #4: a day
 * re-planned with unchanged locations costs no OSRM request). Cells are keyed by point keys
 * (`pointKey` in dedupe-points.ts) so the lookup needs no request; an implementation scopes keys by profile
 * and by a version it is constructed with, and may expire them.
 *
 * Arrays are indexed like the builder's deduplicated points: cell [from * keys.length + to].
 */
export interface CachedCells {
  /** NaN = not cached; Infinity = cached "no route". */
  readonly durationsSec: Float64Array;
  readonly distancesM: Float64Array;
  /** Metres OSRM moved each point; null = OSRM could not snap it; undefined = not cached. */
  readonly snapDistancesM: readonly (number | null | undefined)[];
  /** data_version of the road data the cached cells came from; undefined = not cached. */
  readonly dataVersion: string | null | undefined;
}

export interface MatrixCellCache {
  lookup(pointKeys: readonly string[]): Promise<CachedCells>;
  /** Stores every cell that is not NaN and every snap distance that is not undefined. */
  store(pointKeys: readonly string[], cells: CachedCells): Promise<void>;
}

/**
 * A process-local cache, for tests and single-worker use. Each entry remembers the data_version of
 * the answer it came from.
 */
export function createInMemoryMatrixCellCache(): MatrixCellCache & { readonly cellCount: number } {
  /** rows.get(fromKey).get(toKey) = [durationSec, distanceM]; nested so a lookup builds no key strings. */
  const rows = new Map<string, Map<string, readonly [number, number]>>();
  const snaps = new Map<string, number | null>();
  let dataVersion: string | null | undefined;
  return {
    get cellCount() {
      let count = 0;
      for (const row of rows.values()) count += row.size;
      return count;
    },
    async lookup(keys) {
      const n = keys.length;
      const durationsSec = new Float64Array(n * n).fill(NaN);
      const distancesM = new Float64Array(n * n).fill(NaN);
      keys.forEach((fromKey, from) => {
        const row = rows.get(fromKey);
        if (row === undefined) return;
        keys.forEach((toKey, to) => {
          const cell = row.get(toKey);
          if (cell === undefined) return;
          durationsSec[from * n + to] = cell[0];
          distancesM[from * n + to] = cell[1];
        });
      });
      return { durationsSec, distancesM, snapDistancesM: keys.map((key) => snaps.get(key)), dataVersion };
    },
    async store(keys, stored) {
      const n = keys.length;
      keys.forEach((fromKey, from) => {
        let row = rows.get(fromKey);
        if (row === undefined) rows.set(fromKey, (row = new Map()));
        keys.forEach((toKey, to) => {
          const durationSec = stored.durationsSec[from * n + to] as number;
          if (!Number.isNaN(durationSec)) row.set(toKey, [durationSec, stored.distancesM[from * n + to] as number]);
        });
        const snap = stored.snapDistancesM[from];
        if (snap !== undefined) snaps.set(fromKey, snap);
      });
      if (stored.dataVersion !== undefined) dataVersion = stored.dataVersion;
    },
  };
}
