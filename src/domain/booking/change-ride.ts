/**
 * A caseworker changes a booked ride: the appointment moved, the client now needs the wheelchair,
 * a note for the driver (D63). Before, the only way was to cancel and book again, which counted a
 * (possibly late) cancellation against the client, lost the ride's history and its weekly pattern.
 *
 * The same checks as a booking: the day's cut-off (a dispatcher may override), the client's other
 * rides that day, a return after its outbound, the wheelchair of a client who stays in it. A ride
 * a plan of its day holds leaves that plan when its time or needs change (its route was built for
 * the old ones) and is back to APPROVED: the dispatcher fits it in again (the board's insertion
 * list) or re-plans. A note alone keeps it where it is: the driver's manifest reads the ride's note.
 */
import { AppError, invalidInput, type FieldError } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import { hasRole, type OrganisationContext } from '../organisation/organisation-context.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { findClient } from '../../db/repositories/client.repo.js';
import { findPlace } from '../../db/repositories/place.repo.js';
import { findRide } from '../../db/repositories/ride.repo.js';
import { formatMinutes, minutesNowIn, parseTimeOfDay, toDbDate, todayIn } from '../common/time.js';
import { readRules } from '../organisation/organisation-rules.js';
import { bookingDeadline, busyInterval, isPastDeadline } from './booking.rules.js';
import { directMinutes, findRideClash, lockClientBookings } from './find-ride-clash.js';
import { checkFleetFit } from './check-fleet-fit.js';
import { getRide } from './manage-rides.js';
import { throwStale } from './manage-places.js';
import { UNSERVED_STATUSES } from './ride.rules.js';
import type { RideView } from './ride.schema.js';
import type { ChangeRide } from './change-ride.schema.js';
import { removeRideFromLivePlan } from '../plan/live/remove-ride-from-plan.js';
import { suspensionOn, wheelchairPlaceMissing } from './check-ride-request.js';

export interface RideChangeAnswer {
  readonly ride: RideView;
  /** What changed, in words (also the history's reason); empty when nothing did. */
  readonly changed: { readonly pl: string; readonly en: string };
  /** The ride left its day's plan: a dispatcher must fit it in again or re-plan. */
  readonly takenOutOfPlan: boolean;
  readonly warnings: readonly FieldError[];
}

const yesNo = (b: boolean) => ({ pl: b ? 'tak' : 'nie', en: b ? 'yes' : 'no' });
const timeText = (mode: 'ARRIVE_BY' | 'DEPART_AFTER', min: number) =>
  mode === 'ARRIVE_BY' ? { pl: `na ${formatMinutes(min)}`, en: `arrive by ${formatMinutes(min)}` } : { pl: `od ${formatMinutes(min)}`, en: `depart after ${formatMinutes(min)}` };

/** The ride's fields after the change, and what changed in words (pure). */
export function applyRideChange(
  ride: { timeMode: 'ARRIVE_BY' | 'DEPART_AFTER'; timeMin: number; wheelchair: boolean; assistant: boolean; notes: string | null },
  input: Pick<ChangeRide, 'arriveBy' | 'departAfter' | 'wheelchair' | 'assistant' | 'notes'>,
) {
  const time = input.arriveBy ?? input.departAfter;
  const next = {
    timeMode: input.arriveBy !== undefined ? ('ARRIVE_BY' as const) : input.departAfter !== undefined ? ('DEPART_AFTER' as const) : ride.timeMode,
    timeMin: time !== undefined ? parseTimeOfDay(time) : ride.timeMin,
    wheelchair: input.wheelchair ?? ride.wheelchair,
    assistant: input.assistant ?? ride.assistant,
    notes: input.notes === undefined ? ride.notes : input.notes === null || input.notes === '' ? null : input.notes,
  };
  const parts: { pl: string; en: string }[] = [];
  if (next.timeMode !== ride.timeMode || next.timeMin !== ride.timeMin) {
    const [a, b] = [timeText(ride.timeMode, ride.timeMin), timeText(next.timeMode, next.timeMin)];
    parts.push({ pl: `godzina ${a.pl} → ${b.pl}`, en: `time ${a.en} → ${b.en}` });
  }
  if (next.wheelchair !== ride.wheelchair) parts.push({ pl: `wózek: ${yesNo(next.wheelchair).pl}`, en: `wheelchair: ${yesNo(next.wheelchair).en}` });
  if (next.assistant !== ride.assistant) parts.push({ pl: `opiekun: ${yesNo(next.assistant).pl}`, en: `assistant: ${yesNo(next.assistant).en}` });
  if (next.notes !== ride.notes) parts.push({ pl: 'uwagi dla kierowcy', en: "the driver's note" });
  // Time and needs decide where and in which vehicle the ride fits; a note does not.
  const replan = parts.length > 0 && (next.timeMode !== ride.timeMode || next.timeMin !== ride.timeMin || next.wheelchair !== ride.wheelchair || next.assistant !== ride.assistant);
  return { next, replan, changed: { pl: parts.map((p) => p.pl).join('; '), en: parts.map((p) => p.en).join('; ') } };
}

export async function changeRide(deps: DomainDeps, ctx: OrganisationContext, id: string, input: ChangeRide): Promise<RideChangeAnswer> {
  const current = await getRide(deps, ctx, id);
  if (!(UNSERVED_STATUSES as readonly string[]).includes(current.status)) {
    throw new AppError('CONFLICT', `Nie można zmienić przejazdu w stanie ${current.status}`, { messageEn: `A ride in status ${current.status} cannot be changed` });
  }
  const row = await deps.db.ride.findFirstOrThrow({ where: { organisationId: ctx.organisationId, id } });
  const { next, replan, changed } = applyRideChange(row, input);
  if (!changed.pl) return { ride: current, changed, takenOutOfPlan: false, warnings: [] };

  const org = await findOrganisationById(deps.db, ctx.organisationId);
  const timeZone = org?.timeZone ?? 'Europe/Warsaw';
  const rules = org?.rules ?? readRules(null);
  const today = todayIn(timeZone, deps.now());
  const fields: FieldError[] = [];
  if (input.overrideCutoff && ctx.roles && !hasRole(ctx, 'DISPATCHER', 'ADMIN')) {
    fields.push({ path: 'overrideCutoff', message: 'zmianę po terminie przyjmuje dyspozytor', messageEn: 'only a dispatcher can accept a change after the deadline' });
  }
  // The ride's day, not a field of the change, is what stands in the way: said as a conflict.
  if (current.date < today) {
    throw new AppError('CONFLICT', 'Przejazd jest w przeszłości', { messageEn: 'The ride is in the past' });
  }
  // The cut-off protects the day's plan; a note for the driver does not touch it and may come late.
  if (replan && !input.overrideCutoff && isPastDeadline(current.date, { date: today, minutes: minutesNowIn(timeZone, deps.now()) }, rules)) {
    const [d, m] = bookingDeadline(current.date, rules)!;
    throw new AppError('CONFLICT', `Termin zmian na ten dzień minął (${d} ${formatMinutes(m)}); zadzwoń do dyspozytora, który może przyjąć zmianę po terminie`, {
      messageEn: `The deadline for changes on this day has passed (${d} ${formatMinutes(m)}); call the dispatcher, who can accept a late change`,
    });
  }
  const client = (await findClient(deps.db, ctx.organisationId, row.clientId))!;
  const noWheelchairPlace = wheelchairPlaceMissing(client, next.wheelchair);
  if (noWheelchairPlace) fields.push(noWheelchairPlace);
  const suspended = suspensionOn(client, current.date, 'version');
  if (suspended && replan) throw new AppError('CONFLICT', `${suspended.message[0]!.toUpperCase()}${suspended.message.slice(1)}`, { messageEn: suspended.messageEn });
  const timePath = next.timeMode === 'ARRIVE_BY' ? 'arriveBy' : 'departAfter';
  const [from, to] = [(await findPlace(deps.db, ctx.organisationId, row.fromPlaceId))!, (await findPlace(deps.db, ctx.organisationId, row.toPlaceId))!];
  // A return leaves after its outbound; an outbound comes before its return.
  const outbound = row.outboundRideId ? await deps.db.ride.findUnique({ where: { id: row.outboundRideId }, select: { timeMin: true, status: true } }) : null;
  const back = await deps.db.ride.findFirst({ where: { outboundRideId: id, status: { in: [...UNSERVED_STATUSES] } }, select: { timeMin: true } });
  if (outbound && UNSERVED_STATUSES.some((s) => s === outbound.status) && next.timeMin <= outbound.timeMin) {
    fields.push({ path: timePath, message: `powrót musi być po godzinie przejazdu w tamtą stronę (${formatMinutes(outbound.timeMin)})`, messageEn: `the return must be after the outbound time (${formatMinutes(outbound.timeMin)})` });
  }
  if (back && next.timeMin >= back.timeMin) {
    fields.push({ path: timePath, message: `przejazd musi być przed powrotem (${formatMinutes(back.timeMin)}); zmień najpierw powrót`, messageEn: `the ride must come before its return (${formatMinutes(back.timeMin)}); change the return first` });
  }
  if (fields.length) throw invalidInput(fields);

  const status = replan && current.status === 'SCHEDULED' ? ('APPROVED' as const) : current.status;
  await deps.db.$transaction(async (tx) => {
    await lockClientBookings(tx, row.clientId);
    const clash = await findRideClash(tx, ctx.organisationId, row.clientId, current.date, [{ path: timePath, interval: busyInterval(next, directMinutes(from, to)) }], id);
    if (clash) throw invalidInput([clash]);
    const { count } = await tx.ride.updateMany({
      where: { organisationId: ctx.organisationId, id, version: input.version, status: current.status, serviceDate: toDbDate(current.date) },
      data: { ...next, status, version: { increment: 1 } },
    });
    if (count === 0) throwStale(current.version);
    // The history tells every change, not only of status: from and to may be the same.
    await tx.rideEvent.create({ data: { organisationId: ctx.organisationId, rideId: id, actor: ctx.actor, fromStatus: current.status, toStatus: status, reason: `zmiana: ${changed.pl}` } });
  });
  // Out of the day's plan (if one holds it): its stops ahead go, the route is re-timed and the
  // driver's change list says why. A ride never placed leaves the plan's unassigned list.
  if (replan) {
    await removeRideFromLivePlan(deps, ctx, id, { pl: `zmieniony (${changed.pl}): do ponownego wstawienia`, en: `changed (${changed.en}): to be fitted in again` });
  }
  const takenOutOfPlan = replan && current.status === 'SCHEDULED';
  const warnings = replan
    ? await checkFleetFit(deps, ctx.organisationId, rules, client, next, [{ path: timePath, from, to, timeMode: next.timeMode, timeMin: next.timeMin }])
    : [];
  return { ride: (await findRide(deps.db, ctx.organisationId, id))!, changed, takenOutOfPlan, warnings };
}
