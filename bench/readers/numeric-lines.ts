/**
 * Splits a benchmark file into rows of numbers. Files come with LF or CRLF line endings and with
 * spaces or TABs between fields (Li & Lim ships CRLF + TAB), so any run of whitespace separates
 * fields and blank lines are dropped.
 */
export function parseNumericLines(text: string, fileKind: string): number[][] {
  const rows: number[][] = [];
  const lines = text.split(/\r?\n|\r/);
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const fields = lines[lineIndex]!.trim().split(/\s+/).filter((field) => field.length > 0);
    if (fields.length === 0) continue;
    rows.push(
      fields.map((field) => {
        const value = Number(field);
        if (!Number.isFinite(value)) {
          throw new Error(`${fileKind}: line ${lineIndex + 1}: "${field}" is not a number`);
        }
        return value;
      }),
    );
  }
  return rows;
}

/** Euclidean distance matrix in double precision, no rounding (the published results' convention). */
export function euclideanMatrix(xs: readonly number[], ys: readonly number[]): Float64Array {
  const size = xs.length;
  const matrix = new Float64Array(size * size);
  for (let from = 0; from < size; from++) {
    for (let to = 0; to < size; to++) {
      const dx = xs[from]! - xs[to]!;
      const dy = ys[from]! - ys[to]!;
      matrix[from * size + to] = Math.sqrt(dx * dx + dy * dy);
    }
  }
  return matrix;
}

/** Largest entry of a matrix; used to bound any solution's total distance. */
export function largestEntry(matrix: Float64Array): number {
  let largest = 0;
  for (const value of matrix) if (value > largest) largest = value;
  return largest;
}
