/**
 * CSV import of clients (issue #5), each with a home place made from their address.
 *
 * Columns (header names compared without case, Polish letters, spaces or "_"):
 * firstName (imie), lastName (nazwisko), phone (telefon), address (adres), lat (szerokosc),
 * lon (dlugosc), mobility (mobilnosc: WALKS, WALKER, WHEELCHAIR, or chodzi / balkonik / wozek),
 * needsAssistant (asystent: tak/nie, true/false, 1/0), driverNotes (uwagi), and optionally the
 * profile: eligibilityGroup (grupa), helpLevel (pomoc), assistanceDog (pies_asystujacy),
 * caseworker (pracownik_socjalny), caseworkerPhone (telefon_pracownika), externalId (id,
 * identyfikator, nr_klienta: the centre's own id) — values as in POST /clients.
 * A re-import does not duplicate: a row matching a stored client (by externalId, else by name and
 * home address; domain/import/match-clients.ts) updates it (the columns present in the file) or,
 * with existing=skip, leaves it; the report says what became of each row.
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
import { mayStore, missingColumns, rejection, type ImportReport, type RowOutcome, type RowRejection } from './import-report.js';
import { indexClients, personKey } from './match-clients.js';
import type { Tx } from '../../db/client.js';
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
  caseworkerPhone: ['caseworkerPhone', 'telefon_pracownika'],
  externalId: ['externalId', 'id', 'identyfikator', 'nr_klienta'],
} as const;

/** Columns that are client fields of the same name (the address columns make the home place). */
const CLIENT_FIELDS = ['firstName', 'lastName', 'phone', 'mobility', 'needsAssistant', 'driverNotes', 'eligibilityGroup', 'helpLevel', 'assistanceDog', 'caseworker', 'caseworkerPhone', 'externalId'] as const;

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
  readonly row: number;
  readonly client: Omit<CreateClient, 'homePlaceId'>;
  readonly home: CreatePlace;
  /** The stored client this row is, when it is one. */
  readonly existingId: string | null;
}

export async function importClients(
  deps: DomainDeps,
  ctx: OrganisationContext,
  text: string,
  acceptValid: boolean,
  existing: 'update' | 'skip' = 'update',
): Promise<ImportReport> {
  const table = parseCsv(text);
  const col = mapColumns(table.header, CLIENT_COLUMNS);
  const missing: string[] = (['firstName', 'lastName'] as const).filter((f) => col[f] === undefined);
  if (col.address === undefined && (col.lat === undefined || col.lon === undefined)) missing.push('address');
  if (missing.length) return { read: table.rows.length, imported: 0, rejected: missingColumns(missing), refused: true };

  const valid: ValidClientRow[] = [];
  const rejected: RowRejection[] = [];
  const stored = await deps.db.client.findMany({
    where: { organisationId: ctx.organisationId },
    select: { id: true, externalId: true, firstName: true, lastName: true, homePlace: { select: { address: true } } },
  });
  const index = indexClients(stored.map((c) => ({ ...c, homeAddress: c.homePlace.address })));
  // The same person twice in one file is a mistake in the file, not two clients.
  const seen = new Map<string, number>();
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
      caseworkerPhone: cellOf(cells, col.caseworkerPhone),
      externalId: cellOf(cells, col.externalId),
    });
    const home = await homeOf(deps, ctx, rowNumber, cells, col, 'value' in client ? client.value : undefined);
    const problems = [...('rejected' in client ? client.rejected : []), ...('rejected' in home ? home.rejected : [])];
    if (!problems.length && 'value' in client && 'place' in home) {
      const c = client.value;
      // With ids, the id says who is who (a father and son of one name at one address); without, name and address.
      const keys = [c.externalId ? `id:${c.externalId}` : personKey(c.firstName, c.lastName, home.place.address)];
      const earlier = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
      const match = index.match({ externalId: c.externalId, firstName: c.firstName, lastName: c.lastName, address: home.place.address });
      if (earlier !== undefined) {
        problems.push(rejection(rowNumber, 'lastName', `ten sam klient co w wierszu ${earlier}`, `the same client as row ${earlier}`));
      } else if (match.kind === 'ambiguous') {
        problems.push(rejection(rowNumber, 'externalId', `${match.count} zapisanych klientów ma to imię, nazwisko i adres: podaj identyfikator (externalId)`, `${match.count} stored clients have this name and address: give an externalId`));
      } else {
        for (const k of keys) seen.set(k, rowNumber);
        valid.push({ row: rowNumber, client: c, home: home.place, existingId: match.kind === 'existing' ? match.clientId : null });
      }
    }
    if (problems.length) rejected.push(...problems);
  }
  const rejectedRows = [...new Set(rejected.map((r) => r.row))].map((row) => ({ row, action: 'rejected' as const, clientId: null }));
  if (!mayStore(rejected, acceptValid) || valid.length === 0) {
    return { read: table.rows.length, imported: 0, rejected, refused: rejected.length > 0 && !acceptValid, rows: rejectedRows };
  }
  const present = CLIENT_FIELDS.filter((f) => col[f] !== undefined);
  const boundaries = (await findOrganisationById(deps.db, ctx.organisationId)) ?? NO_BOUNDARIES;
  const outcomes: RowOutcome[] = [...rejectedRows];
  await deps.db.$transaction(
    async (tx) => {
      for (const v of valid) {
        if (!v.existingId) {
          const place = await insertPlace(tx, ctx.organisationId, { ...v.home, ...locatePlace(boundaries, v.home.lat, v.home.lon) });
          const created = await insertClient(tx, ctx.organisationId, { ...v.client, homePlaceId: place.id });
          outcomes.push({ row: v.row, action: 'created', clientId: created.id });
        } else if (existing === 'skip') {
          outcomes.push({ row: v.row, action: 'skipped', clientId: v.existingId });
        } else {
          const changed = await updateFromRow(tx, ctx.organisationId, v.existingId, v, present, boundaries);
          outcomes.push({ row: v.row, action: changed ? 'updated' : 'unchanged', clientId: v.existingId });
        }
      }
    },
    { timeout: 60_000 },
  );
  outcomes.sort((a, b) => a.row - b.row);
  const imported = outcomes.filter((o) => o.action === 'created' || o.action === 'updated').length;
  return { read: table.rows.length, imported, rejected, refused: false, rows: outcomes };
}

/**
 * Updates a stored client from a row: the fields whose columns the file has, and the home when the
 * address or position moved. A new home is a new place, so the rides already made from the old
 * one keep their place. Answers whether anything changed.
 */
async function updateFromRow(
  tx: Tx,
  organisationId: string,
  id: string,
  v: ValidClientRow,
  present: readonly (typeof CLIENT_FIELDS)[number][],
  boundaries: Parameters<typeof locatePlace>[0],
): Promise<boolean> {
  const current = await tx.client.findFirstOrThrow({ where: { organisationId, id }, include: { homePlace: true } });
  const data: Record<string, unknown> = {};
  for (const f of present) {
    const value = v.client[f] ?? null;
    if (value !== current[f]) data[f] = value;
  }
  const h = current.homePlace;
  const moved = normaliseText(h.address) !== normaliseText(v.home.address) || Math.abs(h.lat - v.home.lat) > 1e-6 || Math.abs(h.lon - v.home.lon) > 1e-6;
  if (moved) {
    const place = await insertPlace(tx, organisationId, { ...v.home, ...locatePlace(boundaries, v.home.lat, v.home.lon) });
    data.homePlaceId = place.id;
  }
  if (Object.keys(data).length === 0) return false;
  await tx.client.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  return true;
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
