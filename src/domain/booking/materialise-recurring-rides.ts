/**
 * Turns weekly patterns into rides for each day ahead of planning (issue #5). Idempotent: each
 * pattern makes each leg of each day once (a unique index backs this up when two runs overlap),
 * and a day whose ride was cancelled is not made again.
 */
import type { Db } from '../../db/client.js';
import { Prisma } from '../../db/generated/client.js';
import { insertRide } from '../../db/repositories/ride.repo.js';
import { loadActivePatterns, materialisedLegs, type StoredPattern } from '../../db/repositories/recurring-ride.repo.js';
import { addDays, fromDbDate } from '../common/time.js';
import { patternDates } from './recurring-dates.js';
import { initialStatus, needsApproval } from './booking.rules.js';
import { priceRide } from './fee.rules.js';
import { rulesOf } from '../organisation/manage-organisation.js';
import { isCancelled } from './ride.rules.js';

/** Rides are made this many days ahead (the booking horizon; per organisation with issue #5's rules). */
export const MATERIALISE_DAYS_AHEAD = 30;

export async function materialisePattern(db: Db, p: StoredPattern, from: string, until: string, actor: string): Promise<number> {
  const days = patternDates(
    { weekdays: p.weekdays, startDate: fromDbDate(p.startDate), endDate: p.endDate ? fromDbDate(p.endDate) : null, exceptDates: p.exceptDates.map(fromDbDate) },
    from,
    until,
  );
  if (days.length === 0) return 0;
  const existing = await materialisedLegs(db, p.id, from, until);
  const [rules, fromPlace, toPlace] = await Promise.all([
    rulesOf({ db }, p.organisationId),
    db.place.findUniqueOrThrow({ where: { id: p.fromPlaceId } }),
    db.place.findUniqueOrThrow({ where: { id: p.toPlaceId } }),
  ]);
  const initial = initialStatus(needsApproval(rules, fromPlace, toPlace));
  const client = await db.client.findUniqueOrThrow({ where: { id: p.clientId }, select: { eligibilityGroup: true, active: true, suspendedFrom: true, suspendedUntil: true } });
  if (!client.active) return 0;
  // A suspended client's days are not made; lifted, the next daily run makes those still ahead.
  const suspended = (date: string) =>
    client.suspendedFrom !== null && client.suspendedUntil !== null && date >= fromDbDate(client.suspendedFrom) && date <= fromDbDate(client.suspendedUntil);
  const { distanceBand, feeGrosze } = priceRide(rules.fees, fromPlace, toPlace, {
    eligibilityGroup: client.eligibilityGroup,
    purpose: 'SOCIAL',
    fundingSource: 'CENTRE_BUDGET',
  });
  let created = 0;
  for (const date of days) {
    if (suspended(date)) continue;
    const outbound = existing.get(`${date}:0`);
    // A return is added to an existing outbound too (the pattern gained a return), unless the outbound was cancelled.
    const needsReturn = p.returnTimeMin !== null && !existing.has(`${date}:1`) && !(outbound && isCancelled(outbound.status));
    if (outbound && !needsReturn) continue;
    const common = { clientId: p.clientId, date, wheelchair: p.wheelchair, assistant: p.assistant, notes: p.notes, recurringRideId: p.id, distanceBand, feeGrosze };
    try {
      created += await db.$transaction(async (tx) => {
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
  return created;
}

/** Materialises every active pattern (of one organisation, or all) from `from` for the horizon. */
export async function materialiseRecurringRides(
  db: Db,
  options: { from: string; organisationId?: string; daysAhead?: number; actor?: string },
): Promise<{ patterns: number; ridesCreated: number }> {
  const until = addDays(options.from, options.daysAhead ?? MATERIALISE_DAYS_AHEAD);
  const patterns = await loadActivePatterns(db, options.organisationId);
  let ridesCreated = 0;
  for (const p of patterns) ridesCreated += await materialisePattern(db, p, options.from, until, options.actor ?? 'recurring');
  return { patterns: patterns.length, ridesCreated };
}
