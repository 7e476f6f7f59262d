/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas that validate the
 * requests. test/integration/openapi.test.ts fails when a mounted route is missing here.
 */
import { z } from 'zod';
import { CreatePlaceSchema, PlaceListQuerySchema, UpdatePlaceSchema } from '../domain/booking/place.schema.js';
import { ClientListQuerySchema, CreateClientSchema, UpdateClientSchema } from '../domain/booking/client.schema.js';
import { CreateVehicleSchema, UpdateVehicleSchema } from '../domain/fleet/vehicle.schema.js';
import { BookRideSchema, CancelRideSchema, RideListQuerySchema } from '../domain/booking/ride.schema.js';
import { PlanListQuerySchema, PlanQuerySchema, RequestPlanSchema } from '../domain/plan/plan.schema.js';
import { DateSchema, IdSchema } from '../domain/common/schemas.js';
import { UpdateOrganisationRulesSchema } from '../domain/organisation/organisation-rules.js';
import { BoundaryInputSchema } from '../domain/organisation/manage-organisation.js';
import { CreateRecurringRideSchema, UpdateRecurringRideSchema } from '../domain/booking/recurring-ride.schema.js';
import { RecurringListQuerySchema } from './routes/recurring-rides.routes.js';
import { AddressSearchQuerySchema } from '../domain/address/search-address-points.js';
import { AddressImportQuerySchema } from '../domain/address/import-address-points.js';
import { ImportQuerySchema } from '../domain/import/import-report.js';
import { ReportStopEventSchema, StopEventParamsSchema } from '../domain/execution/stop-event.schema.js';
import { ReportQuerySchema } from '../domain/report/report.js';

interface Operation {
  readonly method: 'get' | 'post' | 'patch' | 'put';
  /** Path under /api/v1 in OpenAPI form: /places/{id}. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** A file sent as the raw body (CSV, GML) instead of JSON: its media types and columns. */
  readonly fileBody?: { readonly mediaTypes: readonly string[]; readonly description: string };
  readonly success: { readonly status: number; readonly description: string; readonly html?: boolean };
  readonly headers?: readonly { name: string; description: string }[];
  /** When the operation can answer 409 for a reason other than a stale version: what it means. */
  readonly conflict?: string;
}

const Id = z.object({ id: IdSchema });
const ManifestParams = z.object({ date: DateSchema, vehicleId: IdSchema });
const ManifestQuery = z.object({ format: z.enum(['json', 'html']).optional() });

export const operations: readonly Operation[] = [
  { method: 'get', path: '/places', tag: 'places', summary: 'Miejsca organizacji / list places', query: PlaceListQuerySchema, success: { status: 200, description: '{ items: Place[] }' } },
  { method: 'post', path: '/places', tag: 'places', summary: 'Dodaj miejsce / create a place', body: CreatePlaceSchema, success: { status: 201, description: 'The place, with insideGmina computed from the boundary' } },
  { method: 'get', path: '/places/{id}', tag: 'places', summary: 'Miejsce / read a place', params: Id, success: { status: 200, description: 'The place' } },
  { method: 'patch', path: '/places/{id}', tag: 'places', summary: 'Zmień miejsce / update a place (with its version)', params: Id, body: UpdatePlaceSchema, success: { status: 200, description: 'The updated place' } },
  { method: 'get', path: '/clients', tag: 'clients', summary: 'Klienci / list clients (q: name)', query: ClientListQuerySchema, success: { status: 200, description: '{ items: Client[] }' } },
  { method: 'post', path: '/clients', tag: 'clients', summary: 'Dodaj klienta / create a client', body: CreateClientSchema, success: { status: 201, description: 'The client' } },
  { method: 'get', path: '/clients/{id}', tag: 'clients', summary: 'Klient / read a client', params: Id, success: { status: 200, description: 'The client' } },
  { method: 'patch', path: '/clients/{id}', tag: 'clients', summary: 'Zmień klienta / update a client (with its version)', params: Id, body: UpdateClientSchema, success: { status: 200, description: 'The updated client' } },
  { method: 'get', path: '/vehicles', tag: 'vehicles', summary: 'Pojazdy / list vehicles', success: { status: 200, description: '{ items: Vehicle[] }' } },
  { method: 'post', path: '/vehicles', tag: 'vehicles', summary: 'Dodaj pojazd / create a vehicle', body: CreateVehicleSchema, success: { status: 201, description: 'The vehicle' } },
  { method: 'get', path: '/vehicles/{id}', tag: 'vehicles', summary: 'Pojazd / read a vehicle', params: Id, success: { status: 200, description: 'The vehicle' } },
  { method: 'patch', path: '/vehicles/{id}', tag: 'vehicles', summary: 'Zmień pojazd / update a vehicle (with its version)', params: Id, body: UpdateVehicleSchema, success: { status: 200, description: 'The updated vehicle' } },
  { method: 'get', path: '/rides', tag: 'rides', summary: 'Przejazdy dnia / a day’s rides with status', query: RideListQuerySchema, success: { status: 200, description: '{ date, items: Ride[] }' } },
  {
    method: 'post', path: '/rides', tag: 'rides', summary: 'Zarezerwuj przejazd (i powrót) / book a ride (and its return)', body: BookRideSchema,
    success: { status: 201, description: '{ outbound: Ride, return: Ride | null }' },
    headers: [{ name: 'Idempotency-Key', description: 'Optional, 8–100 characters: the same booking sent twice is made once' }],
  },
  { method: 'get', path: '/rides/{id}', tag: 'rides', summary: 'Przejazd / read a ride', params: Id, success: { status: 200, description: 'The ride' } },
  { method: 'post', path: '/rides/{id}/approve', tag: 'rides', summary: 'Zatwierdź przejazd poza gminę / approve a ride leaving the gmina', params: Id, success: { status: 200, description: 'The approved ride' } },
  { method: 'post', path: '/rides/{id}/turn-down', tag: 'rides', summary: 'Odmów z powodem (zostaje jako niezaspokojona potrzeba) / turn down with a reason (kept as unmet need)', params: Id, body: CancelRideSchema, success: { status: 200, description: 'The ride, turned down' } },
  { method: 'post', path: '/rides/{id}/cancel', tag: 'rides', summary: 'Odwołaj przejazd / cancel a ride with a reason', params: Id, body: CancelRideSchema, success: { status: 200, description: 'The cancelled ride' } },
  { method: 'get', path: '/recurring-rides', tag: 'recurring rides', summary: 'Przejazdy cykliczne / weekly patterns', query: RecurringListQuerySchema, success: { status: 200, description: '{ items: RecurringRide[] }' } },
  { method: 'post', path: '/recurring-rides', tag: 'recurring rides', summary: 'Dodaj przejazd cykliczny (rezerwuje dni na 30 dni naprzód, bez świąt) / create a weekly pattern (books the next 30 days, skipping holidays)', body: CreateRecurringRideSchema, success: { status: 201, description: 'The pattern' } },
  { method: 'get', path: '/recurring-rides/{id}', tag: 'recurring rides', summary: 'Przejazd cykliczny / read a pattern', params: Id, success: { status: 200, description: 'The pattern' } },
  { method: 'patch', path: '/recurring-rides/{id}', tag: 'recurring rides', summary: 'Zmień wzorzec (niezaplanowane przyszłe przejazdy idą za nim) / change a pattern (future unplanned rides follow)', params: Id, body: UpdateRecurringRideSchema, success: { status: 200, description: 'The updated pattern' } },
  { method: 'get', path: '/plans', tag: 'plans', summary: 'Plany dnia / a day’s plan revisions', query: PlanListQuerySchema, success: { status: 200, description: '{ date, items: PlanSummary[] }' } },
  { method: 'post', path: '/plans', tag: 'plans', summary: 'Zaplanuj dzień / plan a day in the background', body: RequestPlanSchema, success: { status: 202, description: '{ id, date, revision, status: QUEUED }' } },
  { method: 'get', path: '/plans/{id}', tag: 'plans', summary: 'Plan: stan, trasy, nieprzydzielone / status, routes, unassigned rides with reasons', params: Id, query: PlanQuerySchema, success: { status: 200, description: 'The plan' } },
  { method: 'get', path: '/plans/{id}/events', tag: 'plans', summary: 'Postęp planu na żywo / the plan’s progress as server-sent events', params: Id, success: { status: 200, description: 'text/event-stream: status {id,status,progress,error} first, progress {id,progress} as the worker reports, then done or failed {…, summary} and the stream ends; a comment every 15 s' } },
  { method: 'get', path: '/manifests/{date}/{vehicleId}', tag: 'manifests', summary: 'Karta drogowa / driver’s manifest (JSON or printable HTML)', params: ManifestParams, query: ManifestQuery, success: { status: 200, description: 'The manifest', html: true } },
  {
    method: 'post', path: '/manifests/{date}/{vehicleId}/stops/{sequence}/events', tag: 'manifests',
    summary: 'Zgłoszenie kierowcy na przystanku (przyjazd, odebrany, wysadzony, nieobecny, opóźnienie) / a driver’s report at a stop of the newest finished plan',
    params: StopEventParamsSchema, body: ReportStopEventSchema,
    success: { status: 201, description: '{ id, clientEventId, kind, at, receivedAt, rideId, sequence, rideStatus, replayed }; 200 with replayed: true when the same clientEventId was already stored' },
    conflict: 'Wrong order (drop-off before pickup), a cancelled ride, a second final state, or a clientEventId reused for another report',
  },
  { method: 'get', path: '/reports', tag: 'reports', summary: 'Raport okresu (JSON lub CSV dla Excela) / the period’s figures (JSON, or CSV for Excel: UTF-8 with BOM, “;”, decimal comma)', query: ReportQuerySchema, success: { status: 200, description: 'The report; text/csv with format=csv' } },
  { method: 'get', path: '/organisation', tag: 'organisation', summary: 'Organizacja i jej zasady / the organisation and its rules', success: { status: 200, description: 'The organisation with complete rules' } },
  { method: 'patch', path: '/organisation/rules', tag: 'organisation', summary: 'Zmień zasady (z wersją) / change rules (with the version)', body: UpdateOrganisationRulesSchema, success: { status: 200, description: 'The organisation with its new rules' } },
  { method: 'put', path: '/organisation/boundary', tag: 'organisation', summary: 'Granica gminy (GeoJSON); miejsca przeliczane od razu / the gmina boundary (GeoJSON); places re-classified at once', body: BoundaryInputSchema, success: { status: 200, description: '{ places, inside }' } },
  { method: 'get', path: '/address-points', tag: 'address points', summary: 'Szukaj adresu w rejestrze PRG gminy (bez internetu) / search the gmina’s PRG addresses offline', query: AddressSearchQuerySchema, success: { status: 200, description: '{ items: [{ id, locality, street, houseNumber, postcode, lat, lon, address, score }] }, best first' } },
  {
    method: 'post', path: '/address-points/import', tag: 'address points', summary: 'Importuj punkty adresowe PRG (CSV lub GML, EPSG:2180) / import PRG address points (CSV or GML, EPSG:2180)', query: AddressImportQuerySchema,
    fileBody: { mediaTypes: ['text/csv', 'application/gml+xml'], description: 'PRG CSV (miejscowosc; ulica; numer_porzadkowy; kod_pocztowy; simc; x; y — x = northing unless axisOrder=eastingNorthing) or PRG GML (2012 prg-ad or 2021 prgad model), up to 100 MB' },
    success: { status: 200, description: '{ read, imported, rejected: [{ row, field, message, messageEn }], refused }; 400 with the same report when a bad row kept the file out' },
  },
  {
    method: 'post', path: '/imports/places', tag: 'imports', summary: 'Importuj miejsca z CSV / import places from CSV', query: ImportQuerySchema,
    fileBody: { mediaTypes: ['text/csv'], description: 'Columns kind, name, address, lat, lon (without lat/lon the address is resolved against PRG points); ; or , separated, UTF-8' },
    success: { status: 200, description: '{ read, imported, rejected: [{ row, field, message, messageEn }], refused }; 400 with the same report when a bad row kept the file out' },
  },
  {
    method: 'post', path: '/imports/clients', tag: 'imports', summary: 'Importuj klientów z CSV (z adresem domu) / import clients from CSV (with their home address)', query: ImportQuerySchema,
    fileBody: { mediaTypes: ['text/csv'], description: 'Columns firstName, lastName, phone, address (resolved against PRG points) or lat + lon, mobility, needsAssistant, driverNotes' },
    success: { status: 200, description: '{ read, imported, rejected: [{ row, field, message, messageEn }], refused }; 400 with the same report when a bad row kept the file out' },
  },
  { method: 'put', path: '/organisation/county-boundary', tag: 'organisation', summary: 'Granica powiatu (GeoJSON): pasmo „powiat” dla opłat i raportów / the county boundary (GeoJSON): the "county" band for fees and reports', body: BoundaryInputSchema, success: { status: 200, description: '{ places, inside }' } },
  { method: 'get', path: '/openapi.json', tag: 'meta', summary: 'Ten opis / this description', success: { status: 200, description: 'OpenAPI 3.1 document' } },
  { method: 'get', path: '/docs', tag: 'meta', summary: 'Opis do czytania / readable reference', success: { status: 200, description: 'HTML page', html: true } },
];

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function parametersOf(op: Operation) {
  const params: object[] = [{ name: 'X-Organisation', in: 'header', required: false, description: "The organisation's slug (default: the installation's)", schema: { type: 'string' } }];
  for (const h of op.headers ?? []) params.push({ name: h.name, in: 'header', required: false, description: h.description, schema: { type: 'string' } });
  for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
    if (!schema) continue;
    const s = jsonSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      params.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: prop });
    }
  }
  return params;
}

const ErrorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'ROUTING_UNAVAILABLE', 'INTERNAL'] },
        message: { type: 'string', description: 'Polish' },
        messageEn: { type: 'string' },
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' } } } },
      },
    },
  },
};

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      tags: [op.tag],
      summary: op.summary,
      parameters: parametersOf(op),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
      ...(op.fileBody
        ? { requestBody: { required: true, description: op.fileBody.description, content: Object.fromEntries(op.fileBody.mediaTypes.map((t) => [t, { schema: { type: 'string' } }])) } }
        : {}),
      responses: {
        [op.success.status]: {
          description: op.success.description,
          content: { 'application/json': { schema: { type: 'object' } }, ...(op.success.html ? { 'text/html': { schema: { type: 'string' } } } : {}) },
        },
        400: { description: 'Invalid input: every failing field, in Polish and English', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        404: { description: 'Unknown (or another organisation’s) record', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ...(op.method === 'patch' || op.path === '/rides' ? { 409: { description: 'Stale version or reused Idempotency-Key', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
        ...(op.conflict ? { 409: { description: op.conflict, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Dowóz API', version: '1', description: 'Przewozy door-to-door dla centrów usług społecznych / door-to-door transport for social services centres' },
    servers: [{ url: '/api/v1' }],
    paths,
    components: { schemas: { Error: ErrorSchema } },
  };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A readable reference page, with no script or outside resource (works offline). */
export function renderApiReference(doc: ReturnType<typeof buildOpenApiDocument>): string {
  const sections = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const o = op as { summary: string; parameters: { name: string; in: string; required: boolean }[]; requestBody?: { description?: string; content: Record<string, { schema: object }> } };
        const params = o.parameters.filter((p) => p.name !== 'X-Organisation').map((p) => `<code>${esc(p.name)}</code> (${p.in}${p.required ? ', wymagany / required' : ''})`).join(', ');
        // A JSON body shows its schema; a file body (CSV, GML) its media types and columns.
        const json = o.requestBody?.content['application/json'];
        const bodyText = json ? JSON.stringify(json.schema, null, 2) : `${Object.keys(o.requestBody?.content ?? {}).join(', ')}: ${o.requestBody?.description ?? ''}`;
        const body = o.requestBody ? `<details><summary>Treść / body</summary><pre>${esc(bodyText)}</pre></details>` : '';
        return `<section><h3><code>${method.toUpperCase()} /api/v1${esc(path)}</code></h3><p>${esc(o.summary)}</p>${params ? `<p>${params}</p>` : ''}${body}</section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dowóz API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}section{border-top:1px solid #ccc;padding:.5rem 0}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style></head>
<body><h1>Dowóz API</h1><p>${esc(doc.info.description)}. <a href="/api/v1/openapi.json">openapi.json</a></p>${sections}</body></html>`;
}
