/**
 * The daily closing of rides nobody served (issue #5). A ride of a day that has ended on the
 * organisation's clock and is still REQUESTED, APPROVED or SCHEDULED becomes MISSED, by 'system',
 * with why (missed-ride.rules.ts); it stays on record as unmet need (the report counts it).
 * Every past day is looked at, so a day the job did not run is caught up by the next run, and a
 * ride already closed is not touched again: running twice changes nothing more.
 * Not closed, only listed: IN_PROGRESS rides of a past day (picked up, no drop-off reported) —
 * the client was carried, so "missed" would be false and "completed" a guess; the dispatcher
 * settles them. A ride a provider confirmed as done or a no-show is left to that confirmation.
 */
import type { Db } from '../../db/client.js';
import { moveRidesStatus } from '../../db/repositories/ride.repo.js';
import { fromDbDate, todayIn, toDbDate } from '../common/time.js';
import { UNSERVED_STATUSES } from './ride.rules.js';
import { missedReason, type UnassignedReason } from './missed-ride.rules.js';
import type { RideStatus } from './ride.schema.js';

export const SYSTEM_ACTOR = 'system';

export interface CloseMissedResult {
  readonly organisationId: string;
  /** The organisation's today: rides of days before it were looked at. */
  readonly today: string;
  readonly missed: number;
  /** IN_PROGRESS rides of past days, left as they are for the dispatcher. */
  readonly notClosed: readonly { readonly rideId: string; readonly date: string }[];
}

/** The unassigned reason, per ride, of each day's newest finished plan (the one the day was driven by). */
async function unassignedReasons(db: Db, organisationId: string, days: readonly Date[]): Promise<Map<string, UnassignedReason>> {
  if (days.length === 0) return new Map();
  const plans = await db.plan.findMany({
    where: { organisationId, serviceDate: { in: [...days] }, status: 'DONE' },
    orderBy: { revision: 'desc' },
    select: { id: true, serviceDate: true },
  });
  const newest = new Map<string, string>();
  for (const p of plans) if (!newest.has(fromDbDate(p.serviceDate))) newest.set(fromDbDate(p.serviceDate), p.id);
  const rows = await db.planUnassigned.findMany({ where: { organisationId, planId: { in: [...newest.values()] } }, select: { rideId: true, reasonPl: true, reasonEn: true } });
  return new Map(rows.map((u) => [u.rideId, { pl: u.reasonPl, en: u.reasonEn }]));
}

export async function closeMissedRides(db: Db, organisationId: string, now: Date): Promise<CloseMissedResult> {
  const org = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  const today = todayIn(org.timeZone, now);
  const past = { lt: toDbDate(today) };
  const [open, inProgress] = await Promise.all([
    db.ride.findMany({
      where: {
        organisationId,
        serviceDate: past,
        status: { in: [...UNSERVED_STATUSES] },
        providerConfirmations: { none: { outcome: { in: ['COMPLETED', 'NO_SHOW'] } } },
      },
      select: { id: true, status: true, serviceDate: true },
    }),
    db.ride.findMany({ where: { organisationId, serviceDate: past, status: 'IN_PROGRESS' }, select: { id: true, serviceDate: true }, orderBy: [{ serviceDate: 'asc' }, { id: 'asc' }] }),
  ]);
  const days = [...new Map(open.map((r) => [r.serviceDate.getTime(), r.serviceDate])).values()];
  const reasons = await unassignedReasons(db, organisationId, days);

  // One transaction per (status, reason): moveRidesStatus moves only rides still in that status,
  // so a driver's report or a cancellation committed meanwhile wins and gets no false entry.
  const groups = new Map<string, { status: RideStatus; reason: string; ids: string[] }>();
  for (const r of open) {
    const reason = missedReason(r.status, reasons.get(r.id) ?? null);
    const key = `${r.status}\u0000${reason}`;
    const g = groups.get(key) ?? { status: r.status, reason, ids: [] };
    g.ids.push(r.id);
    groups.set(key, g);
  }
  let missed = 0;
  for (const g of groups.values()) {
    missed += await db.$transaction((tx) => moveRidesStatus(tx, organisationId, g.ids, g.status, 'MISSED', SYSTEM_ACTOR, g.reason, now));
  }
  return { organisationId, today, missed, notClosed: inProgress.map((r) => ({ rideId: r.id, date: fromDbDate(r.serviceDate) })) };
}

export async function closeMissedRidesEverywhere(db: Db, now: Date): Promise<CloseMissedResult[]> {
  const orgs = await db.organisation.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
  const results: CloseMissedResult[] = [];
  for (const o of orgs) results.push(await closeMissedRides(db, o.id, now));
  return results;
}
