import { invalidInput, type FieldError } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import { hasRole, type OrganisationContext } from '../organisation/organisation-context.js';
import { checkRideRequest, suspensionOn } from './check-ride-request.js';
import { findRide, insertRide } from '../../db/repositories/ride.repo.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { formatMinutes, minutesNowIn, parseTimeOfDay, todayIn } from '../common/time.js';
import { readRules } from '../organisation/organisation-rules.js';
import { priceRide } from './fee.rules.js';
import { bookingDeadline, busyInterval, describeInterval, initialStatus, isBeyondHorizon, isPastDeadline, needsApproval, overlaps, purposeOfDestination } from './booking.rules.js';
import type { BookRide, RideView } from './ride.schema.js';
import { runIdempotent, type IdempotencyKeyInput } from '../common/run-idempotent.js';
import { directMinutes, findRideClash, lockClientBookings, type WantedInterval } from './find-ride-clash.js';
import { checkFleetFit } from './check-fleet-fit.js';

/**
 * Books a ride and, when asked, its return, in one transaction: both or neither.
 * A client in a wheelchair always needs a wheelchair place; an assistant takes a seat.
 */
export interface Booking {
  readonly outbound: RideView;
  readonly return: RideView | null;
}

/** The booking, and what the caseworker should know about it (e.g. no vehicle runs at that time). */
export interface BookingAnswer extends Booking {
  readonly warnings: readonly FieldError[];
  readonly replayed: boolean;
}

export async function bookRide(
  deps: DomainDeps,
  ctx: OrganisationContext,
  input: BookRide,
  idempotency?: IdempotencyKeyInput,
): Promise<BookingAnswer> {
  const org = await findOrganisationById(deps.db, ctx.organisationId);
  const request = await checkRideRequest(deps, ctx, input);
  const fields: FieldError[] = [...request.fields];
  const timeZone = org?.timeZone ?? 'Europe/Warsaw';
  const today = todayIn(timeZone, deps.now());
  const rules = org?.rules ?? readRules(null);
  // The deadline is the centre's rule; accepting a booking after it is the dispatcher's call.
  if (input.overrideCutoff && ctx.roles && !hasRole(ctx, 'DISPATCHER', 'ADMIN')) {
    fields.push({ path: 'overrideCutoff', message: 'rezerwację po terminie przyjmuje dyspozytor', messageEn: 'only a dispatcher can accept a booking after the deadline' });
  }
  if (input.date < today) {
    fields.push({ path: 'date', message: 'data jest w przeszłości', messageEn: 'the date is in the past' });
  } else if (isBeyondHorizon(input.date, today, rules)) {
    fields.push({ path: 'date', message: `za daleko naprzód: najwyżej ${rules.bookingHorizonDays} dni`, messageEn: `too far ahead: at most ${rules.bookingHorizonDays} days` });
  } else if (!input.overrideCutoff && isPastDeadline(input.date, { date: today, minutes: minutesNowIn(timeZone, deps.now()) }, rules)) {
    const [d, m] = bookingDeadline(input.date, rules)!;
    fields.push({
      path: 'date',
      message: `termin rezerwacji na ten dzień minął (${d} ${formatMinutes(m)}); dyspozytor może przyjąć rezerwację po terminie`,
      messageEn: `the booking deadline for this day has passed (${d} ${formatMinutes(m)}); a dispatcher can accept a late booking`,
    });
  }
  const suspended = suspensionOn(request.client, input.date);
  if (suspended) fields.push(suspended);
  if (fields.length || !request.ok) throw invalidInput(fields);
  const { fromPlace, toPlace } = request;
  const fromPlaceId = fromPlace.id;
  const client = request.client;

  const wheelchair = input.wheelchair ?? client.mobility === 'WHEELCHAIR';
  const assistant = input.assistant ?? client.needsAssistant;
  const purpose = input.purpose ?? purposeOfDestination(toPlace.kind);
  const { distanceBand, feeGrosze } = priceRide(rules.fees, fromPlace, toPlace, {
    eligibilityGroup: client.eligibilityGroup,
    purpose,
    fundingSource: input.fundingSource,
  });
  const common = {
    distanceBand,
    feeGrosze,
    clientId: client.id,
    date: input.date,
    wheelchair,
    assistant,
    notes: input.notes ?? null,
    purpose,
    serviceName: input.serviceName ?? null,
    fundingSource: input.fundingSource,
  };
  const timeMode = input.arriveBy ? ('ARRIVE_BY' as const) : ('DEPART_AFTER' as const);
  const timeMin = parseTimeOfDay((input.arriveBy ?? input.departAfter)!);
  const directMin = directMinutes(fromPlace, toPlace);
  const wanted: WantedInterval[] = [
    { path: input.arriveBy ? 'arriveBy' : 'departAfter', interval: busyInterval({ timeMode, timeMin }, directMin) },
    ...(input.return ? [{ path: 'return.departAfter', interval: busyInterval({ timeMode: 'DEPART_AFTER', timeMin: parseTimeOfDay(input.return.departAfter) }, directMin) }] : []),
  ];
  if (wanted.length === 2 && overlaps(wanted[0]!.interval, wanted[1]!.interval)) {
    throw invalidInput([{ path: 'return.departAfter', message: `powrót nachodzi na przejazd w tamtą stronę (${describeInterval(wanted[0]!.interval)})`, messageEn: `the return overlaps the outbound ride (${describeInterval(wanted[0]!.interval)})` }]);
  }
  const { result, replayed } = await runIdempotent(deps.db, ctx.organisationId, idempotency, async (tx): Promise<Booking> => {
    // One booking per client at a time, so two overlapping bookings sent together cannot both pass.
    await lockClientBookings(tx, client.id);
    const clash = await findRideClash(tx, ctx.organisationId, client.id, input.date, wanted);
    if (clash) throw invalidInput([clash]);
    const initial = initialStatus(needsApproval(rules, fromPlace, toPlace));
    const outboundId = await insertRide(tx, ctx.organisationId, {
      ...common,
      fromPlaceId,
      toPlaceId: input.toPlaceId,
      timeMode,
      timeMin,
      outboundRideId: null,
    }, ctx.actor, initial);
    const returnId = input.return
      ? await insertRide(tx, ctx.organisationId, {
          ...common,
          fromPlaceId: input.toPlaceId,
          toPlaceId: fromPlaceId,
          timeMode: 'DEPART_AFTER',
          timeMin: parseTimeOfDay(input.return.departAfter),
          outboundRideId: outboundId,
        }, ctx.actor, initial)
      : null;
    return {
      outbound: (await findRide(tx, ctx.organisationId, outboundId))!,
      return: returnId ? await findRide(tx, ctx.organisationId, returnId) : null,
    };
  });
  // Read after the write: a warning never stops a booking, the dispatcher may add a shift.
  const warnings = await checkFleetFit(deps, ctx.organisationId, rules, client, { wheelchair, assistant }, [
    { path: input.arriveBy ? 'arriveBy' : 'departAfter', from: fromPlace, to: toPlace, timeMode, timeMin },
    ...(input.return ? [{ path: 'return.departAfter', from: toPlace, to: fromPlace, timeMode: 'DEPART_AFTER' as const, timeMin: parseTimeOfDay(input.return.departAfter) }] : []),
  ]);
  return { ...result, warnings, replayed };
}
