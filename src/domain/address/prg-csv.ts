/**
 * PRG address points from CSV. The register's own CSV exports and the tools that convert its GML
 * (e.g. prg_convert) name the columns slightly differently, so each field accepts these headers
 * (compared without case, Polish letters, spaces, "_" or "-"):
 *
 * | field        | accepted headers                                                           |
 * |--------------|----------------------------------------------------------------------------|
 * | locality     | miejscowosc, miejscowość, nazwa_miejscowosci                               |
 * | simc         | simc, teryt_miejscowosc, identyfikator_simc, id_simc                       |
 * | street       | ulica, nazwa_ulicy (empty for "village + number" addresses)                |
 * | house number | numer_porzadkowy, numer, nr, numer_adresowy                                |
 * | postcode     | kod_pocztowy, kod                                                          |
 * | x, y         | x, y · x_koord, y_koord · x_2180, y_2180 · x_epsg_2180, y_epsg_2180 · wsp_x, wsp_y |
 *
 * x and y are EPSG:2180 metres. In the Polish geodetic convention x is the northing and y the
 * easting (the default); files from GIS tools (prg_convert's x_epsg_2180, QGIS) write the
 * easting as x: pass axisOrder 'eastingNorthing' for those. Decimal commas are accepted.
 */
import { cellOf, mapColumns, parseCsv, parseDecimal } from '../import/csv.js';
import { missingColumns, type RowRejection } from '../import/import-report.js';
import { puwg1992FromPair, type AxisOrder } from './puwg1992.js';
import type { RawAddressPoint } from './address-point.js';

export const PRG_CSV_COLUMNS = {
  locality: ['miejscowosc', 'nazwa_miejscowosci'],
  simc: ['simc', 'teryt_miejscowosc', 'identyfikator_simc', 'id_simc'],
  street: ['ulica', 'nazwa_ulicy'],
  houseNumber: ['numer_porzadkowy', 'numer', 'nr', 'numer_adresowy'],
  postcode: ['kod_pocztowy', 'kod'],
  x: ['x', 'x_koord', 'x_2180', 'x_epsg_2180', 'wsp_x'],
  y: ['y', 'y_koord', 'y_2180', 'y_epsg_2180', 'wsp_y'],
} as const;

export interface ParsedPoints {
  readonly points: readonly RawAddressPoint[];
  /** File-level problems (missing columns); row problems are found by checkAddressPoint. */
  readonly fileErrors: readonly RowRejection[];
}

/** Parses a PRG CSV; x/y are read in the given order (default: Polish, x = northing). */
export function parsePrgCsv(text: string, axisOrder: AxisOrder = 'northingEasting'): ParsedPoints {
  const table = parseCsv(text);
  const col = mapColumns(table.header, PRG_CSV_COLUMNS);
  const required = ['locality', 'houseNumber', 'x', 'y'] as const;
  const missing = required.filter((f) => col[f] === undefined).map((f) => PRG_CSV_COLUMNS[f][0]);
  if (missing.length) return { points: [], fileErrors: missingColumns(missing) };
  const points = table.rows.map(({ rowNumber, cells }): RawAddressPoint => {
    const x = parseDecimal(cellOf(cells, col.x));
    const y = parseDecimal(cellOf(cells, col.y));
    return {
      row: rowNumber,
      simc: cellOf(cells, col.simc),
      locality: cellOf(cells, col.locality),
      street: cellOf(cells, col.street),
      houseNumber: cellOf(cells, col.houseNumber),
      postcode: cellOf(cells, col.postcode),
      position: x === undefined || y === undefined ? undefined : puwg1992FromPair(x, y, axisOrder),
    };
  });
  return { points, fileErrors: [] };
}
