import { invalidInput, notFound, type FieldError } from '../../errors.js';
import { organisationToday } from '../organisation/organisation-today.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { checkRideRequest } from './check-ride-request.js';
import { findPlace } from '../../db/repositories/place.repo.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { moveRidesStatus } from '../../db/repositories/ride.repo.js';
import {
  findRecurringRide,
  insertRecurringRide,
  listRecurringRides,
  updateRecurringRideVersioned,
  type RecurringRideData,
} from '../../db/repositories/recurring-ride.repo.js';
import { addDays, parseTimeOfDay, toDbDate } from '../common/time.js';
import { patternDates } from './recurring-dates.js';
import { materialisePattern, MATERIALISE_DAYS_AHEAD, patternLegs, type PatternRun } from './materialise-recurring-rides.js';
import { directMinutes, findRideClash, type WantedInterval } from './find-ride-clash.js';
import { describeInterval, overlaps } from './booking.rules.js';
import type { CreateRecurringRide, RecurringRideView, UpdateRecurringRide } from './recurring-ride.schema.js';
import { throwStale } from './manage-places.js';
import { clientScope } from '../../auth/row-access.js';
import { readRules } from '../organisation/organisation-rules.js';
import { checkFleetFit } from './check-fleet-fit.js';

async function checkPlaces(deps: DomainDeps, ctx: OrganisationContext, ids: { path: string; id: string | undefined }[]): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  for (const { path, id } of ids) {
    if (id && !(await findPlace(deps.db, ctx.organisationId, id))) fields.push({ path, message: 'nie ma takiego miejsca', messageEn: 'no such place' });
  }
  return fields;
}

/**
 * Creates a weekly pattern and makes its rides for the booking horizon at once. Refused, like a
 * one-off booking, when it starts in the past, when its return overlaps its outbound ride, or when
 * one of the days it would book now finds the client already riding at that time (the date and the
 * other ride are named). Days past their booking deadline are not made (materialisePattern).
 */
export async function createRecurringRide(
  deps: DomainDeps,
  ctx: OrganisationContext,
  input: CreateRecurringRide,
): Promise<RecurringRideView & { readonly warnings: readonly FieldError[] }> {
  const request = await checkRideRequest(deps, ctx, input);
  const fields: FieldError[] = [...request.fields];
  const now = await organisationToday(deps, ctx.organisationId);
  if (input.startDate < now) fields.push({ path: 'startDate', message: 'początek jest w przeszłości', messageEn: 'the start is in the past' });
  if (input.endDate && input.endDate < now) fields.push({ path: 'endDate', message: 'koniec jest w przeszłości', messageEn: 'the end is in the past' });
  if (fields.length || !request.ok) throw invalidInput(fields);
  const { client } = request;
  const fromPlaceId = request.fromPlace.id;
  const times = {
    timeMode: input.arriveBy ? ('ARRIVE_BY' as const) : ('DEPART_AFTER' as const),
    timeMin: parseTimeOfDay((input.arriveBy ?? input.departAfter)!),
    returnTimeMin: input.returnDepartAfter ? parseTimeOfDay(input.returnDepartAfter) : null,
  };
  const legs = patternLegs(times, directMinutes(request.fromPlace, request.toPlace));
  if (legs.return && overlaps(legs.outbound.interval, legs.return.interval)) {
    const when = describeInterval(legs.outbound.interval);
    throw invalidInput([{ path: 'returnDepartAfter', message: `powrót nachodzi na przejazd w tamtą stronę (${when})`, messageEn: `the return overlaps the outbound ride (${when})` }]);
  }
  const clash = await firstClash(deps, ctx, client.id, input, now, [legs.outbound, ...(legs.return ? [legs.return] : [])]);
  if (clash) throw invalidInput([clash]);

  const data: RecurringRideData = {
    clientId: client.id,
    fromPlaceId,
    toPlaceId: input.toPlaceId,
    ...times,
    weekdays: [...input.weekdays].sort(),
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    exceptDates: input.exceptDates,
    wheelchair: input.wheelchair ?? client.mobility === 'WHEELCHAIR',
    assistant: input.assistant ?? client.needsAssistant,
    notes: input.notes ?? null,
    active: true,
  };
  const created = await insertRecurringRide(deps.db, ctx.organisationId, data);
  await materialiseOne(deps, ctx, created.id, now);
  // Shifts are the same every day: one check speaks for every week of the pattern.
  const org = await findOrganisationById(deps.db, ctx.organisationId);
  const warnings = await checkFleetFit(deps, ctx.organisationId, org?.rules ?? readRules(null), client, data, [
    { path: legs.outbound.path, from: request.fromPlace, to: request.toPlace, timeMode: times.timeMode, timeMin: times.timeMin },
    ...(times.returnTimeMin !== null ? [{ path: 'returnDepartAfter', from: request.toPlace, to: request.fromPlace, timeMode: 'DEPART_AFTER' as const, timeMin: times.returnTimeMin }] : []),
  ]);
  return { ...created, warnings };
}

/**
 * The first day within the horizon on which the new pattern would find the client already riding
 * at its times, as a field error naming the date. Read before the pattern is stored, so a clash
 * refuses it whole; a ride booked in between is caught per day by materialisePattern, which then
 * leaves that day out.
 */
async function firstClash(
  deps: DomainDeps,
  ctx: OrganisationContext,
  clientId: string,
  input: CreateRecurringRide,
  from: string,
  wanted: WantedInterval[],
): Promise<FieldError | null> {
  const days = patternDates({ weekdays: input.weekdays, startDate: input.startDate, endDate: input.endDate ?? null, exceptDates: input.exceptDates }, from, addDays(from, MATERIALISE_DAYS_AHEAD));
  for (const date of days) {
    const clash = await findRideClash(deps.db, ctx.organisationId, clientId, date, wanted);
    if (clash) return { ...clash, message: `${date}: ${clash.message}`, messageEn: `${date}: ${clash.messageEn}` };
  }
  return null;
}

async function materialiseOne(deps: DomainDeps, ctx: OrganisationContext, id: string, from: string): Promise<PatternRun> {
  const pattern = await deps.db.recurringRide.findFirst({ where: { organisationId: ctx.organisationId, id } });
  if (!pattern?.active) return { created: 0, clashes: [] };
  return materialisePattern(deps.db, pattern, from, addDays(from, MATERIALISE_DAYS_AHEAD), ctx.actor, deps.now());
}

/** A day a changed pattern could not book because the client already rides then. */
export interface SkippedDay {
  readonly date: string;
  readonly message: string;
  readonly messageEn: string;
}

export async function getRecurringRide(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<RecurringRideView> {
  const r = await findRecurringRide(deps.db, ctx.organisationId, id, clientScope(ctx));
  if (!r) throw notFound('przejazd cykliczny', 'recurring ride');
  return r;
}

export function listRecurringRidesOf(deps: DomainDeps, ctx: OrganisationContext, filter: { clientId?: string }) {
  return listRecurringRides(deps.db, ctx.organisationId, filter, clientScope(ctx));
}

/**
 * Changes a pattern. Its future rides that are not yet planned (REQUESTED or APPROVED) follow: those on
 * days the pattern no longer runs are cancelled with the reason, the others take the new times
 * and places. Rides already scheduled stay as planned; the dispatcher re-plans the day. Days the
 * pattern now runs are booked, except those where the client already has another ride at that
 * time: they come back as `skippedDays`.
 */
export async function updateRecurringRide(
  deps: DomainDeps,
  ctx: OrganisationContext,
  id: string,
  input: UpdateRecurringRide,
): Promise<RecurringRideView & { readonly skippedDays: readonly SkippedDay[] }> {
  const current = await getRecurringRide(deps, ctx, id);
  const { version, arriveBy, departAfter, returnDepartAfter, ...rest } = input;
  const fields = await checkPlaces(deps, ctx, [{ path: 'fromPlaceId', id: rest.fromPlaceId }, { path: 'toPlaceId', id: rest.toPlaceId }]);
  if (fields.length) throw invalidInput(fields);
  const changes: Partial<RecurringRideData> = {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(arriveBy ? { timeMode: 'ARRIVE_BY' as const, timeMin: parseTimeOfDay(arriveBy) } : {}),
    ...(departAfter ? { timeMode: 'DEPART_AFTER' as const, timeMin: parseTimeOfDay(departAfter) } : {}),
    ...(returnDepartAfter !== undefined ? { returnTimeMin: returnDepartAfter === null ? null : parseTimeOfDay(returnDepartAfter) } : {}),
    ...(rest.weekdays ? { weekdays: [...rest.weekdays].sort() } : {}),
  };
  const from = addDays(await organisationToday(deps, ctx.organisationId), 1);
  await deps.db.$transaction(async (tx) => {
    if (!(await updateRecurringRideVersioned(tx, ctx.organisationId, id, version, changes))) throwStale(current.version);
    const p = (await tx.recurringRide.findFirst({ where: { organisationId: ctx.organisationId, id } }))!;
    const future = await tx.ride.findMany({
      where: { organisationId: ctx.organisationId, recurringRideId: id, status: { in: ['REQUESTED', 'APPROVED'] }, serviceDate: { gte: toDbDate(from) } },
      select: { id: true, serviceDate: true, recurringLeg: true },
    });
    const stillRuns = new Set(
      p.active
        ? patternDates({ weekdays: p.weekdays, startDate: p.startDate.toISOString().slice(0, 10), endDate: p.endDate?.toISOString().slice(0, 10) ?? null, exceptDates: p.exceptDates.map((d) => d.toISOString().slice(0, 10)) }, from, addDays(from, 3660))
        : [],
    );
    const dropped = future.filter((r) => !stillRuns.has(r.serviceDate.toISOString().slice(0, 10)) || (r.recurringLeg === 1 && p.returnTimeMin === null));
    await moveRidesStatus(tx, ctx.organisationId, dropped.map((r) => r.id), ['REQUESTED', 'APPROVED'], 'CANCELLED', ctx.actor, 'wzorzec zmieniony / pattern changed');
    const kept = future.filter((r) => !dropped.includes(r));
    const common = { wheelchair: p.wheelchair, assistant: p.assistant, notes: p.notes, clientId: p.clientId, version: { increment: 1 } };
    await tx.ride.updateMany({
      where: { id: { in: kept.filter((r) => r.recurringLeg === 0).map((r) => r.id) } },
      data: { ...common, fromPlaceId: p.fromPlaceId, toPlaceId: p.toPlaceId, timeMode: p.timeMode, timeMin: p.timeMin },
    });
    if (p.returnTimeMin !== null) {
      await tx.ride.updateMany({
        where: { id: { in: kept.filter((r) => r.recurringLeg === 1).map((r) => r.id) } },
        data: { ...common, fromPlaceId: p.toPlaceId, toPlaceId: p.fromPlaceId, timeMode: 'DEPART_AFTER', timeMin: p.returnTimeMin },
      });
    }
  });
  const run = await materialiseOne(deps, ctx, id, from);
  const skippedDays = run.clashes.map(({ date, clash }) => ({ date, message: clash.message, messageEn: clash.messageEn ?? clash.message }));
  return { ...(await getRecurringRide(deps, ctx, id)), skippedDays };
}
