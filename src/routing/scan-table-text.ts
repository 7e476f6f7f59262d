/**
 * A fast path for the two big arrays of a `/table` answer. JSON.parse builds 20,000 boxed numbers
 * in nested arrays for every 100×100 block only for them to be copied into a Float64Array; scanning
 * the text straight into the Float64Array is several times cheaper (bench/routing). The scan accepts
 * only the compact form osrm-routed writes (`"durations":[[0,1007.6,null],…]`, plain decimals);
 * anything else returns undefined and the caller falls back to JSON.parse with full validation.
 */

export interface ScannedMatrix {
  readonly rows: number;
  readonly cols: number;
  /** rows*cols, row-major; null → Infinity. */
  readonly values: Float64Array;
  /** Text offsets of the array, `[` to one past `]`. */
  readonly start: number;
  readonly end: number;
}

const CHAR_0 = 48;
const CHAR_9 = 57;
const DOT = 46;
const COMMA = 44;
const OPEN = 91;
const CLOSE = 93;
const LOWER_N = 110;
/** 10^k is exact in a double for k ≤ 22, so mantissa / 10^k is the correctly rounded decimal. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Digits that keep an integer mantissa exact (below 2^53). */
const MAX_DIGITS = 15;

/** Scans the array after `"key":`, or returns undefined when the text is not in the expected form. */
export function scanMatrix(text: string, key: string): ScannedMatrix | undefined {
  const marker = `"${key}":`;
  const keyAt = text.indexOf(marker);
  if (keyAt < 0) return undefined;
  const start = keyAt + marker.length;
  let i = start;
  if (text.charCodeAt(i++) !== OPEN) return undefined;
  const values: number[] = [];
  let rows = 0;
  let cols = -1;
  if (text.charCodeAt(i) === CLOSE) return { rows: 0, cols: 0, values: new Float64Array(0), start, end: i + 1 };
  for (;;) {
    if (text.charCodeAt(i++) !== OPEN) return undefined;
    let rowLength = 0;
    if (text.charCodeAt(i) === CLOSE) i++;
    else {
      for (;;) {
        let c = text.charCodeAt(i);
        if (c === LOWER_N) {
          if (text.startsWith('null', i) === false) return undefined;
          values.push(Infinity);
          i += 4;
        } else {
          let mantissa = 0;
          let digits = 0;
          let fractionDigits = 0;
          while (c >= CHAR_0 && c <= CHAR_9) {
            mantissa = mantissa * 10 + (c - CHAR_0);
            digits++;
            c = text.charCodeAt(++i);
          }
          if (digits === 0) return undefined; // a sign, exponent-only or other token: let JSON.parse judge it
          if (c === DOT) {
            c = text.charCodeAt(++i);
            while (c >= CHAR_0 && c <= CHAR_9) {
              mantissa = mantissa * 10 + (c - CHAR_0);
              digits++;
              fractionDigits++;
              c = text.charCodeAt(++i);
            }
            if (fractionDigits === 0) return undefined;
          }
          if (digits > MAX_DIGITS) return undefined;
          values.push(fractionDigits === 0 ? mantissa : mantissa / (POW10[fractionDigits] as number));
        }
        rowLength++;
        const separator = text.charCodeAt(i++);
        if (separator === CLOSE) break;
        if (separator !== COMMA) return undefined;
      }
    }
    if (cols === -1) cols = rowLength;
    else if (rowLength !== cols) return undefined;
    rows++;
    const separator = text.charCodeAt(i++);
    if (separator === CLOSE) break;
    if (separator !== COMMA) return undefined;
  }
  return { rows, cols, values: Float64Array.from(values), start, end: i };
}
