/** Reads what the report aggregates for one organisation and period, nothing else. */
import type { Db } from '../../db/client.js';
import { addDays, fromDbDate, minutesNowIn, toDbDate, todayIn } from '../common/time.js';
import { readRules } from '../organisation/organisation-rules.js';
import { isCancelled } from '../booking/ride.rules.js';
import type { ReportInput, ReportRide, ReportStopEvent } from './report.js';

function insideGmina(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : null;
}

/** Seconds after the midnight of `date` (the ride's day) of an instant, on the centre's clock. */
export function secondsAfterMidnight(date: string, timeZone: string, at: Date): number {
  const day = todayIn(timeZone, at);
  const dayShift = day === date ? 0 : day === addDays(date, 1) ? 86_400 : day === addDays(date, -1) ? -86_400 : NaN;
  return dayShift + minutesNowIn(timeZone, at) * 60 + at.getUTCSeconds();
}

export async function loadReportInput(db: Db, organisationId: string, from: string, to: string, lateToleranceMin: number): Promise<ReportInput> {
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
    // Late or not was decided when it was cancelled, and kept in the status (D29).
    const lateCancelled = isCancelled(r.status) ? r.status === 'LATE_CANCELLED' : null;
    return {
      id: r.id, date, clientId: r.clientId, eligibilityGroup: r.client.eligibilityGroup, status: r.status, purpose: r.purpose,
      fundingSource: r.fundingSource, distanceBand: r.distanceBand, insideGmina: insideGmina(r.fromPlace.insideGmina, r.toPlace.insideGmina),
      feeGrosze: r.feeGrosze, lateCancelled, timeMode: r.timeMode, timeMin: r.timeMin,
    };
  });

  // What was driven (or is to be driven): the newest published plan of each day, or before any
  // publication the newest finished one (a re-plan of a published day publishes itself, D16).
  const plans = await db.plan.findMany({ where: { organisationId, serviceDate, status: 'DONE' }, select: { id: true, serviceDate: true, revision: true, publishedAt: true } });
  const newest = new Map<string, { id: string; revision: number; published: boolean }>();
  for (const p of plans) {
    const d = fromDbDate(p.serviceDate);
    const current = newest.get(d);
    const published = p.publishedAt !== null;
    const better = !current || (published && !current.published) || (published === current.published && p.revision > current.revision);
    if (better) newest.set(d, { id: p.id, revision: p.revision, published });
  }
  const planIds = [...newest.values()].map((p) => p.id);
  const [routes, unassigned, events] = await Promise.all([
    db.planRoute.findMany({
      where: { organisationId, planId: { in: planIds } },
      include: {
        vehicle: { select: { name: true, seats: true, wheelchairPlaces: true } },
        plan: { select: { serviceDate: true } },
        stops: { orderBy: { sequence: 'asc' }, select: { kind: true, rideId: true, arrivalSec: true, serviceStartSec: true, departureSec: true, seatsAfter: true, wheelchairsAfter: true } },
      },
    }),
    db.planUnassigned.findMany({ where: { organisationId, planId: { in: planIds } }, include: { ride: { select: { status: true } } } }),
    // Every report of a pickup or drop-off on the period's rides, whichever plan revision it came on.
    db.stopEvent.findMany({
      where: { organisationId, kind: { in: ['PICKED_UP', 'DROPPED_OFF'] }, ride: { serviceDate } },
      select: { rideId: true, kind: true, at: true, ride: { select: { serviceDate: true } } },
    }),
  ]);
  return {
    from, to, rides, hasCutoff: rules.bookingCutoff !== null,
    routes: routes.map((r) => ({
      date: fromDbDate(r.plan.serviceDate), vehicleId: r.vehicleId, vehicleName: r.vehicle.name, distanceM: r.distanceM, startSec: r.startSec, endSec: r.endSec,
      drivingSec: r.drivingSec, places: r.vehicle.seats + r.vehicle.wheelchairPlaces,
      stops: r.stops.map((s) => ({ kind: s.kind, rideId: s.rideId, arrivalSec: s.arrivalSec, serviceStartSec: s.serviceStartSec, departureSec: s.departureSec, onBoardAfter: s.seatsAfter + s.wheelchairsAfter })),
    })),
    events: events
      .map((e): ReportStopEvent => ({ rideId: e.rideId, kind: e.kind as ReportStopEvent['kind'], sec: secondsAfterMidnight(fromDbDate(e.ride.serviceDate), org.timeZone, e.at) }))
      .filter((e) => Number.isFinite(e.sec)),
    pickupWindowMin: rules.pickupLateToleranceMin,
    lateToleranceMin,
    unassigned: unassigned.map((u) => ({ rideId: u.rideId, rideStatus: u.ride.status, reasonCode: u.reasonCode, reasonPl: u.reasonPl, reasonEn: u.reasonEn })),
  };
}
