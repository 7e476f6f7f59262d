/**
 * How an N×N table is split into requests osrm-routed accepts.
 *
 * osrm-routed's TablePlugin (src/engine/plugins/table.cpp) refuses a request with `TooBig` when
 *   num_sources * num_destinations > max_locations_distance_table * max_locations_distance_table,
 * where max_locations_distance_table is `--max-table-size` (default 100) and an omitted
 * sources/destinations list counts as all coordinates. It limits the product, not the number of
 * coordinates in the URL: a 100×100 block sent as 200 coordinates with `sources=0..99` and
 * `destinations=100..199` is accepted at the default. Square blocks of side maxTableSize are the
 * largest allowed and send the fewest coordinates per cell.
 */
export interface MatrixBlock {
  /** Indices (into the point list) of the block's sources, ascending. */
  readonly from: readonly number[];
  /** Indices of the block's destinations, ascending. */
  readonly to: readonly number[];
}

/** Splits indices into consecutive chunks of at most `chunkSize`. */
export function chunkIndices(indices: readonly number[], chunkSize: number): number[][] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const chunks: number[][] = [];
  for (let start = 0; start < indices.length; start += chunkSize) chunks.push(indices.slice(start, start + chunkSize));
  return chunks;
}

/** Every (source chunk, destination chunk) pair: together they cover indices × indices exactly once. */
export function planMatrixBlocks(indices: readonly number[], maxTableSize: number): MatrixBlock[] {
  const chunks = chunkIndices(indices, maxTableSize);
  return chunks.flatMap((from) => chunks.map((to) => ({ from, to })));
}

/**
 * The coordinates and index lists of one block's request. A diagonal block (from === to) sends its
 * points once and lets sources/destinations default to all of them.
 */
export function blockRequestLayout(block: MatrixBlock): { coordinateIndices: number[]; sources?: number[]; destinations?: number[] } {
  if (block.from === block.to) return { coordinateIndices: [...block.from] };
  return {
    coordinateIndices: [...block.from, ...block.to],
    sources: block.from.map((_, i) => i),
    destinations: block.to.map((_, i) => block.from.length + i),
  };
}
