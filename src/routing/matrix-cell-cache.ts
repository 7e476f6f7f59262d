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
  const cells = new Map<string, { durationSec: number; distanceM: number }>();
  const snaps = new Map<string, number | null>();
  let dataVersion: string | null | undefined;
  return {
    get cellCount() {
      return cells.size;
    },
    async lookup(keys) {
      const n = keys.length;
      const durationsSec = new Float64Array(n * n).fill(NaN);
      const distancesM = new Float64Array(n * n).fill(NaN);
      for (let from = 0; from < n; from++) {
        for (let to = 0; to < n; to++) {
          const cell = cells.get(`${keys[from]}|${keys[to]}`);
          if (cell === undefined) continue;
          durationsSec[from * n + to] = cell.durationSec;
          distancesM[from * n + to] = cell.distanceM;
        }
      }
      return { durationsSec, distancesM, snapDistancesM: keys.map((key) => snaps.get(key)), dataVersion };
    },
    async store(keys, stored) {
      const n = keys.length;
      for (let from = 0; from < n; from++) {
        for (let to = 0; to < n; to++) {
          const durationSec = stored.durationsSec[from * n + to] as number;
          if (Number.isNaN(durationSec)) continue;
          cells.set(`${keys[from]}|${keys[to]}`, { durationSec, distanceM: stored.distancesM[from * n + to] as number });
        }
      }
      keys.forEach((key, i) => {
        const snap = stored.snapDistancesM[i];
        if (snap !== undefined) snaps.set(key, snap);
      });
      if (stored.dataVersion !== undefined) dataVersion = stored.dataVersion;
    },
  };
}
