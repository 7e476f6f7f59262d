/** The reads the day of service needs: a stop of the newest finished plan and stored reports. */
import type { Db, Tx } from '../../db/client.js';
import { toDbDate } from '../common/time.js';
import { AppError } from '../../errors.js';
import type { StopEventKind } from './stop-event.schema.js';

export interface PlannedStop {
  readonly id: string;
  readonly rideId: string;
  readonly kind: 'PICKUP' | 'DROPOFF';
  readonly planId: string;
  /** 1-based, as the manifest numbers it now. */
  readonly sequence: number;
  /** The organisation's time zone, in which the report's time is checked against the plan's day. */
  readonly timeZone: string;
  /** Planned start of service, seconds after the service day's midnight (what a delay is counted from). */
  readonly serviceStartSec: number;
}

/** Which of a ride's stops a report means when the phone names the ride. */
const stopKindFor = (kind: StopEventKind): 'PICKUP' | 'DROPOFF' | null =>
  kind === 'PICKED_UP' || kind === 'NO_SHOW' ? 'PICKUP' : kind === 'DROPPED_OFF' ? 'DROPOFF' : null;

/**
 * A stop by the manifest's numbering (1-based) on the newest published plan of the day: only
 * that plan's stops can be reported, since it is the one drivers were given. When the phone names
 * the ride and the number now belongs to another ride (the plan was edited since the phone last
 * loaded it), the ride's own stop on this vehicle is taken.
 */
export async function findPlannedStop(
  db: Db | Tx,
  organisationId: string,
  date: string,
  vehicleId: string,
  sequence: number,
  mean?: { readonly rideId?: string | undefined; readonly kind: StopEventKind },
): Promise<PlannedStop> {
  const plan = await db.plan.findFirst({
    where: { organisationId, serviceDate: toDbDate(date), status: 'DONE', publishedAt: { not: null } },
    orderBy: { revision: 'desc' },
    select: { id: true, organisation: { select: { timeZone: true } } },
  });
  if (!plan) throw new AppError('NOT_FOUND', `Plan na ${date} nie został jeszcze opublikowany`, { messageEn: `The plan for ${date} has not been published yet` });
  const select = { id: true, rideId: true, kind: true, sequence: true, serviceStartSec: true } as const;
  let stop = await db.planStop.findFirst({ where: { organisationId, sequence: sequence - 1, route: { planId: plan.id, vehicleId } }, select });
  const kind = mean ? stopKindFor(mean.kind) : null;
  if (mean?.rideId && (stop?.rideId !== mean.rideId || (kind !== null && stop.kind !== kind))) {
    const ofRide = await db.planStop.findMany({
      where: { organisationId, rideId: mean.rideId, route: { planId: plan.id, vehicleId }, ...(kind ? { kind } : {}) },
      select,
      orderBy: { sequence: 'asc' },
    });
    stop = ofRide[0] ?? null;
  }
  if (!stop) {
    throw new AppError('NOT_FOUND', `Pojazd nie ma przystanku nr ${sequence} w planie na ${date}`, { messageEn: `The vehicle has no stop ${sequence} in the plan for ${date}` });
  }
  return { id: stop.id, rideId: stop.rideId, kind: stop.kind, planId: plan.id, sequence: stop.sequence + 1, timeZone: plan.organisation.timeZone, serviceStartSec: stop.serviceStartSec };
}

/** Locks the ride's row until the transaction ends (reports on one ride are decided one at a time). */
export async function lockRide(tx: Tx, organisationId: string, rideId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM ride WHERE organisation_id = ${organisationId}::uuid AND id = ${rideId}::uuid FOR UPDATE`;
}

export interface StoredStopEvent {
  readonly id: string;
  /** Null once the stop left its route (D64): the report stays. */
  readonly planStopId: string | null;
  readonly rideId: string;
  readonly clientEventId: string;
  readonly kind: StopEventKind;
  readonly at: Date;
  readonly receivedAt: Date;
}

export function findStopEventByClientId(db: Db | Tx, organisationId: string, clientEventId: string) {
  return db.stopEvent.findUnique({
    where: { organisationId_clientEventId: { organisationId, clientEventId } },
    include: { ride: { select: { status: true } } },
  });
}

type ListedEvent = { kind: StopEventKind; at: Date; delayMin: number | null; expectedSec: number | null };

/** Every report on the given stops, oldest first (for the manifest and the plan's actual times). */
export async function listEventsOfStops(db: Db | Tx, organisationId: string, planStopIds: readonly string[]) {
  if (planStopIds.length === 0) return new Map<string, ListedEvent[]>();
  const rows = await db.stopEvent.findMany({
    where: { organisationId, planStopId: { in: [...planStopIds] } },
    select: { planStopId: true, kind: true, at: true, delayMin: true, expectedSec: true },
    orderBy: [{ at: 'asc' }, { receivedAt: 'asc' }],
  });
  const byStop = new Map<string, ListedEvent[]>();
  // Every row has one of the asked stop ids (the filter); a report whose stop is gone is not asked for.
  for (const { planStopId, ...e } of rows) if (planStopId) byStop.set(planStopId, [...(byStop.get(planStopId) ?? []), e]);
  return byStop;
}
