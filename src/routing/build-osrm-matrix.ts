import { dedupePoints, pointKey } from './dedupe-points.js';
import { blockRequestLayout, planMatrixBlocks, type MatrixBlock } from './matrix-blocks.js';
import type { CachedCells, MatrixCellCache } from './matrix-cell-cache.js';
import type { OsrmClient } from './osrm-client.js';
import { createUnsnappablePointFinder } from './find-unsnappable-points.js';
import { OsrmError } from './osrm-error.js';
import { runWithConcurrency } from './run-with-concurrency.js';
import type { LatLon, MatrixOptions, TravelMatrix } from './types.js';

export interface BuildOsrmMatrixOptions extends MatrixOptions {
  readonly client: OsrmClient;
  /** The server's `--max-table-size`; blocks are at most this many sources × this many destinations. */
  readonly maxTableSize: number;
  /** Table requests in flight at once. */
  readonly concurrency: number;
  /** A point OSRM moves farther than this to reach a road is unroutable. */
  readonly maxSnapDistanceM: number;
  readonly cache?: MatrixCellCache;
  /** Instrumentation for bench/routing: time spent copying block answers into the matrix. */
  readonly onAssemble?: (ms: number) => void;
}

/** The unique points' matrix while it is being filled: NaN = not known yet. */
interface WorkingMatrix {
  readonly n: number;
  readonly durationsSec: Float64Array;
  readonly distancesM: Float64Array;
  /** Per unique point: metres moved to the road; null = OSRM cannot snap it; undefined = not known yet. */
  readonly snapDistancesM: (number | null | undefined)[];
  dataVersion: string | null | undefined;
}

function emptyWorkingMatrix(n: number): WorkingMatrix {
  return {
    n,
    durationsSec: new Float64Array(n * n).fill(NaN),
    distancesM: new Float64Array(n * n).fill(NaN),
    snapDistancesM: new Array<number | null | undefined>(n).fill(undefined),
    dataVersion: undefined,
  };
}

function workingMatrixFromCache(cached: CachedCells, n: number): WorkingMatrix {
  if (cached.durationsSec.length !== n * n || cached.distancesM.length !== n * n || cached.snapDistancesM.length !== n) {
    throw new Error(`MatrixCellCache.lookup returned arrays sized for another point count than ${n}`);
  }
  return {
    n,
    // lookup hands over fresh arrays; filling them in place saves a copy of up to 2 × 32 MB at N = 2,000.
    durationsSec: cached.durationsSec,
    distancesM: cached.distancesM,
    snapDistancesM: [...cached.snapDistancesM],
    dataVersion: cached.dataVersion,
  };
}

function isBlockKnown(matrix: WorkingMatrix, block: MatrixBlock): boolean {
  for (const i of [...block.from, ...block.to]) if (matrix.snapDistancesM[i] === undefined) return false;
  for (const from of block.from) {
    for (const to of block.to) if (Number.isNaN(matrix.durationsSec[from * matrix.n + to])) return false;
  }
  return true;
}

/** Copies a block answer (row-major, from.length × to.length) into the n × n matrix at rows `from`, columns `to`. */
function copyBlock(block: Float64Array, target: Float64Array, from: readonly number[], to: readonly number[], n: number): void {
  const cols = to.length;
  const columns = Int32Array.from(to);
  for (let r = 0; r < from.length; r++) {
    const rowOffset = (from[r] as number) * n;
    const blockOffset = r * cols;
    for (let c = 0; c < cols; c++) target[rowOffset + (columns[c] as number)] = block[blockOffset + c] as number;
  }
}

/** Rows and columns of points OSRM cannot snap become Infinity; the diagonal stays 0 (no travel). */
function blankUnroutablePoints(matrix: WorkingMatrix, isUnroutable: (i: number) => boolean): void {
  const { n, durationsSec, distancesM } = matrix;
  for (let i = 0; i < n; i++) {
    if (!isUnroutable(i)) continue;
    for (let j = 0; j < n; j++) {
      const value = i === j ? 0 : Infinity;
      durationsSec[i * n + j] = value;
      distancesM[i * n + j] = value;
      durationsSec[j * n + i] = value;
      distancesM[j * n + i] = value;
    }
  }
}

/** Copies the unique points' matrix onto the original (possibly repeated) points. */
function expandToPoints(matrix: WorkingMatrix, uniqueIndexOf: Int32Array): { durationsSec: Float64Array; distancesM: Float64Array } {
  const size = uniqueIndexOf.length;
  if (size === matrix.n) return { durationsSec: matrix.durationsSec, distancesM: matrix.distancesM };
  const durationsSec = new Float64Array(size * size);
  const distancesM = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const rowOffset = (uniqueIndexOf[i] as number) * matrix.n;
    for (let j = 0; j < size; j++) {
      durationsSec[i * size + j] = matrix.durationsSec[rowOffset + (uniqueIndexOf[j] as number)] as number;
      distancesM[i * size + j] = matrix.distancesM[rowOffset + (uniqueIndexOf[j] as number)] as number;
    }
  }
  return { durationsSec, distancesM };
}

/**
 * Builds the travel matrix from OSRM `/table` requests: deduplicates the points, consults the
 * cache, splits what is missing into blocks within the server's table size, fetches them with
 * bounded concurrency and assembles the result (issue #4).
 *
 * A point OSRM cannot snap (`NoSegment` for its block) or moves more than `maxSnapDistanceM` gets a
 * null snap distance and an Infinity row and column, so the rides touching it can be left
 * unassigned with a reason; it never fails the matrix.
 */
export async function buildOsrmMatrix(points: readonly LatLon[], options: BuildOsrmMatrixOptions): Promise<TravelMatrix> {
  const { client, signal } = options;
  const { unique, uniqueIndexOf } = dedupePoints(points);
  const n = unique.length;
  const keys = unique.map(pointKey);
  const matrix = options.cache ? workingMatrixFromCache(await options.cache.lookup(keys), n) : emptyWorkingMatrix(n);

  const allIndices = Array.from({ length: n }, (_, i) => i);
  const blocks = planMatrixBlocks(allIndices, options.maxTableSize);
  const missing = blocks.filter((block) => !isBlockKnown(matrix, block));
  let done = blocks.length - missing.length;
  options.onProgress?.(done, blocks.length);

  const findUnsnappable = createUnsnappablePointFinder({
    client,
    points: unique,
    snapDistancesM: matrix.snapDistancesM,
    concurrency: options.concurrency,
    signal,
  });

  const isSnappable = (i: number): boolean => matrix.snapDistancesM[i] !== null;

  const fetchBlock = async (block: MatrixBlock): Promise<void> => {
    for (;;) {
      const from = block.from.filter(isSnappable);
      const to = block.from === block.to ? from : block.to.filter(isSnappable);
      if (from.length === 0 || to.length === 0) return;
      const layout = blockRequestLayout({ from, to });
      const coordinates = layout.coordinateIndices.map((i) => unique[i] as LatLon);
      let table;
      try {
        table = await client.table(coordinates, { sources: layout.sources, destinations: layout.destinations, signal });
      } catch (error) {
        if (error instanceof OsrmError && error.code === 'NoSegment' && (await findUnsnappable(layout.coordinateIndices, error))) continue;
        throw error;
      }
      if (table.rows !== from.length || table.cols !== to.length) {
        throw new OsrmError('InvalidResponse', `OSRM answered a ${from.length}×${to.length} table with ${table.rows}×${table.cols}`);
      }
      const started = performance.now();
      from.forEach((i, r) => (matrix.snapDistancesM[i] ??= table.sources[r]?.distanceM));
      to.forEach((j, c) => (matrix.snapDistancesM[j] ??= table.destinations[c]?.distanceM));
      copyBlock(table.durationsSec, matrix.durationsSec, from, to, n);
      copyBlock(table.distancesM, matrix.distancesM, from, to, n);
      matrix.dataVersion ??= table.dataVersion;
      options.onAssemble?.(performance.now() - started);
      return;
    }
  };

  await runWithConcurrency(missing, options.concurrency, async (block) => {
    await fetchBlock(block);
    options.onProgress?.(++done, blocks.length);
  });

  blankUnroutablePoints(matrix, (i) => matrix.snapDistancesM[i] === null);
  if (options.cache && missing.length > 0) await options.cache.store(keys, matrix);

  // The snap limit is applied after caching, so one cache serves every limit.
  const snapDistancesM = matrix.snapDistancesM.map((d) => (d === undefined || d === null || d > options.maxSnapDistanceM ? null : d));
  blankUnroutablePoints(matrix, (i) => snapDistancesM[i] === null);
  const { durationsSec, distancesM } = expandToPoints(matrix, uniqueIndexOf);
  return {
    size: points.length,
    durationsSec,
    distancesM,
    source: 'osrm',
    dataVersion: matrix.dataVersion ?? null,
    snapDistancesM: Array.from(uniqueIndexOf, (u) => snapDistancesM[u] as number | null),
  };
}
