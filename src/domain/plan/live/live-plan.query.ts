/**
 * Reads and writes of the live plan (issue #8). Every edit runs in one transaction that first
 * takes the plan's row lock (SELECT … FOR UPDATE), so edits of one plan queue up and each sees
 * the last one's result; the plan's `version` tells a client its view is stale.
 */
import type { Db, Tx } from '../../../db/client.js';
import type { Prisma } from '../../../db/generated/client.js';
import { AppError, notFound } from '../../../errors.js';
import { fromDbDate, secondsAfterServiceMidnight, serviceDayNowSec } from '../../common/time.js';
import type { LiveRide, LiveRouteInput, LiveStop } from './live-route.js';

/** A stop's reports oldest first; at the same time, in the order they reached the server (the newest delay counts, D62). */
const eventOrder: Prisma.StopEventOrderByWithRelationInput[] = [{ at: 'asc' }, { receivedAt: 'asc' }];

/** What a live edit reads of a plan: routes, stops, their rides and the drivers' reports. */
export const liveInclude = {
  routes: {
    include: {
      vehicle: { include: { depot: true } },
      stops: {
        include: {
          ride: { include: { client: true, fromPlace: true, toPlace: true } },
          events: { select: { id: true, kind: true, at: true, delayMin: true, expectedSec: true }, orderBy: eventOrder },
        },
        orderBy: { sequence: 'asc' as const },
      },
    },
  },
} as const;

export async function lockPlanRow(tx: Tx, organisationId: string, planId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM plan WHERE organisation_id = ${organisationId}::uuid AND id = ${planId}::uuid FOR UPDATE`;
}

export type LivePlanRow = NonNullable<Awaited<ReturnType<typeof readPlan>>>;

function readPlan(tx: Db | Tx, organisationId: string, planId: string) {
  return tx.plan.findFirst({ where: { organisationId, id: planId }, include: liveInclude });
}

export interface LoadedLivePlan {
  readonly plan: LivePlanRow;
  readonly date: string;
  readonly timeZone: string;
  /** "Now" in seconds after midnight when the plan is for today; null for a day not yet begun. */
  readonly nowSec: number | null;
  readonly routes: readonly LiveRouteInput[];
  readonly rides: Map<string, LiveRide>;
  readonly places: Map<string, { lat: number; lon: number; name: string }>;
}

/**
 * Locks the plan and reads it with everything an edit needs. Only the live plan — the newest
 * finished plan of its day — can be edited: an older revision is history.
 */
export async function loadLivePlanForEdit(tx: Tx, organisationId: string, planId: string, now: Date): Promise<LoadedLivePlan> {
  await lockPlanRow(tx, organisationId, planId);
  const plan = await readPlan(tx, organisationId, planId);
  if (!plan) throw notFound('plan', 'plan');
  if (plan.status !== 'DONE') {
    throw new AppError('CONFLICT', 'Plan nie jest jeszcze gotowy — poczekaj na jego ukończenie', { messageEn: 'The plan is not finished yet — wait until it is done' });
  }
  const newer = await tx.plan.count({ where: { organisationId, serviceDate: plan.serviceDate, status: 'DONE', revision: { gt: plan.revision } } });
  if (newer > 0) {
    throw new AppError('CONFLICT', 'To nie jest bieżący plan dnia: istnieje nowsza wersja', { messageEn: 'This is not the live plan of the day: a newer revision exists' });
  }
  const org = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  return toLoaded(plan, org.timeZone, now);
}

export function toLoaded(plan: LivePlanRow, timeZone: string, now: Date): LoadedLivePlan {
  const date = fromDbDate(plan.serviceDate);
  const nowSec = serviceDayNowSec(timeZone, date, now);
  const rides = new Map<string, LiveRide>();
  const places = new Map<string, { lat: number; lon: number; name: string }>();
  const routes: LiveRouteInput[] = plan.routes.map((r) => {
    places.set(r.vehicle.depot.id, r.vehicle.depot);
    const stops: LiveStop[] = r.stops.map((s) => {
      const ride = s.ride;
      places.set(ride.fromPlace.id, ride.fromPlace);
      places.set(ride.toPlace.id, ride.toPlace);
      rides.set(ride.id, toLiveRide(ride));
      return {
        id: s.id,
        sequence: s.sequence,
        kind: s.kind,
        rideId: s.rideId,
        placeId: s.placeId,
        arrivalSec: s.arrivalSec,
        serviceStartSec: s.serviceStartSec,
        departureSec: s.departureSec,
        events: s.events.map((e) => ({ id: e.id, kind: e.kind, sec: secondsAfterServiceMidnight(timeZone, date, e.at), delayMin: e.delayMin, expectedSec: e.expectedSec })),
      };
    });
    return {
      routeId: r.id,
      vehicle: { ...r.vehicle, name: r.vehicle.name },
      locked: r.locked,
      outOfServiceMin: r.outOfServiceMin,
      startSec: r.startSec,
      distanceM: r.distanceM,
      drivingSec: r.drivingSec,
      stops,
      storedLate: r.lateFromSec === null ? null : { fromSec: r.lateFromSec, afterStopId: r.lateAfterStopId, reportedSec: r.lateReportedSec },
    };
  });
  return { plan, date, timeZone, nowSec, routes, rides, places };
}

type RideRow = {
  id: string; fromPlaceId: string; toPlaceId: string; timeMode: 'ARRIVE_BY' | 'DEPART_AFTER'; timeMin: number; wheelchair: boolean; assistant: boolean;
  outboundRideId: string | null; client: { mobility: LiveRide['mobility']; helpLevel: NonNullable<LiveRide['helpLevel']>; assistanceDog: boolean };
  fromPlace: { name: string }; toPlace: { name: string };
};

export function toLiveRide(ride: RideRow): LiveRide {
  return {
    id: ride.id,
    fromPlaceId: ride.fromPlaceId,
    toPlaceId: ride.toPlaceId,
    timeMode: ride.timeMode,
    timeMin: ride.timeMin,
    wheelchair: ride.wheelchair,
    assistant: ride.assistant,
    mobility: ride.client.mobility,
    helpLevel: ride.client.helpLevel,
    assistanceDog: ride.client.assistanceDog,
    outboundRideId: ride.outboundRideId,
    fromName: ride.fromPlace.name,
    toName: ride.toPlace.name,
  };
}

/** A ride of the organisation with what placing it needs. */
export function findRideForPlacing(tx: Db | Tx, organisationId: string, rideId: string) {
  return tx.ride.findFirst({ where: { organisationId, id: rideId }, include: { client: true, fromPlace: true, toPlace: true } });
}

/** Raises the plan's version after an edit (caller holds the row lock); answers the new version. */
export async function bumpVersion(tx: Tx, planId: string): Promise<number> {
  const p = await tx.plan.update({ where: { id: planId }, data: { version: { increment: 1 } }, select: { version: true } });
  return p.version;
}

export interface ChangeRecord {
  readonly kind: 'MOVE' | 'LOCK' | 'UNLOCK' | 'PUBLISH' | 'INSERT' | 'INSERT_FAILED' | 'REMOVE' | 'OUT_OF_SERVICE' | 'DELAY' | 'REPLAN';
  readonly rideId?: string | null;
  readonly vehicleId?: string | null;
  readonly pl: string;
  readonly en: string;
  readonly detail?: unknown;
}

export async function recordChange(tx: Tx, organisationId: string, planId: string, version: number, actor: string, at: Date, c: ChangeRecord): Promise<void> {
  await tx.planChange.create({
    data: {
      organisationId, planId, version, actor, at, kind: c.kind, rideId: c.rideId ?? null, vehicleId: c.vehicleId ?? null,
      messagePl: c.pl, messageEn: c.en, ...(c.detail !== undefined ? { detail: c.detail as object } : {}),
    },
  });
}

/**
 * Ends an edit: the plan's summary recomputed from its routes (so the day board and the month's
 * report see the edit) and its version raised. Answers the new version.
 */
export async function finishEdit(tx: Tx, planId: string): Promise<number> {
  const [totals] = await tx.$queryRaw<{ rides: bigint; distance: number | null; duration: number | null }[]>`
    SELECT (SELECT count(DISTINCT s.ride_id) FROM plan_stop s JOIN plan_route r ON r.id = s.route_id WHERE r.plan_id = ${planId}::uuid) AS rides,
           (SELECT sum(distance_m) FROM plan_route WHERE plan_id = ${planId}::uuid) AS distance,
           (SELECT sum(end_sec - start_sec) FROM plan_route WHERE plan_id = ${planId}::uuid) AS duration`;
  const unassigned = await tx.planUnassigned.count({ where: { planId } });
  const p = await tx.plan.update({
    where: { id: planId },
    data: {
      version: { increment: 1 },
      ridesPlaced: Number(totals?.rides ?? 0),
      ridesUnassigned: unassigned,
      distanceM: totals?.distance ?? 0,
      durationSec: totals?.duration ?? 0,
    },
    select: { version: true },
  });
  return p.version;
}
