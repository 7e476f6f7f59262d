/** The reads the day of service needs: a stop of the newest finished plan and stored reports. */
import type { Db, Tx } from '../../db/client.js';
import { toDbDate } from '../common/time.js';
import { AppError } from '../../errors.js';
import type { StopEventKind } from './stop-event.schema.js';

export interface PlannedStop {
  readonly id: string;
  readonly rideId: string;
  readonly kind: 'PICKUP' | 'DROPOFF';
}

/**
 * A stop by the manifest's numbering (1-based) on the newest finished plan of the day: only that
 * plan's stops can be reported, since it is the one drivers were given.
 */
export async function findPlannedStop(db: Db | Tx, organisationId: string, date: string, vehicleId: string, sequence: number): Promise<PlannedStop> {
  const plan = await db.plan.findFirst({
    where: { organisationId, serviceDate: toDbDate(date), status: 'DONE' },
    orderBy: { revision: 'desc' },
    select: { id: true },
  });
  if (!plan) throw new AppError('NOT_FOUND', `Brak gotowego planu na ${date}`, { messageEn: `No finished plan for ${date}` });
  const stop = await db.planStop.findFirst({
    where: { organisationId, sequence: sequence - 1, route: { planId: plan.id, vehicleId } },
    select: { id: true, rideId: true, kind: true },
  });
  if (!stop) {
    throw new AppError('NOT_FOUND', `Pojazd nie ma przystanku nr ${sequence} w planie na ${date}`, { messageEn: `The vehicle has no stop ${sequence} in the plan for ${date}` });
  }
  return stop;
}

/** Locks the ride's row until the transaction ends (reports on one ride are decided one at a time). */
export async function lockRide(tx: Tx, organisationId: string, rideId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM ride WHERE organisation_id = ${organisationId}::uuid AND id = ${rideId}::uuid FOR UPDATE`;
}

export interface StoredStopEvent {
  readonly id: string;
  readonly planStopId: string;
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

/** Every report on the given stops, oldest first (for the manifest and the plan's actual times). */
export async function listEventsOfStops(db: Db | Tx, organisationId: string, planStopIds: readonly string[]) {
  if (planStopIds.length === 0) return new Map<string, { kind: StopEventKind; at: Date }[]>();
  const rows = await db.stopEvent.findMany({
    where: { organisationId, planStopId: { in: [...planStopIds] } },
    select: { planStopId: true, kind: true, at: true },
    orderBy: [{ at: 'asc' }, { receivedAt: 'asc' }],
  });
  const byStop = new Map<string, { kind: StopEventKind; at: Date }[]>();
  for (const r of rows) byStop.set(r.planStopId, [...(byStop.get(r.planStopId) ?? []), { kind: r.kind, at: r.at }]);
  return byStop;
}
