import type { Db, Tx } from '../client.js';
import type { Client, Place, Ride } from '../generated/client.js';
import type { RideStatus, RideView } from '../../domain/booking/ride.schema.js';
import { formatMinutes, fromDbDate, toDbDate } from '../../domain/common/time.js';

type RideRow = Ride & { client: Client; fromPlace: Place; toPlace: Place; returns: { id: string }[] };
const rideInclude = { client: true, fromPlace: true, toPlace: true, returns: { select: { id: true } } } as const;

function toRideView(r: RideRow): RideView {
  const time = formatMinutes(r.timeMin);
  return {
    id: r.id,
    date: fromDbDate(r.serviceDate),
    status: r.status,
    client: { id: r.client.id, name: `${r.client.firstName} ${r.client.lastName}` },
    from: { id: r.fromPlace.id, name: r.fromPlace.name, address: r.fromPlace.address },
    to: { id: r.toPlace.id, name: r.toPlace.name, address: r.toPlace.address },
    arriveBy: r.timeMode === 'ARRIVE_BY' ? time : null,
    departAfter: r.timeMode === 'DEPART_AFTER' ? time : null,
    wheelchair: r.wheelchair,
    assistant: r.assistant,
    notes: r.notes,
    cancelReason: r.cancelReason,
    outboundRideId: r.outboundRideId,
    returnRideId: r.returns[0]?.id ?? null,
    version: r.version,
  };
}

export interface NewRide {
  clientId: string;
  date: string;
  fromPlaceId: string;
  toPlaceId: string;
  timeMode: 'ARRIVE_BY' | 'DEPART_AFTER';
  timeMin: number;
  wheelchair: boolean;
  assistant: boolean;
  notes: string | null;
  outboundRideId: string | null;
}

export async function insertRide(db: Db | Tx, organisationId: string, r: NewRide): Promise<string> {
  const { date, ...rest } = r;
  const row = await db.ride.create({ data: { organisationId, serviceDate: toDbDate(date), ...rest }, select: { id: true } });
  return row.id;
}

export async function findRide(db: Db | Tx, organisationId: string, id: string): Promise<RideView | null> {
  const r = await db.ride.findFirst({ where: { organisationId, id }, include: rideInclude });
  return r ? toRideView(r) : null;
}

export async function listRidesOfDay(db: Db | Tx, organisationId: string, date: string, status?: RideStatus): Promise<RideView[]> {
  const rows = await db.ride.findMany({
    where: { organisationId, serviceDate: toDbDate(date), ...(status ? { status } : {}) },
    include: rideInclude,
    orderBy: [{ timeMin: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(toRideView);
}

export async function cancelRideVersioned(
  db: Db | Tx,
  organisationId: string,
  id: string,
  version: number,
  reason: string,
  at: Date,
): Promise<boolean> {
  const { count } = await db.ride.updateMany({
    where: { organisationId, id, version },
    data: { status: 'CANCELLED', cancelReason: reason, cancelledAt: at, version: { increment: 1 } },
  });
  return count === 1;
}

/** What planning needs of a day's rides: every ride not cancelled, with its client and places. */
export async function loadRidesForPlanning(db: Db | Tx, organisationId: string, date: string) {
  return db.ride.findMany({
    where: { organisationId, serviceDate: toDbDate(date), status: { not: 'CANCELLED' } },
    include: { client: true, fromPlace: true, toPlace: true },
    orderBy: [{ timeMin: 'asc' }, { id: 'asc' }],
  });
}
export type RideForPlanning = Awaited<ReturnType<typeof loadRidesForPlanning>>[number];
