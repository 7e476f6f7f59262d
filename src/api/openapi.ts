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
import { InsertRideSchema, LockRouteSchema, MoveRideSchema, OutOfServiceSchema, PlanVehicleParamsSchema, PublishPlanSchema } from '../domain/plan/live/live-plan.schema.js';
import { DateSchema, IdSchema } from '../domain/common/schemas.js';
import { UpdateOrganisationRulesSchema } from '../domain/organisation/organisation-rules.js';
import { BoundaryInputSchema } from '../domain/organisation/manage-organisation.js';
import { CreateRecurringRideSchema, UpdateRecurringRideSchema } from '../domain/booking/recurring-ride.schema.js';
import { ApprovalDaysQuerySchema, ApprovalDecisionsQuerySchema } from '../domain/booking/approval.schema.js';
import { RecurringListQuerySchema } from './routes/recurring-rides.routes.js';
import { AddressSearchQuerySchema } from '../domain/address/search-address-points.js';
import { AddressImportQuerySchema } from '../domain/address/import-address-points.js';
import { ClientImportQuerySchema, ImportQuerySchema } from '../domain/import/import-report.js';
import { ReportStopEventSchema, StopEventParamsSchema } from '../domain/execution/stop-event.schema.js';
import { ReportQuerySchema } from '../domain/report/report.js';
import { LoginSchema } from '../auth/login.js';
import { CreateTokenSchema, CreateUserSchema, UpdateUserSchema } from '../auth/account.schema.js';
import { AuditQuerySchema } from '../domain/audit/export-audit.js';
import { ClientRetentionSchema } from './routes/data-protection.routes.js';
import { NotificationListQuerySchema } from '../domain/notification/list-notifications.js';
import { ChangeRideSchema } from '../domain/booking/change-ride.schema.js';
import { PolicyOverrideSchema } from '../domain/booking/no-show-policy.js';
import { AssignVehiclesSchema, CreateProviderSchema, ProviderConfirmationSchema, ProviderRidesQuerySchema, UpdateProviderSchema } from '../domain/provider/provider.schema.js';
import { ManifestPdfParams, ManifestPdfQuery } from './routes/manifest-pdf.routes.js';

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
const LivePlanVehicle = PlanVehicleParamsSchema;
const ManifestParams = z.object({ date: DateSchema, vehicleId: IdSchema });
const ManifestQuery = z.object({ format: z.enum(['json', 'html']).optional() });

export const operations: readonly Operation[] = [
  { method: 'post', path: '/auth/login', tag: 'accounts', summary: 'Zaloguj / sign in: sets the HTTP-only session cookie; send csrfToken as X-CSRF-Token with every change', body: LoginSchema, success: { status: 200, description: '{ user, csrfToken }; 401 wrong login or password; 429 after repeated failures' } },
  { method: 'post', path: '/auth/logout', tag: 'accounts', summary: 'Wyloguj / sign out (ends the session)', success: { status: 204, description: 'Signed out' } },
  { method: 'get', path: '/auth/me', tag: 'accounts', summary: 'Kim jestem / the signed-in account or token, its roles and organisation (and the session’s CSRF token)', success: { status: 200, description: '{ actor, roles, user, organisation, csrfToken }' } },
  { method: 'get', path: '/users', tag: 'accounts', summary: 'Konta organizacji / the organisation’s accounts (administrator)', success: { status: 200, description: '{ items: User[] }' } },
  { method: 'post', path: '/users', tag: 'accounts', summary: 'Załóż konto z rolami / create an account with roles (administrator)', body: CreateUserSchema, success: { status: 201, description: 'The account (no password hash)' } },
  { method: 'get', path: '/users/{id}', tag: 'accounts', summary: 'Konto / read an account (administrator)', params: Id, success: { status: 200, description: 'The account' } },
  { method: 'patch', path: '/users/{id}', tag: 'accounts', summary: 'Zmień konto: role, hasło, pojazdy, wyłączenie (kończy sesje), tylko własni podopieczni (ownCaseloadOnly) / change roles, password, vehicles, deactivate (ends its sessions), own caseload only (ownCaseloadOnly)', params: Id, body: UpdateUserSchema, success: { status: 200, description: 'The account' } },
  { method: 'get', path: '/tokens', tag: 'accounts', summary: 'Tokeny API / API tokens (without their values)', success: { status: 200, description: '{ items: Token[] }' } },
  { method: 'post', path: '/tokens', tag: 'accounts', summary: 'Utwórz token API (wartość pokazana tylko raz) / create an API token (its value is shown once)', body: CreateTokenSchema, success: { status: 201, description: 'The token with its value in `token`' } },
  { method: 'post', path: '/tokens/{id}/revoke', tag: 'accounts', summary: 'Unieważnij token / revoke a token', params: Id, success: { status: 200, description: 'The token, revoked' } },
  { method: 'get', path: '/audit', tag: 'data protection', summary: 'Rejestr dostępu do danych klientów dla IOD (CSV lub JSON) / the client-data access log for the DPO (CSV or JSON)', query: AuditQuerySchema, success: { status: 200, description: 'text/csv (UTF-8 BOM, “;”), or { items } with format=json' } },
  { method: 'put', path: '/organisation/client-retention', tag: 'data protection', summary: 'Okres przechowywania danych klienta po ostatniej aktywności (miesiące) / months a client’s data is kept after their last activity', body: ClientRetentionSchema, success: { status: 200, description: '{ months }' } },
  { method: 'get', path: '/clients/{id}/export', tag: 'data protection', summary: 'Wszystkie dane klienta (prawo dostępu) / everything held about a client (right of access), JSON', params: Id, success: { status: 200, description: '{ exportedAt, client, rides, recurringRides, accessLog }' } },
  { method: 'post', path: '/clients/{id}/erase', tag: 'data protection', summary: 'Usuń dane klienta, jeśli prawo pozwala / erase a client’s data where the law allows', params: Id, success: { status: 200, description: '{ clientId, erased: DELETED | ANONYMISED }' }, conflict: 'Rides inside the retention period exist (settlement records): the answer says until when' },
  { method: 'get', path: '/places', tag: 'places', summary: 'Miejsca organizacji / list places', query: PlaceListQuerySchema, success: { status: 200, description: '{ items: Place[] }' } },
  { method: 'post', path: '/places', tag: 'places', summary: 'Dodaj miejsce / create a place', body: CreatePlaceSchema, success: { status: 201, description: 'The place, with insideGmina computed from the boundary' } },
  { method: 'get', path: '/places/{id}', tag: 'places', summary: 'Miejsce / read a place', params: Id, success: { status: 200, description: 'The place' } },
  { method: 'patch', path: '/places/{id}', tag: 'places', summary: 'Zmień miejsce / update a place (with its version)', params: Id, body: UpdatePlaceSchema, success: { status: 200, description: 'The updated place' } },
  { method: 'get', path: '/clients', tag: 'clients', summary: 'Klienci (opiekun ograniczony do swoich podopiecznych widzi tylko ich) / list clients (q: name; a caseworker limited to their own caseload sees only theirs)', query: ClientListQuerySchema, success: { status: 200, description: '{ items: Client[] }' } },
  { method: 'post', path: '/clients', tag: 'clients', summary: 'Dodaj klienta (opiekun, który go dodaje, zostaje jego opiekunem) / create a client (a caseworker who adds one becomes its caseworker)', body: CreateClientSchema, success: { status: 201, description: 'The client' } },
  { method: 'get', path: '/clients/{id}', tag: 'clients', summary: 'Klient / read a client', params: Id, success: { status: 200, description: 'The client' } },
  { method: 'patch', path: '/clients/{id}', tag: 'clients', summary: 'Zmień klienta; caseworkerUserId zmienia administrator lub dyspozytor / update a client (with its version); caseworkerUserId is changed by an administrator or dispatcher', params: Id, body: UpdateClientSchema, success: { status: 200, description: 'The updated client' } },
  { method: 'get', path: '/clients/{id}/policy-events', tag: 'clients', summary: 'Ostrzeżenia i zawieszenia za nieobecności, z decyzjami dyspozytora / the no-show policy’s warnings and suspensions, and overrides', params: Id, success: { status: 200, description: '{ items: PolicyEvent[] }' } },
  { method: 'post', path: '/clients/{id}/no-show-policy', tag: 'clients', summary: 'Dyspozytor zdejmuje zawieszenie lub ostrzeżenie (z powodem) / a dispatcher lifts a suspension or clears a warning (with the reason)', params: Id, body: PolicyOverrideSchema, success: { status: 200, description: 'The client' }, conflict: 'The client is not suspended / has no warning' },
  { method: 'get', path: '/clients/{id}/suspension/rides', tag: 'clients', summary: 'Przejazdy wciąż zarezerwowane w okresie zawieszenia klienta (od dziś) / rides still booked in the client’s suspension (from today on)', params: Id, success: { status: 200, description: '{ period: {from, until} | null, reason, items: Ride[] }' } },
  { method: 'post', path: '/clients/{id}/suspension/cancel-rides', tag: 'clients', summary: 'Odwołuje wszystkie przejazdy w okresie zawieszenia / cancels every ride booked in the suspension', params: Id, success: { status: 200, description: '{ cancelled: Ride[], notCancelled: {rideId, message, messageEn}[] }' }, conflict: 'The client is not suspended on any day ahead' },
  { method: 'get', path: '/vehicles', tag: 'vehicles', summary: 'Pojazdy / list vehicles', success: { status: 200, description: '{ items: Vehicle[] }' } },
  { method: 'post', path: '/vehicles', tag: 'vehicles', summary: 'Dodaj pojazd / create a vehicle', body: CreateVehicleSchema, success: { status: 201, description: 'The vehicle' } },
  { method: 'get', path: '/vehicles/{id}', tag: 'vehicles', summary: 'Pojazd / read a vehicle', params: Id, success: { status: 200, description: 'The vehicle' } },
  { method: 'patch', path: '/vehicles/{id}', tag: 'vehicles', summary: 'Zmień pojazd / update a vehicle (with its version)', params: Id, body: UpdateVehicleSchema, success: { status: 200, description: 'The updated vehicle, with planWarnings: the plans from today on it can no longer drive as planned (shift, seats, switched off)' } },
  { method: 'get', path: '/rides', tag: 'rides', summary: 'Przejazdy dnia (date) albo klienta w okresie do 366 dni (clientId, from, to) / a day’s rides, or one client’s over a period of up to 366 days, with status', query: RideListQuerySchema, success: { status: 200, description: '{ date, items: Ride[] } or { clientId, from, to, items: Ride[] }; each ride with status, times, places, feeGrosze, returnRideId/outboundRideId, cancelReason (a cancellation’s or a turn-down’s) and lateCancelled (status LATE_CANCELLED: cancelled after the booking cut-off as it stood then; null when not cancelled); status one of REQUESTED, APPROVED, SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED, LATE_CANCELLED, TURNED_DOWN, NO_SHOW, MISSED (its day ended unserved); 404 for a client unknown or outside the caller’s caseload' } },
  {
    method: 'post', path: '/rides', tag: 'rides', summary: 'Zarezerwuj przejazd (i powrót) / book a ride (and its return)', body: BookRideSchema,
    success: { status: 201, description: '{ outbound: Ride, return: Ride | null, warnings: [{path, message, messageEn}] }: warnings name a leg no active vehicle could carry even alone (no shift at that time, no wheelchair place); the booking is kept' },
    headers: [{ name: 'Idempotency-Key', description: 'Optional, 8–100 characters: the same booking sent twice is made once' }],
  },
  { method: 'get', path: '/rides/approval-decisions', tag: 'rides', summary: 'Moje przejazdy poza gminę: czekające na decyzję i zdecydowane ostatnio (kto, kiedy, powód) / the caller’s rides leaving the gmina: awaiting a decision, and decided lately (who, when, why)', query: ApprovalDecisionsQuerySchema, success: { status: 200, description: '{ from, decidedSince, awaiting: ApprovalItem[], decided: ApprovalItem[] } — rides from `from` (default today) on that waited for approval, booked by the caller or (a person) of clients whose caseworker they are, within the caller’s caseload; each a Ride with bookedAt, bookedBy { actor, name } and decision { status: APPROVED | TURNED_DOWN, at, by { actor, name }, reason (turn-downs only) } or null; awaiting by day and time, decided (since now − decidedWithinDays, default 14, at most 90) newest first' } },
  { method: 'get', path: '/rides/approval-days', tag: 'rides', summary: 'Dni z przejazdami czekającymi na zatwierdzenie / the days with rides awaiting approval', query: ApprovalDaysQuerySchema, success: { status: 200, description: '{ from, items: [{ date, count }] } — days from `from` (default today) on with rides in status REQUESTED, in order' } },
  { method: 'get', path: '/rides/{id}', tag: 'rides', summary: 'Przejazd / read a ride', params: Id, success: { status: 200, description: 'The ride' } },
  { method: 'post', path: '/rides/{id}/approve', tag: 'rides', summary: 'Zatwierdź przejazd poza gminę / approve a ride leaving the gmina', params: Id, success: { status: 200, description: 'The approved ride' } },
  { method: 'post', path: '/rides/{id}/turn-down', tag: 'rides', summary: 'Odmów z powodem (zostaje jako niezaspokojona potrzeba) / turn down with a reason (kept as unmet need)', params: Id, body: CancelRideSchema, success: { status: 200, description: 'The ride, turned down' } },
  { method: 'patch', path: '/rides/{id}', tag: 'rides', summary: 'Zmień godzinę, potrzeby lub uwagi przejazdu / change a ride’s time, needs or note', params: Id, body: ChangeRideSchema, success: { status: 200, description: '{ ride, changed: {pl, en}, takenOutOfPlan, warnings }: a change of time or needs takes a planned ride out of its day’s plan (back to APPROVED)' }, conflict: 'The ride has an outcome already, or changed meanwhile (stale version)' },
  { method: 'post', path: '/rides/{id}/cancel', tag: 'rides', summary: 'Odwołaj przejazd / cancel a ride with a reason', params: Id, body: CancelRideSchema, success: { status: 200, description: 'The cancelled ride: status LATE_CANCELLED (lateCancelled true) when cancelled after the day’s booking cut-off, else CANCELLED; decided now and kept; 409 for a ride that already has an outcome (completed, no-show, turned down, missed)' } },
  { method: 'get', path: '/recurring-rides', tag: 'recurring rides', summary: 'Przejazdy cykliczne / weekly patterns', query: RecurringListQuerySchema, success: { status: 200, description: '{ items: RecurringRide[] }' } },
  { method: 'post', path: '/recurring-rides', tag: 'recurring rides', summary: 'Dodaj przejazd cykliczny (rezerwuje dni na 30 dni naprzód, bez świąt) / create a weekly pattern (books the next 30 days, skipping holidays and days past the booking deadline; refused when the client already rides at its times on one of them)', body: CreateRecurringRideSchema, success: { status: 201, description: 'The pattern, with warnings [{path, message, messageEn}]: a leg no active vehicle could carry even alone (no shift at that time, no wheelchair place); the pattern is kept' } },
  { method: 'get', path: '/recurring-rides/{id}', tag: 'recurring rides', summary: 'Przejazd cykliczny / read a pattern', params: Id, success: { status: 200, description: 'The pattern' } },
  { method: 'patch', path: '/recurring-rides/{id}', tag: 'recurring rides', summary: 'Zmień wzorzec (niezaplanowane przyszłe przejazdy idą za nim) / change a pattern (future unplanned rides follow)', params: Id, body: UpdateRecurringRideSchema, success: { status: 200, description: 'The updated pattern, with skippedDays: [{ date, message, messageEn }] — days it now runs that it could not book because the client already rides then' } },
  { method: 'get', path: '/plans', tag: 'plans', summary: 'Plany dnia / a day’s plan revisions', query: PlanListQuerySchema, success: { status: 200, description: '{ date, items: PlanSummary[] }' } },
  { method: 'post', path: '/plans', tag: 'plans', summary: 'Zaplanuj dzień / plan a day in the background', body: RequestPlanSchema, success: { status: 202, description: '{ id, date, revision, status: QUEUED }' } },
  { method: 'get', path: '/plans/{id}', tag: 'plans', summary: 'Plan: stan, trasy, nieprzydzielone / status, routes, unassigned rides with reasons', params: Id, query: PlanQuerySchema, success: { status: 200, description: 'The plan; each unassigned ride with reasonCode and its text (reason, reasonEn): unreachable (no road), capacity (no vehicle has the places at all), pinned, maxRideTime, shift (no driver works then), shiftEnd (would end after every shift), timeWindow (no vehicle can get there in time even alone), busy (every vehicle that could carry it is taken by other rides then: no time between their stops), full (a vehicle could fit it in time but its places are taken by passengers then), passed (its time had passed when the day was planned), outboundUnassigned (a return whose outbound is not placed)' } },
  { method: 'post', path: '/plans/{id}/moves', tag: 'plans', summary: 'Przenieś przejazd do pojazdu (dryRun: tylko werdykt) / move a ride to a vehicle, at given positions or the best ones (dryRun: verdict only)', params: Id, body: MoveRideSchema, success: { status: 200, description: '{ feasible: true, applied, version, vehicleId, deltaDistanceM, deltaDurationSec }; 422 MOVE_INFEASIBLE with the reason; 409 VERSION_CONFLICT' }, conflict: 'The plan is not the live plan of its day, or not finished' },
  { method: 'put', path: '/plans/{id}/routes/{vehicleId}/lock', tag: 'plans', summary: 'Zablokuj / odblokuj trasę (ponowne planowanie ją zachowa) / lock or unlock a route (a re-plan keeps it)', params: LivePlanVehicle, body: LockRouteSchema, success: { status: 200, description: '{ locked, version }' } },
  { method: 'post', path: '/plans/{id}/publish', tag: 'plans', summary: 'Opublikuj plan kierowcom / publish the plan to drivers', params: Id, body: PublishPlanSchema, success: { status: 200, description: '{ publishedAt, version }' } },
  { method: 'post', path: '/plans/{id}/insertions', tag: 'plans', summary: 'Pilny przejazd do bieżącego planu / an urgent ride into the live plan (best insertion over vehicles in service)', params: Id, body: InsertRideSchema, success: { status: 200, description: '{ inserted: true, vehicleId, pickupEtaSec, dropoffEtaSec, version }; 422 INSERTION_INFEASIBLE with the reason (the ride joins the unassigned list)' }, conflict: 'The ride awaits approval, is cancelled or for another day' },
  { method: 'post', path: '/plans/{id}/vehicles/{vehicleId}/out-of-service', tag: 'plans', summary: 'Pojazd wyłączony z ruchu: jego przejazdy przejmują inne (nikt w pojeździe nie jest przenoszony) / vehicle out of service: others take its rides (no one on board is moved)', params: LivePlanVehicle, body: OutOfServiceSchema, success: { status: 200, description: '{ reassigned: rideId[], unassigned: [{ rideId, client, pl, en }], version }' } },
  { method: 'get', path: '/plans/{id}/events', tag: 'plans', summary: 'Postęp planu na żywo / the plan’s progress as server-sent events', params: Id, success: { status: 200, description: 'text/event-stream: status {id,status,progress,error} first, progress {id,progress} as the worker reports, then done or failed {…, summary} and the stream ends; a comment every 15 s' } },
  { method: 'get', path: '/plans/{id}/changes/stream', tag: 'plans', summary: 'Zmiany planu dnia na żywo / the live plan’s changes as server-sent events (the day board reads the plan again)', params: Id, success: { status: 200, description: 'text/event-stream: version {planId, version} first, then change {planId, date, version, kind, vehicleId?} after every committed edit of the day’s plan and every driver’s report (kind STOP_EVENT with its vehicleId); a comment every 15 s; never ends by itself' } },
  { method: 'get', path: '/manifests/{date}/{vehicleId}/changes/stream', tag: 'manifests', summary: 'Zmiany planu dnia dla kierowcy / the day’s plan changes for a driver’s page (server-sent events)', params: ManifestParams, success: { status: 200, description: 'text/event-stream: version {planId, version} of the published plan (null before publication) first, then change {planId, date, version, kind, vehicleId?} as for /plans/{id}/changes/stream, other vehicles’ reports left out' } },
  { method: 'get', path: '/manifests/{date}/pdf', tag: 'manifests', summary: 'Karty drogowe w PDF (A4, pojazd na stronę) / the day’s manifests as a PDF (A4, one vehicle per page); vehicleId for one vehicle', params: ManifestPdfParams, query: ManifestPdfQuery, success: { status: 200, description: 'application/pdf' } },
  { method: 'get', path: '/manifests/{date}/{vehicleId}', tag: 'manifests', summary: 'Karta drogowa / driver’s manifest (JSON or printable HTML)', params: ManifestParams, query: ManifestQuery, success: { status: 200, description: 'The manifest', html: true } },
  {
    method: 'post', path: '/manifests/{date}/{vehicleId}/stops/{sequence}/events', tag: 'manifests',
    summary: 'Zgłoszenie kierowcy na przystanku (przyjazd, odebrany, wysadzony, nieobecny, opóźnienie) / a driver’s report at a stop of the newest finished plan',
    params: StopEventParamsSchema, body: ReportStopEventSchema,
    success: { status: 201, description: '{ id, clientEventId, kind, at, receivedAt, rideId, sequence, rideStatus, replayed }; 200 with replayed: true when the same clientEventId was already stored' },
    conflict: 'Wrong order (drop-off before pickup), a cancelled ride, a second final state, or a clientEventId reused for another report',
  },
  { method: 'get', path: '/providers', tag: 'providers', summary: 'Przewoźnicy (przewoźnik widzi tylko siebie) / contracted providers (a provider sees only itself)', success: { status: 200, description: '{ items: Provider[] }' } },
  { method: 'post', path: '/providers', tag: 'providers', summary: 'Dodaj przewoźnika / create a provider', body: CreateProviderSchema, success: { status: 201, description: 'The provider' } },
  { method: 'get', path: '/providers/{id}', tag: 'providers', summary: 'Przewoźnik / read a provider', params: Id, success: { status: 200, description: 'The provider with its vehicleIds' } },
  { method: 'patch', path: '/providers/{id}', tag: 'providers', summary: 'Zmień przewoźnika / update a provider (with its version)', params: Id, body: UpdateProviderSchema, success: { status: 200, description: 'The provider' } },
  { method: 'put', path: '/providers/{id}/vehicles', tag: 'providers', summary: 'Pojazdy przewoźnika (cały zbiór) / the provider’s vehicles (the whole set)', params: Id, body: AssignVehiclesSchema, success: { status: 200, description: 'The provider with its vehicleIds' } },
  { method: 'get', path: '/providers/{id}/rides', tag: 'providers', summary: 'Przejazdy zaplanowane na pojazdach przewoźnika / rides planned on the provider’s vehicles (live plans), with confirmations', params: Id, query: ProviderRidesQuerySchema, success: { status: 200, description: '{ from, to, items: ProviderRide[] }' } },
  { method: 'post', path: '/rides/{id}/provider-confirmation', tag: 'providers', summary: 'Potwierdzenie przewoźnika: wynik, km, pobrana opłata / a provider’s confirmation: outcome, km, fee collected', params: Id, body: ProviderConfirmationSchema, success: { status: 201, description: 'The confirmation with who and when' }, conflict: 'The ride is not planned on a provider’s vehicle' },
  { method: 'get', path: '/address-points/search', tag: 'address points', summary: 'Szukaj adresu: najpierw PRG (offline), geokoder tylko gdy PRG nic nie zna / find an address: PRG first (offline), the optional geocoder only when PRG has no match', query: AddressSearchQuerySchema, success: { status: 200, description: "{ source: 'prg' | 'geocoder' | null, items: [{ address, locality, street, houseNumber, postcode, lat, lon }], geocoder: { used, error, errorEn } }" } },
  { method: 'get', path: '/notifications', tag: 'notifications', summary: 'Powiadomienia klientów o oknie odbioru w danym dniu (stan wysyłki) / what clients were told about a day’s pickups, and whether it was sent', query: NotificationListQuerySchema, success: { status: 200, description: '{ date, items: Notification[], unplaced: UnplacedToCall[] } — unplaced: rides the day’s plan leaves without a vehicle, clients to phone' } },
  { method: 'get', path: '/reports', tag: 'reports', summary: 'Raport okresu (JSON lub CSV dla Excela) / the period’s figures (JSON, or CSV for Excel: UTF-8 with BOM, “;”, decimal comma)', query: ReportQuerySchema, success: { status: 200, description: 'The report (rides, unmetDemand, peopleServed, completedBy…, vehicles, occupancy: passenger-hours on board while driving / place-hours, overall and per vehicle; onTime: arrive-by drop-offs at the appointment and within lateToleranceMin, depart-after pickups in the window, reported and planned; feesDueZl); text/csv with format=csv' } },
  { method: 'get', path: '/organisation', tag: 'organisation', summary: 'Organizacja i jej zasady / the organisation and its rules', success: { status: 200, description: 'The organisation with complete rules and clientRetentionMonths' } },
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
    method: 'post', path: '/imports/clients', tag: 'imports', summary: 'Importuj klientów z CSV (z adresem domu); ponowny import aktualizuje lub pomija, nie dubluje / import clients from CSV (with their home address); a re-import updates or skips, never duplicates', query: ClientImportQuerySchema,
    fileBody: { mediaTypes: ['text/csv'], description: 'Columns firstName, lastName, phone, address (resolved against PRG points) or lat + lon, mobility, needsAssistant, driverNotes, eligibilityGroup, helpLevel, assistanceDog, caseworker, caseworkerPhone, externalId (matches stored clients; else name + home address)' },
    success: { status: 200, description: '{ read, imported, rejected: [{ row, field, message, messageEn }], refused, rows: [{ row, action: created|updated|unchanged|skipped|rejected, clientId }] }; 400 with the same report when a bad row kept the file out' },
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
  const params: object[] = [];
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
        code: { type: 'string', enum: ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'VERSION_CONFLICT', 'MOVE_INFEASIBLE', 'INSERTION_INFEASIBLE', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED', 'ROUTING_UNAVAILABLE', 'INTERNAL'] },
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
        ...(op.path === '/auth/login' ? {} : { 401: { description: 'Not signed in: no or unknown session cookie or API token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } }),
        404: { description: 'Unknown (or another organisation’s) record, or a route the caller’s roles do not allow', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
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
    // The organisation is the caller's: a session cookie (web app) or an API token.
    security: [{ session: [] }, { token: [] }],
    components: {
      schemas: { Error: ErrorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'dowoz_session', description: 'From POST /auth/login; changes also need the X-CSRF-Token header' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token dwz_… from POST /tokens' },
      },
    },
  };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A readable reference page, with no script or outside resource (works offline). */
export function renderApiReference(doc: ReturnType<typeof buildOpenApiDocument>): string {
  const sections = Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const o = op as { summary: string; parameters: { name: string; in: string; required: boolean }[]; requestBody?: { description?: string; content: Record<string, { schema: object }> } };
        const params = o.parameters.map((p) => `<code>${esc(p.name)}</code> (${p.in}${p.required ? ', wymagany / required' : ''})`).join(', ');
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
