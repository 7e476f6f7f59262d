/**
 * Turns weekly patterns into rides for each day ahead of planning (issue #5). Idempotent: each
 * pattern makes each leg of each day once (a unique index backs this up when two runs overlap),
 * and a day whose ride was cancelled is not made again. A pattern books no more than a caseworker
 * could by hand: no day past its booking deadline, and no leg at a time the client already has
 * another ride (the ride booked first stays; the pattern's day is skipped and reported).
 */
import type { Db } from '../../db/client.js';
import { Prisma } from '../../db/generated/client.js';
import { insertRide } from '../../db/repositories/ride.repo.js';
import { loadActivePatterns, materialisedLegs, type StoredPattern } from '../../db/repositories/recurring-ride.repo.js';
import { addDays, fromDbDate, minutesNowIn, todayIn } from '../common/time.js';
import { patternDates } from './recurring-dates.js';
import { busyInterval, initialStatus, isPastDeadline, needsApproval, purposeOfDestination } from './booking.rules.js';
import { priceRide } from './fee.rules.js';
import { readRules } from '../organisation/organisation-rules.js';
import { isCancelled } from './ride.rules.js';
import { directMinutes, findRideClash, lockClientBookings, type WantedInterval } from './find-ride-clash.js';
import type { FieldError } from '../../errors.js';

/** Rides are made this many days ahead (the booking horizon; per organisation with issue #5's rules). */
export const MATERIALISE_DAYS_AHEAD = 30;

/** What one pattern's run made, and the days it left out because the client was busy then. */
export interface PatternRun {
  readonly created: number;
  readonly clashes: readonly { readonly date: string; readonly clash: FieldError }[];
}

type PatternTimes = Pick<StoredPattern, 'timeMode' | 'timeMin' | 'returnTimeMin'>;

/** When each leg of a pattern's day keeps the client busy, on the fields the pattern was given. */
export function patternLegs(p: PatternTimes, directMin: number): { outbound: WantedInterval; return: WantedInterval | null } {
  return {
    outbound: { path: p.timeMode === 'ARRIVE_BY' ? 'arriveBy' : 'departAfter', interval: busyInterval(p, directMin) },
    return: p.returnTimeMin === null ? null : { path: 'returnDepartAfter', interval: busyInterval({ timeMode: 'DEPART_AFTER', timeMin: p.returnTimeMin }, directMin) },
  };
}

export async function materialisePattern(db: Db, p: StoredPattern, from: string, until: string, actor: string, now: Date): Promise<PatternRun> {
  const days = patternDates(
    { weekdays: p.weekdays, startDate: fromDbDate(p.startDate), endDate: p.endDate ? fromDbDate(p.endDate) : null, exceptDates: p.exceptDates.map(fromDbDate) },
    from,
    until,
  );
  if (days.length === 0) return { created: 0, clashes: [] };
  const existing = await materialisedLegs(db, p.id, from, until);
  const [org, fromPlace, toPlace] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: p.organisationId }, select: { rules: true, timeZone: true } }),
    db.place.findUniqueOrThrow({ where: { id: p.fromPlaceId } }),
    db.place.findUniqueOrThrow({ where: { id: p.toPlaceId } }),
  ]);
  const rules = readRules(org.rules);
  const clock = { date: todayIn(org.timeZone, now), minutes: minutesNowIn(org.timeZone, now) };
  const initial = initialStatus(needsApproval(rules, fromPlace, toPlace));
  const legs = patternLegs(p, directMinutes(fromPlace, toPlace));
  const client = await db.client.findUniqueOrThrow({ where: { id: p.clientId }, select: { eligibilityGroup: true, active: true, suspendedFrom: true, suspendedUntil: true } });
  if (!client.active) return { created: 0, clashes: [] };
  // A suspended client's days are not made; lifted, the next daily run makes those still ahead.
  const suspended = (date: string) =>
    client.suspendedFrom !== null && client.suspendedUntil !== null && date >= fromDbDate(client.suspendedFrom) && date <= fromDbDate(client.suspendedUntil);
  const purpose = purposeOfDestination(toPlace.kind);
  const { distanceBand, feeGrosze } = priceRide(rules.fees, fromPlace, toPlace, {
    eligibilityGroup: client.eligibilityGroup,
    purpose,
    fundingSource: 'CENTRE_BUDGET',
  });
  let created = 0;
  const clashes: { date: string; clash: FieldError }[] = [];
  for (const date of days) {
    // A day past its deadline (or already under way) is the dispatcher's to book, as by hand.
    if (suspended(date) || date < clock.date || isPastDeadline(date, clock, rules)) continue;
    const outbound = existing.get(`${date}:0`);
    // A return is added to an existing outbound too (the pattern gained a return), unless the outbound was cancelled.
    const needsReturn = p.returnTimeMin !== null && !existing.has(`${date}:1`) && !(outbound && isCancelled(outbound.status));
    if (outbound && !needsReturn) continue;
    const common = { clientId: p.clientId, date, wheelchair: p.wheelchair, assistant: p.assistant, notes: p.notes, recurringRideId: p.id, distanceBand, feeGrosze, purpose };
    try {
      created += await db.$transaction(async (tx) => {
        await lockClientBookings(tx, p.clientId);
        const wanted = [...(outbound ? [] : [legs.outbound]), ...(needsReturn && legs.return ? [legs.return] : [])];
        const clash = await findRideClash(tx, p.organisationId, p.clientId, date, wanted);
        if (clash) {
          clashes.push({ date, clash });
          return 0;
        }
        let made = 0;
        let outboundId = outbound?.id;
        if (!outboundId) {
          outboundId = await insertRide(tx, p.organisationId, {
            ...common, fromPlaceId: p.fromPlaceId, toPlaceId: p.toPlaceId, timeMode: p.timeMode, timeMin: p.timeMin, outboundRideId: null, recurringLeg: 0,
          }, actor, initial);
          made++;
        }
        if (needsReturn) {
          await insertRide(tx, p.organisationId, {
            ...common, fromPlaceId: p.toPlaceId, toPlaceId: p.fromPlaceId, timeMode: 'DEPART_AFTER', timeMin: p.returnTimeMin!, outboundRideId: outboundId, recurringLeg: 1,
          }, actor, initial);
          made++;
        }
        return made;
      });
    } catch (err) {
      // Another run made this day meanwhile: nothing to do.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') continue;
      throw err;
    }
  }
  return { created, clashes };
}

/** Materialises every active pattern (of one organisation, or all) from `from` for the horizon. */
export async function materialiseRecurringRides(
  db: Db,
  options: { from: string; organisationId?: string; daysAhead?: number; actor?: string; now?: Date },
): Promise<{ patterns: number; ridesCreated: number; daysClashing: number }> {
  const until = addDays(options.from, options.daysAhead ?? MATERIALISE_DAYS_AHEAD);
  const patterns = await loadActivePatterns(db, options.organisationId);
  let ridesCreated = 0;
  let daysClashing = 0;
  for (const p of patterns) {
    const run = await materialisePattern(db, p, options.from, until, options.actor ?? 'recurring', options.now ?? new Date());
    ridesCreated += run.created;
    daysClashing += run.clashes.length;
  }
  return { patterns: patterns.length, ridesCreated, daysClashing };
}
