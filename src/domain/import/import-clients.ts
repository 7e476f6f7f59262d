/**
 * CSV import of clients (issue #5), each with a home place made from their address.
 *
 * Columns (header names compared without case, Polish letters, spaces or "_"):
 * firstName (imie), lastName (nazwisko), phone (telefon), address (adres), lat (szerokosc),
 * lon (dlugosc), mobility (mobilnosc: WALKS, WALKER, WHEELCHAIR, or chodzi / balkonik / wozek),
 * needsAssistant (asystent: tak/nie, true/false, 1/0), driverNotes (uwagi), and optionally the
 * profile: eligibilityGroup (grupa), helpLevel (pomoc), assistanceDog (pies_asystujacy),
 * caseworker (pracownik_socjalny) — values as in POST /clients.
 * The home is at lat/lon when both are given (address then only names it); otherwise the address
 * must resolve to exactly one of the organisation's PRG address points. Every row passes the
 * same schemas as POST /places and POST /clients; valid rows are stored in one transaction.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { CreateClientSchema, type CreateClient } from '../booking/client.schema.js';
import { CreatePlaceSchema, type CreatePlace } from '../booking/place.schema.js';
import { locatePlace, NO_BOUNDARIES } from '../organisation/inside-gmina.js';
import { normaliseText } from '../address/normalise.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { insertPlace } from '../../db/repositories/place.repo.js';
import { insertClient } from '../../db/repositories/client.repo.js';
import { cellOf, mapColumns, parseCsv, parseDecimal } from './csv.js';
import { mayStore, missingColumns, rejection, type ImportReport, type RowRejection } from './import-report.js';
import { parseYesNo, validateRow } from './row-values.js';
import { homeFromAddress } from './resolve-row-address.js';

export const CLIENT_COLUMNS = {
  firstName: ['firstName', 'imie'],
  lastName: ['lastName', 'nazwisko'],
  phone: ['phone', 'telefon'],
  address: ['address', 'adres'],
  lat: ['lat', 'szerokosc', 'latitude'],
  lon: ['lon', 'dlugosc', 'lng', 'longitude'],
  mobility: ['mobility', 'mobilnosc'],
  needsAssistant: ['needsAssistant', 'asystent', 'potrzebuje_asystenta'],
  driverNotes: ['driverNotes', 'uwagi', 'uwagi_dla_kierowcy'],
  eligibilityGroup: ['eligibilityGroup', 'grupa'],
  helpLevel: ['helpLevel', 'pomoc', 'poziom_pomocy'],
  assistanceDog: ['assistanceDog', 'pies_asystujacy', 'pies'],
  caseworker: ['caseworker', 'pracownik_socjalny'],
} as const;

/** Polish words a spreadsheet may use for mobility; the enum names pass as they are. */
const MOBILITY_WORDS: Record<string, string> = {
  chodzi: 'WALKS',
  samodzielnie: 'WALKS',
  balkonik: 'WALKER',
  chodzik: 'WALKER',
  kule: 'WALKER',
  wozek: 'WHEELCHAIR',
  'wozek inwalidzki': 'WHEELCHAIR',
  'wozek z przesiadka': 'WHEELCHAIR_TRANSFER',
  przesiada: 'WHEELCHAIR_TRANSFER',
  // Accepted only so that the row is refused with the schema's reason (not medical transport).
  lezacy: 'BEDRIDDEN',
};

function mobilityOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return MOBILITY_WORDS[normaliseText(text)] ?? text.toUpperCase();
}

const ClientRowSchema = CreateClientSchema.omit({ homePlaceId: true });

interface ValidClientRow {
  readonly client: Omit<CreateClient, 'homePlaceId'>;
  readonly home: CreatePlace;
}

export async function importClients(deps: DomainDeps, ctx: OrganisationContext, text: string, acceptValid: boolean): Promise<ImportReport> {
  const table = parseCsv(text);
  const col = mapColumns(table.header, CLIENT_COLUMNS);
  const missing: string[] = (['firstName', 'lastName'] as const).filter((f) => col[f] === undefined);
  if (col.address === undefined && (col.lat === undefined || col.lon === undefined)) missing.push('address');
  if (missing.length) return { read: table.rows.length, imported: 0, rejected: missingColumns(missing), refused: true };

  const valid: ValidClientRow[] = [];
  const rejected: RowRejection[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const client = validateRow(ClientRowSchema, rowNumber, {
      firstName: cellOf(cells, col.firstName),
      lastName: cellOf(cells, col.lastName),
      phone: cellOf(cells, col.phone),
      mobility: mobilityOf(cellOf(cells, col.mobility)),
      needsAssistant: parseYesNo(cellOf(cells, col.needsAssistant)),
      driverNotes: cellOf(cells, col.driverNotes),
      eligibilityGroup: cellOf(cells, col.eligibilityGroup)?.toUpperCase(),
      helpLevel: cellOf(cells, col.helpLevel)?.toUpperCase(),
      assistanceDog: parseYesNo(cellOf(cells, col.assistanceDog)),
      caseworker: cellOf(cells, col.caseworker),
    });
    const home = await homeOf(deps, ctx, rowNumber, cells, col, 'value' in client ? client.value : undefined);
    const problems = [...('rejected' in client ? client.rejected : []), ...('rejected' in home ? home.rejected : [])];
    if (problems.length) rejected.push(...problems);
    else if ('value' in client && 'place' in home) valid.push({ client: client.value, home: home.place });
  }
  if (!mayStore(rejected, acceptValid) || valid.length === 0) {
    return { read: table.rows.length, imported: 0, rejected, refused: rejected.length > 0 && !acceptValid };
  }
  const boundaries = (await findOrganisationById(deps.db, ctx.organisationId)) ?? NO_BOUNDARIES;
  await deps.db.$transaction(
    async (tx) => {
      for (const { client, home } of valid) {
        const place = await insertPlace(tx, ctx.organisationId, { ...home, ...locatePlace(boundaries, home.lat, home.lon) });
        await insertClient(tx, ctx.organisationId, { ...client, homePlaceId: place.id });
      }
    },
    { timeout: 60_000 },
  );
  return { read: table.rows.length, imported: valid.length, rejected, refused: false };
}

/** The client's home place: from lat/lon when given, else from the resolved address. */
async function homeOf(
  deps: DomainDeps,
  ctx: OrganisationContext,
  row: number,
  cells: readonly string[],
  col: Record<keyof typeof CLIENT_COLUMNS, number | undefined>,
  client: { firstName: string; lastName: string } | undefined,
): Promise<{ place: CreatePlace } | { rejected: RowRejection[] }> {
  const address = cellOf(cells, col.address);
  const lat = parseDecimal(cellOf(cells, col.lat));
  const lon = parseDecimal(cellOf(cells, col.lon));
  const name = client ? `Dom: ${client.firstName} ${client.lastName}` : 'Dom';
  if (lat !== undefined || lon !== undefined) {
    const place = validateRow(CreatePlaceSchema, row, { kind: 'ADDRESS', name, address, lat, lon });
    return 'value' in place ? { place: place.value } : place;
  }
  if (!address) return { rejected: [rejection(row, 'address', 'podaj adres albo lat i lon', 'give an address or lat and lon')] };
  const found = await homeFromAddress(deps.db, ctx.organisationId, row, address);
  if ('rejected' in found) return { rejected: [found.rejected] };
  const p = found.point;
  return { place: { kind: 'ADDRESS', name, address: p.address, lat: p.lat, lon: p.lon } };
}
