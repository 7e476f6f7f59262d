/** Reads what the report aggregates for one organisation and period, nothing else. */
import type { Db } from '../../db/client.js';
import { fromDbDate, minutesNowIn, toDbDate, todayIn } from '../common/time.js';
import { isPastDeadline } from '../booking/booking.rules.js';
import { readRules } from '../organisation/organisation-rules.js';
import type { ReportInput, ReportRide } from './report.js';

function insideGmina(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : null;
}

export async function loadReportInput(db: Db, organisationId: string, from: string, to: string): Promise<ReportInput> {
  const org = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { rules: true, timeZone: true } });
  const rules = readRules(org.rules);
  const serviceDate = { gte: toDbDate(from), lte: toDbDate(to) };
  const rows = await db.ride.findMany({
    where: { organisationId, serviceDate },
    include: { client: { select: { eligibilityGroup: true } }, fromPlace: { select: { insideGmina: true } }, toPlace: { select: { insideGmina: true } } },
    orderBy: [{ serviceDate: 'asc' }, { id: 'asc' }],
  });
  const rides: ReportRide[] = rows.map((r) => {
    const date = fromDbDate(r.serviceDate);
    // Late: cancelled after the booking cut-off of the ride's day, on the centre's wall clock.
    const lateCancelled =
      r.status === 'CANCELLED' && r.cancelledAt && rules.bookingCutoff
        ? isPastDeadline(date, { date: todayIn(org.timeZone, r.cancelledAt), minutes: minutesNowIn(org.timeZone, r.cancelledAt) }, rules)
        : null;
    return {
      id: r.id, date, clientId: r.clientId, eligibilityGroup: r.client.eligibilityGroup, status: r.status, purpose: r.purpose,
      fundingSource: r.fundingSource, distanceBand: r.distanceBand, insideGmina: insideGmina(r.fromPlace.insideGmina, r.toPlace.insideGmina),
      feeGrosze: r.feeGrosze, lateCancelled,
    };
  });

  // The newest finished plan of each day is what was driven (or is to be driven).
  const plans = await db.plan.findMany({ where: { organisationId, serviceDate, status: 'DONE' }, select: { id: true, serviceDate: true, revision: true } });
  const newest = new Map<string, { id: string; revision: number }>();
  for (const p of plans) {
    const d = fromDbDate(p.serviceDate);
    if ((newest.get(d)?.revision ?? 0) < p.revision) newest.set(d, p);
  }
  const planIds = [...newest.values()].map((p) => p.id);
  const [routes, unassigned] = await Promise.all([
    db.planRoute.findMany({ where: { organisationId, planId: { in: planIds } }, include: { vehicle: { select: { name: true } }, plan: { select: { serviceDate: true } } } }),
    db.planUnassigned.findMany({ where: { organisationId, planId: { in: planIds } }, include: { ride: { select: { status: true } } } }),
  ]);
  return {
    from, to, rides, hasCutoff: rules.bookingCutoff !== null,
    routes: routes.map((r) => ({ date: fromDbDate(r.plan.serviceDate), vehicleId: r.vehicleId, vehicleName: r.vehicle.name, distanceM: r.distanceM, startSec: r.startSec, endSec: r.endSec })),
    unassigned: unassigned.map((u) => ({ rideId: u.rideId, rideStatus: u.ride.status, reasonCode: u.reasonCode, reasonPl: u.reasonPl, reasonEn: u.reasonEn })),
  };
}
