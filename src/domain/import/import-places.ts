/**
 * CSV import of places (issue #5): the list of destinations a centre keeps in a spreadsheet.
 *
 * Columns (header names compared without case, Polish letters, spaces or "_"):
 * kind (rodzaj: DEPOT, ADDRESS, CUS, HEALTH, HOSPITAL, REHAB, SCHOOL, OFFICE, NGO, OTHER, or the
 * app's Polish words: baza, adres klienta, CUS / dom dzienny, przychodnia, szpital, …),
 * name (nazwa), address (adres), lat (szerokosc), lon (dlugosc). Without lat and lon, the address
 * is resolved against the organisation's PRG address points. Every row passes the same schema as
 * POST /places, and insideGmina is computed from the boundary as createPlace does.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { CreatePlaceSchema, type CreatePlace } from '../booking/place.schema.js';
import { locatePlace, NO_BOUNDARIES } from '../organisation/inside-gmina.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { insertPlace } from '../../db/repositories/place.repo.js';
import { cellOf, mapColumns, parseCsv, parseDecimal } from './csv.js';
import { mayStore, missingColumns, type ImportReport, type RowRejection } from './import-report.js';
import { validateRow } from './row-values.js';
import { homeFromAddress } from './resolve-row-address.js';
import { normaliseText } from '../address/normalise.js';

export const PLACE_COLUMNS = {
  kind: ['kind', 'rodzaj'],
  name: ['name', 'nazwa'],
  address: ['address', 'adres'],
  lat: ['lat', 'szerokosc', 'latitude'],
  lon: ['lon', 'dlugosc', 'lng', 'longitude'],
} as const;

/** The words the app shows for each kind (and a few more a spreadsheet may use), normalised; the enum names pass as they are. */
const KIND_WORDS: Record<string, string> = {
  baza: 'DEPOT',
  zajezdnia: 'DEPOT',
  adres: 'ADDRESS',
  'adres klienta': 'ADDRESS',
  dom: 'ADDRESS',
  cus: 'CUS',
  'cus dom dzienny': 'CUS',
  'dom dzienny': 'CUS',
  'dzienny dom': 'CUS',
  przychodnia: 'HEALTH',
  'osrodek zdrowia': 'HEALTH',
  szpital: 'HOSPITAL',
  rehabilitacja: 'REHAB',
  szkola: 'SCHOOL',
  przedszkole: 'SCHOOL',
  urzad: 'OFFICE',
  'organizacja pozarzadowa': 'NGO',
  ngo: 'NGO',
  fundacja: 'NGO',
  stowarzyszenie: 'NGO',
  inne: 'OTHER',
};

function kindOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return KIND_WORDS[normaliseText(text)] ?? text.toUpperCase();
}

export async function importPlaces(deps: DomainDeps, ctx: OrganisationContext, text: string, acceptValid: boolean): Promise<ImportReport> {
  const table = parseCsv(text);
  const col = mapColumns(table.header, PLACE_COLUMNS);
  const missing = (['kind', 'name', 'address'] as const).filter((f) => col[f] === undefined);
  if (missing.length) return { read: table.rows.length, imported: 0, rejected: missingColumns(missing), refused: true };

  const valid: CreatePlace[] = [];
  const rejected: RowRejection[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const address = cellOf(cells, col.address);
    let lat = parseDecimal(cellOf(cells, col.lat));
    let lon = parseDecimal(cellOf(cells, col.lon));
    let resolvedAddress = address;
    if (lat === undefined && lon === undefined && address) {
      const home = await homeFromAddress(deps.db, ctx.organisationId, rowNumber, address);
      if ('rejected' in home) {
        rejected.push(home.rejected);
        continue;
      }
      ({ lat, lon } = home.point);
      resolvedAddress = home.point.address;
    }
    const row = validateRow(CreatePlaceSchema, rowNumber, {
      kind: kindOf(cellOf(cells, col.kind)),
      name: cellOf(cells, col.name),
      address: resolvedAddress,
      lat,
      lon,
    });
    if ('value' in row) valid.push(row.value);
    else rejected.push(...row.rejected);
  }
  if (!mayStore(rejected, acceptValid) || valid.length === 0) {
    return { read: table.rows.length, imported: 0, rejected, refused: rejected.length > 0 && !acceptValid };
  }
  const boundaries = (await findOrganisationById(deps.db, ctx.organisationId)) ?? NO_BOUNDARIES;
  await deps.db.$transaction(
    async (tx) => {
      for (const p of valid) await insertPlace(tx, ctx.organisationId, { ...p, ...locatePlace(boundaries, p.lat, p.lon) });
    },
    { timeout: 60_000 },
  );
  return { read: table.rows.length, imported: valid.length, rejected, refused: false };
}
