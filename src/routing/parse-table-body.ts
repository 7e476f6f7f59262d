import { parseTableResponse, parseTableWaypoints, type OsrmTable } from './osrm-response.js';

const utf8 = new TextDecoder('utf-8');

/**
 * Reads an OSRM `/table` answer straight from the bytes of its body (issue #4: the client's
 * overhead must stay within 10 % of the server's time; decoding a 100×100 block's 150 KB to a
 * string and JSON.parse-ing it builds 20,000 boxed numbers in 200 arrays that readMatrix then walks
 * again: about twice the time of this scan).
 *
 * The `durations` and `distances` arrays are scanned by hand into Float64Arrays; every other
 * member (code, sources, destinations, data_version, …) is cut out and given to JSON.parse, and
 * validated by the same code as the slow path. Anything this scanner does not expect — a negative
 * or non-numeric cell, ragged rows, a repeated key, an escape in a key, invalid JSON — makes it
 * give up and the whole body is decoded and goes through `parseTableResponse(JSON.parse(…))`, which then
 * accepts it or reports the exact field. So the answer (and every error) is the slow path's.
 */
export function parseTableBody(body: Uint8Array): OsrmTable {
  return scanTableBody(body) ?? parseTableResponse(JSON.parse(utf8.decode(body)));
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const MINUS = 0x2d;
const PLUS = 0x2b;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const LOWER_N = 0x6e;

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Up to this many digits a decimal mantissa is an exact double (< 2^53). */
const EXACT_DIGITS = 15;

/** Cells as they are scanned, kept between calls (grown to one block's matrix, 80 KB at 100×100) so that scanning allocates only its results. */
let scratch: Float64Array = new Float64Array(1024);

/** Thrown inside the scanner to give up on the fast path; never leaves this module. */
class GiveUp extends Error {}
const giveUp = new GiveUp();

interface ScannedMatrix {
  values: Float64Array;
  rows: number;
  cols: number;
  /** Position just past the matrix's closing bracket. */
  end: number;
  /** The scratch buffer, possibly grown, for the next matrix. */
  buffer: Float64Array;
}

/** The fast path alone: the table, or undefined when the body needs the slow path (exported for tests). */
export function scanTableBody(bytes: Uint8Array): OsrmTable | undefined {
  try {
    return scanTableOrGiveUp(bytes);
  } catch (error) {
    if (error === giveUp) return undefined;
    // JSON.parse of a member that is not valid JSON: the slow path reports it the same way.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function scanTableOrGiveUp(bytes: Uint8Array): OsrmTable {
  const end = bytes.length;
  let durations: ScannedMatrix | undefined;
  let distances: ScannedMatrix | undefined;
  const others: Record<string, unknown> = {};
  const seen = new Set<string>();
  let pos = skipSpace(bytes, 0);
  if (bytes[pos]! !== OPEN_BRACE) throw giveUp;
  pos = skipSpace(bytes, pos + 1);
  for (;;) {
    // A key: a plain string without escapes.
    if (bytes[pos] !== QUOTE) throw giveUp;
    let keyEnd = pos + 1;
    let key = '';
    for (;;) {
      const c = bytes[keyEnd];
      if (c === undefined || c === BACKSLASH || c >= 0x80) throw giveUp;
      if (c === QUOTE) break;
      key += String.fromCharCode(c);
      keyEnd++;
    }
    if (seen.has(key)) throw giveUp;
    seen.add(key);
    pos = skipSpace(bytes, keyEnd + 1);
    if (bytes[pos]! !== COLON) throw giveUp;
    pos = skipSpace(bytes, pos + 1);
    if (key === 'durations' || key === 'distances') {
      const matrix = scanMatrix(bytes, pos, scratch);
      scratch = matrix.buffer;
      pos = matrix.end;
      if (key === 'durations') durations = matrix;
      else distances = matrix;
    } else {
      const valueEnd = skipValue(bytes, pos);
      others[key] = JSON.parse(utf8.decode(bytes.subarray(pos, valueEnd)));
      pos = valueEnd;
    }
    pos = skipSpace(bytes, pos);
    const c = bytes[pos++]!;
    if (c === CLOSE_BRACE) break;
    if (c !== COMMA) throw giveUp;
    pos = skipSpace(bytes, pos);
  }
  if (skipSpace(bytes, pos) !== end || durations === undefined || distances === undefined) throw giveUp;

  // Sources, destinations, code and data_version go through the slow path's validation, whose
  // errors are the ones to report.
  const { sources, destinations, dataVersion } = parseTableWaypoints(others);
  const rows = sources.length;
  const cols = destinations.length;
  for (const matrix of [durations, distances]) {
    if (matrix.rows !== rows || (rows > 0 && matrix.cols !== cols)) throw giveUp;
  }
  return { rows, cols, durationsSec: durations.values, distancesM: distances.values, sources, destinations, dataVersion };
}

function skipSpace(bytes: Uint8Array, from: number): number {
  let pos = from;
  while (isSpace(bytes[pos]!)) pos++;
  return pos;
}

/** Where the JSON value starting at `from` ends (strings and nesting respected; scalars end at , } or ]). */
function skipValue(bytes: Uint8Array, from: number): number {
  const end = bytes.length;
  let pos = from;
  let depth = 0;
  while (pos < end) {
    const c = bytes[pos]!;
    if (c === QUOTE) {
      pos++;
      for (;;) {
        if (pos >= end) throw giveUp;
        const d = bytes[pos]!;
        if (d === QUOTE) break;
        pos += d === BACKSLASH ? 2 : 1;
      }
      pos++;
      if (depth === 0) return pos;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      depth++;
      pos++;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (depth === 0) break;
      depth--;
      pos++;
      if (depth === 0) return pos;
    } else if (c === COMMA && depth === 0) {
      break;
    } else {
      pos++;
    }
  }
  if (depth !== 0 || pos === from) throw giveUp;
  return pos;
}

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === CR || c === TAB;

/**
 * Scans an array of rows of cells starting at `from` (whitespace allowed before it). A cell is a
 * non-negative JSON number, or null (no route) read as Infinity. One function with plain local
 * variables: this loop reads every byte of the answer, and a position kept in a closure's context
 * instead of a register costs as much as JSON.parse itself.
 */
function scanMatrix(bytes: Uint8Array, from: number, scratch: Float64Array): ScannedMatrix {
  const end = bytes.length;
  let buffer = scratch;
  let pos = from;
  let c = bytes[pos]!;
  while (isSpace(c)) c = bytes[++pos]!;
  if (c !== OPEN_BRACKET) throw giveUp;
  c = bytes[++pos]!;
  while (isSpace(c)) c = bytes[++pos]!;
  if (c === CLOSE_BRACKET) return { values: new Float64Array(0), rows: 0, cols: 0, end: pos + 1, buffer };
  let rows = 0;
  let cols = -1;
  let count = 0;
  for (;;) {
    if (c !== OPEN_BRACKET) throw giveUp;
    c = bytes[++pos]!;
    while (isSpace(c)) c = bytes[++pos]!;
    const rowStart = count;
    if (c === CLOSE_BRACKET) {
      c = bytes[++pos]!;
    } else {
      for (;;) {
        // One cell.
        let value: number;
        if (c === LOWER_N) {
          if (bytes[pos + 1] !== 0x75 || bytes[pos + 2] !== 0x6c || bytes[pos + 3] !== 0x6c) throw giveUp; // "ull"
          pos += 4;
          c = bytes[pos]!;
          value = Infinity;
        } else {
          // Negative cells (and "-0") are left to the slow path, which rejects or accepts them itself.
          if (c < ZERO || c > NINE) throw giveUp;
          const start = pos;
          let mantissa = 0;
          let digits = 0;
          if (c === ZERO) {
            c = bytes[++pos]!;
            digits = 1;
            if (c >= ZERO && c <= NINE) throw giveUp; // a leading zero is not JSON
          } else {
            do {
              mantissa = mantissa * 10 + (c - ZERO);
              digits++;
              c = bytes[++pos]!;
            } while (c >= ZERO && c <= NINE);
          }
          let exponent = 0;
          if (c === DOT) {
            c = bytes[++pos]!;
            if (!(c >= ZERO && c <= NINE)) throw giveUp;
            do {
              mantissa = mantissa * 10 + (c - ZERO);
              digits++;
              exponent--;
              c = bytes[++pos]!;
            } while (c >= ZERO && c <= NINE);
          }
          if (c === LOWER_E || c === UPPER_E) {
            c = bytes[++pos]!;
            let sign = 1;
            if (c === PLUS || c === MINUS) {
              sign = c === MINUS ? -1 : 1;
              c = bytes[++pos]!;
            }
            if (!(c >= ZERO && c <= NINE)) throw giveUp;
            let written = 0;
            do {
              written = written * 10 + (c - ZERO);
              if (written > 1e6) throw giveUp;
              c = bytes[++pos]!;
            } while (c >= ZERO && c <= NINE);
            exponent += sign * written;
          }
          // Clinger's fast path: an exact mantissa times or over an exact power of ten is one
          // correctly rounded operation, the same double JSON.parse gives. Otherwise the engine converts.
          if (digits <= EXACT_DIGITS && exponent >= -22 && exponent <= 22) {
            value = exponent >= 0 ? mantissa * EXACT_POWERS[exponent]! : mantissa / EXACT_POWERS[-exponent]!;
          } else {
            value = Number(utf8.decode(bytes.subarray(start, pos)));
            if (!(value < Infinity)) throw giveUp; // 1e400: JSON.parse gives Infinity, which the slow path rejects
          }
        }
        if (count === buffer.length) {
          const grown = new Float64Array(buffer.length * 2);
          grown.set(buffer);
          buffer = grown;
        }
        buffer[count++] = value;
        while (isSpace(c)) c = bytes[++pos]!;
        if (c === COMMA) {
          c = bytes[++pos]!;
          while (isSpace(c)) c = bytes[++pos]!;
          continue;
        }
        if (c !== CLOSE_BRACKET) throw giveUp;
        c = bytes[++pos]!;
        break;
      }
    }
    const rowLength = count - rowStart;
    if (cols === -1) cols = rowLength;
    else if (rowLength !== cols) throw giveUp;
    rows++;
    while (isSpace(c)) c = bytes[++pos]!;
    if (c === CLOSE_BRACKET) break;
    if (c !== COMMA) throw giveUp;
    c = bytes[++pos]!;
    while (isSpace(c)) c = bytes[++pos]!;
  }
  if (pos >= end) throw giveUp;
  return { values: buffer.slice(0, count), rows, cols, end: pos + 1, buffer };
}
