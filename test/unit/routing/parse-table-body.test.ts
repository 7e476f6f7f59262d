import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/solver/alns/rng.js';
import { parseTableBody, scanTableBody } from '../../../src/routing/parse-table-body.js';
import { parseTableResponse, type OsrmTable } from '../../../src/routing/osrm-response.js';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What the slow path (JSON.parse, then validation) makes of the text: a table or the error it throws. */
function slow(text: string): OsrmTable | Error {
  try {
    return parseTableResponse(JSON.parse(text));
  } catch (error) {
    return error as Error;
  }
}

function fast(text: string): OsrmTable | Error {
  try {
    return parseTableBody(bytesOf(text));
  } catch (error) {
    return error as Error;
  }
}

/** Same cells bit for bit (Object.is tells −0 from 0), same waypoints, same error class and message. */
function expectSameAsSlowPath(text: string): void {
  const expected = slow(text);
  const actual = fast(text);
  if (expected instanceof Error) {
    expect(actual).toBeInstanceOf(expected.constructor);
    expect((actual as Error).message).toBe(expected.message);
    return;
  }
  if (actual instanceof Error) throw actual;
  expect(actual.rows).toBe(expected.rows);
  expect(actual.cols).toBe(expected.cols);
  expect(actual.durationsSec.length).toBe(expected.durationsSec.length);
  expect(actual.distancesM.length).toBe(expected.distancesM.length);
  actual.durationsSec.forEach((value, i) => expect(Object.is(value, expected.durationsSec[i])).toBe(true));
  actual.distancesM.forEach((value, i) => expect(Object.is(value, expected.distancesM[i])).toBe(true));
  expect(actual.sources).toEqual(expected.sources);
  expect(actual.destinations).toEqual(expected.destinations);
  expect(actual.dataVersion).toBe(expected.dataVersion);
}

// The example answer of OSRM's API documentation (docs/http.md, "Table service"), with distances added.
const documented = `{
  "sources": [
    { "location": [13.3888, 52.517033], "hint": "PAYVgXVPGYGrAQAAnAAAAA8AAAAJAAAAVQAAAAAAAABGAAAACQAAADZ9AQCgzcsA2qEgAwAAAAB18U8ODQABEBgpVzk=", "name": "Friedrichstraße", "distance": 4.29 },
    { "location": [13.397631, 52.529432], "hint": "gQ8MgJYPDIBJAAAAAAAAABEAAAAAAAAASQAAAAAAAAARAAAAAAAAAA1mAQC_68sAGPogA9L2ywDK-iADAAAPAAEAEBAYKVc5", "name": "Torstraße", "distance": 1.4 }
  ],
  "durations": [
    [0, 192.6, 382.8],
    [199, 0, 283.9]
  ],
  "distances": [
    [0, 1886.3, 3984.2],
    [1896.4, 0, 3101.1]
  ],
  "destinations": [
    { "location": [13.3888, 52.517033], "hint": "PAYVgXVPGYGrAQAAnAAAAA8AAAAJAAAAVQAAAAAAAABGAAAACQAAADZ9AQCgzcsA2qEgAwAAAAB18U8ODQABEBgpVzk=", "name": "Friedrichstraße", "distance": 4.29 },
    { "location": [13.397631, 52.529432], "hint": "gQ8MgJYPDIBJAAAAAAAAABEAAAAAAAAASQAAAAAAAAARAAAAAAAAAA1mAQC_68sAGPogA9L2ywDK-iADAAAPAAEAEBAYKVc5", "name": "Torstraße", "distance": 1.4 },
    { "location": [13.428554, 52.523239], "hint": "7UcAgP___39TAAAAAgAAAAAAAAAAAAAAOwAAAAIAAAAAAAAAAAAAAA1mAQCK7MsAF-EgA07yywAI4iADAAAPAAEAEBAYKVc5", "name": "Platz der Vereinten Nationen", "distance": 2.17 }
  ],
  "code": "Ok",
  "data_version": "2026-11-01T00:00:00Z"
}`;

/** A 2 × 2 answer whose cells are given as raw JSON text. */
const twoByTwo = (cells: [string, string, string, string], separator = ', '): string => {
  const waypoint = '{"location":[21.519,54.213],"distance":0,"name":"DW650"}';
  const matrix = `[[${cells[0]}${separator}${cells[1]}],[${cells[2]}${separator}${cells[3]}]]`;
  return `{"code":"Ok","durations":${matrix},"distances":${matrix},"sources":[${waypoint},${waypoint}],"destinations":[${waypoint},${waypoint}]}`;
};

describe('parseTableBody', () => {
  it("reads OSRM's documented answer like JSON.parse does: cells, UTF-8 street names, data version", () => {
    const table = parseTableBody(bytesOf(documented));

    expect([...table.durationsSec]).toEqual([0, 192.6, 382.8, 199, 0, 283.9]);
    expect([...table.distancesM]).toEqual([0, 1886.3, 3984.2, 1896.4, 0, 3101.1]);
    expect(table.sources[0]!.name).toBe('Friedrichstraße');
    expect(table.destinations[2]).toEqual({ location: [13.428554, 52.523239], distanceM: 2.17, name: 'Platz der Vereinten Nationen' });
    expectSameAsSlowPath(documented);
    expect(scanTableBody(bytesOf(documented))).toBeDefined(); // read by the scanner, not the fallback
  });

  it('turns null cells (no route) into Infinity', () => {
    const table = parseTableBody(bytesOf(twoByTwo(['0', 'null', 'null', '0'])));

    expect([...table.durationsSec]).toEqual([0, Infinity, Infinity, 0]);
  });

  it('reads exponents, long mantissas and large numbers to the same double as JSON.parse', () => {
    for (const cells of [
      ['1e3', '2.5E-1', '1.5e+2', '0'],
      ['0.1', '0.30000000000000004', '123456789012345678901234567890', '9007199254740993'],
      ['4.35e-7', '1E22', '1e23', '0.000001'],
      ['17.10000000000000142', '3.141592653589793238462643383279', '0e5', '0.0'],
    ] as [string, string, string, string][]) {
      expectSameAsSlowPath(twoByTwo(cells));
    }
    expect([...parseTableBody(bytesOf(twoByTwo(['1e3', '2.5E-1', '1.5e+2', '0']))).durationsSec]).toEqual([1000, 0.25, 150, 0]);
    expect(scanTableBody(bytesOf(twoByTwo(['0.1', '0.30000000000000004', '123456789012345678901234567890', '9007199254740993'])))).toBeDefined();
  });

  it('accepts whitespace anywhere JSON allows it', () => {
    expectSameAsSlowPath(JSON.stringify(JSON.parse(documented), null, 2));
    expectSameAsSlowPath(JSON.stringify(JSON.parse(documented), null, '\t').replace(/\n/g, '\r\n'));
    expectSameAsSlowPath(twoByTwo(['  1 ', '\n2\t', '\r\n3', ' null '], ' ,\n '));
    expectSameAsSlowPath(`  \n${documented}\n  `);
    expect(scanTableBody(bytesOf(twoByTwo(['  1 ', '\n2\t', '\r\n3', ' null '], ' ,\n ')))).toBeDefined();
  });

  it('reports negative, non-numeric and overflowing cells, ragged rows and missing matrices exactly as the slow path', () => {
    for (const cells of [
      ['-1', '0', '0', '0'],
      ['"7"', '0', '0', '0'],
      ['true', '0', '0', '0'],
      ['1e400', '0', '0', '0'],
      ['NaN', '0', '0', '0'],
      ['01', '0', '0', '0'],
      ['1.', '0', '0', '0'],
      ['.5', '0', '0', '0'],
      ['nul', '0', '0', '0'],
    ] as [string, string, string, string][]) {
      expectSameAsSlowPath(twoByTwo(cells));
      expect(slow(twoByTwo(cells))).toBeInstanceOf(Error);
    }
    expectSameAsSlowPath(twoByTwo(['-0', '0', '0', '0'])); // −0 passes "≥ 0"; the fallback keeps its sign
    const ragged = twoByTwo(['0', '1', '2', '3']).replace('[[0, 1],[2, 3]]', '[[0, 1],[2]]');
    expect(ragged).not.toBe(twoByTwo(['0', '1', '2', '3']));
    expect(scanTableBody(bytesOf(ragged))).toBeUndefined();
    expectSameAsSlowPath(ragged);
    const withoutDistances = documented.replace(/"distances": \[[^\]]*\],[^\]]*\]\n  \],/, '');
    expect(withoutDistances).not.toContain('"distances"');
    expect(slow(withoutDistances)).toBeInstanceOf(Error);
    expectSameAsSlowPath(withoutDistances);
    expect(slow(documented.replace('"code": "Ok"', '"code": "NoSegment"'))).toBeInstanceOf(Error);
    expectSameAsSlowPath(documented.replace('"code": "Ok"', '"code": "NoSegment"'));
    expect(slow(documented.replace('"distance": 4.29', '"distance": "far"'))).toBeInstanceOf(Error);
    expectSameAsSlowPath(documented.replace('"distance": 4.29', '"distance": "far"'));
  });

  it('rejects text that is not JSON as JSON.parse does', () => {
    for (const text of ['', '{', documented.slice(0, -2), `${documented},`, '{"code":"Ok",}', 'null', '[]']) {
      expectSameAsSlowPath(text);
    }
  });

  it('takes repeated keys and escaped keys the way JSON.parse does (last one wins)', () => {
    const repeated = documented.replace('"code": "Ok",', '"code": "Ok", "durations": [[1,2,3],[4,5,6]],');
    expectSameAsSlowPath(repeated);
    expectSameAsSlowPath(documented.replace('"code": "Ok"', '"c\\u006fde": "Ok"'));
  });

  it('agrees with the slow path on random tables in every number format', () => {
    const rng = new Rng(2026);
    const formats = [
      (x: number) => String(Math.round(x * 10) / 10),
      (x: number) => String(x),
      (x: number) => x.toExponential(rng.nextInt(8)),
      (x: number) => x.toFixed(rng.nextInt(12)),
      (x: number) => String(Math.round(x)),
      () => 'null',
    ];
    for (let trial = 0; trial < 40; trial++) {
      const rows = 1 + rng.nextInt(6);
      const cols = 1 + rng.nextInt(6);
      const matrix = () =>
        `[${Array.from({ length: rows }, () => `[${Array.from({ length: cols }, () => formats[rng.nextInt(formats.length)]!(rng.next() * 10 ** rng.nextInt(7))).join(',')}]`).join(',')}]`;
      const waypoint = (i: number) => `{"location":[${21 + i / 100},54.1],"distance":${rng.next() * 50},"name":"Droga ${i}"}`;
      const text = `{"code":"Ok","durations":${matrix()},"distances":${matrix()},"sources":[${Array.from({ length: rows }, (_, i) => waypoint(i)).join(',')}],"destinations":[${Array.from({ length: cols }, (_, i) => waypoint(i)).join(',')}]}`;
      expectSameAsSlowPath(text);
    }
  });
});
