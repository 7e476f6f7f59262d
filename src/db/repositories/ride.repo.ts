import type { Db, Tx } from '../client.js';
import type { Client, Place, Prisma, Ride } from '../generated/client.js';
import type { RideStatus, RideView } from '../../domain/booking/ride.schema.js';
import { formatMinutes, fromDbDate, toDbDate } from '../../domain/common/time.js';
import { isCancelled } from '../../domain/booking/ride.rules.js';
import { clientName } from '../../domain/booking/client-name.js';

type RideRow = Ride & { client: Client; fromPlace: Place; toPlace: Place; returns: { id: string }[] };
const rideInclude = { client: true, fromPlace: true, toPlace: true, returns: { select: { id: true } } } as const;

function toRideView(r: RideRow): RideView {
  const date = fromDbDate(r.serviceDate);
  const time = formatMinutes(r.timeMin);
  return {
    id: r.id,
    date,
    status: r.status,
    client: { id: r.client.id, name: clientName(r.client) },
    from: { id: r.fromPlace.id, name: r.fromPlace.name, address: r.fromPlace.address },
    to: { id: r.toPlace.id, name: r.toPlace.name, address: r.toPlace.address },
    arriveBy: r.timeMode === 'ARRIVE_BY' ? time : null,
    departAfter: r.timeMode === 'DEPART_AFTER' ? time : null,
    wheelchair: r.wheelchair,
    assistant: r.assistant,
    notes: r.notes,
    purpose: r.purpose,
    serviceName: r.serviceName,
    fundingSource: r.fundingSource,
    distanceBand: r.distanceBand,
    feeGrosze: r.feeGrosze,
    cancelReason: r.cancelReason,
    // The status decided when it was cancelled (D29); null for a ride not cancelled.
    lateCancelled: isCancelled(r.status) ? r.status === 'LATE_CANCELLED' : null,
    awaitingApproval: r.status === 'REQUESTED',
    outboundRideId: r.outboundRideId,
    returnRideId: r.returns[0]?.id ?? null,
    recurringRideId: r.recurringRideId,
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
  purpose?: 'SOCIAL' | 'PROFESSIONAL' | 'EDUCATIONAL' | 'HEALTH';
  serviceName?: string | null;
  fundingSource?: 'CENTRE_BUDGET' | 'EU_PROJECT' | 'PFRON' | 'OTHER';
  distanceBand?: 'GMINA' | 'COUNTY' | 'BEYOND' | null;
  feeGrosze?: number | null;
  /** Set when materialised from a weekly pattern: the pattern and the leg (0 outbound, 1 return). */
  recurringRideId?: string;
  recurringLeg?: 0 | 1;
}

/**
 * Inserts a ride with the first entry of its history: REQUESTED when it waits for approval,
 * else APPROVED. Call inside a transaction.
 */
export async function insertRide(
  tx: Tx,
  organisationId: string,
  r: NewRide,
  actor: string,
  initial: { status: 'REQUESTED' | 'APPROVED'; reason: string },
): Promise<string> {
  const { date, ...rest } = r;
  const row = await tx.ride.create({ data: { organisationId, serviceDate: toDbDate(date), ...rest, status: initial.status }, select: { id: true } });
  await tx.rideEvent.create({ data: { organisationId, rideId: row.id, actor, toStatus: initial.status, reason: initial.reason } });
  return row.id;
}

export interface RideStatusChange {
  readonly at: string;
  readonly actor: string;
  readonly from: RideStatus | null;
  readonly to: RideStatus;
  readonly reason: string | null;
}

const toStatusChange = (e: { at: Date; actor: string; fromStatus: RideStatus | null; toStatus: RideStatus; reason: string | null }): RideStatusChange => ({
  at: e.at.toISOString(), actor: e.actor, from: e.fromStatus, to: e.toStatus, reason: e.reason,
});

export async function listRideHistory(db: Db | Tx, organisationId: string, rideId: string): Promise<RideStatusChange[]> {
  const events = await db.rideEvent.findMany({ where: { organisationId, rideId }, orderBy: { seq: 'asc' } });
  return events.map(toStatusChange);
}

/**
 * Moves rides from one status to another and records each change, in the caller's transaction.
 * Only rides still in `from` move, so a ride changed meanwhile is left alone.
 */
export async function moveRidesStatus(
  tx: Tx,
  organisationId: string,
  rideIds: readonly string[],
  from: RideStatus | readonly RideStatus[],
  to: RideStatus,
  actor: string,
  reason: string,
  /** When the change happened by the caller's clock; the database's own when absent. */
  at?: Date,
): Promise<number> {
  if (rideIds.length === 0) return 0;
  const fromAny = typeof from === 'string' ? [from] : [...from];
  let moved = 0;
  for (const status of fromAny) {
    // UPDATE … RETURNING: history is written only for rows this statement really changed, so a
    // ride moved meanwhile by someone else gets no false entry.
    const changed = await tx.ride.updateManyAndReturn({
      where: { organisationId, id: { in: [...rideIds] }, status },
      data: { status: to, version: { increment: 1 } },
      select: { id: true },
    });
    if (!changed.length) continue;
    await tx.rideEvent.createMany({ data: changed.map(({ id: rideId }) => ({ organisationId, rideId, actor, fromStatus: status, toStatus: to, reason, ...(at ? { at } : {}) })) });
    moved += changed.length;
  }
  return moved;
}

/** `clientScope` limits to rides of those clients (src/auth/row-access.ts: a caseworker's own caseload). */
export async function findRide(db: Db | Tx, organisationId: string, id: string, clientScope?: Prisma.ClientWhereInput): Promise<RideView | null> {
  const r = await db.ride.findFirst({ where: { organisationId, id, ...(clientScope ? { client: clientScope } : {}) }, include: rideInclude });
  return r ? toRideView(r) : null;
}

export async function listRidesOfDay(
  db: Db | Tx,
  organisationId: string,
  date: string,
  status?: RideStatus,
  clientScope?: Prisma.ClientWhereInput,
): Promise<RideView[]> {
  const rows = await db.ride.findMany({
    where: { organisationId, serviceDate: toDbDate(date), ...(status ? { status } : {}), ...(clientScope ? { client: clientScope } : {}) },
    include: rideInclude,
    orderBy: [{ timeMin: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(toRideView);
}

/** One client's rides over a period, day by day, for the client card (both ends included). */
export async function listRidesOfClient(
  db: Db | Tx,
  organisationId: string,
  clientId: string,
  period: { from: string; to: string },
  status?: RideStatus,
): Promise<RideView[]> {
  const rows = await db.ride.findMany({
    where: { organisationId, clientId, serviceDate: { gte: toDbDate(period.from), lte: toDbDate(period.to) }, ...(status ? { status } : {}) },
    include: rideInclude,
    orderBy: [{ serviceDate: 'asc' }, { timeMin: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(toRideView);
}

/** Cancels a ride still at `ride.version`, as CANCELLED or LATE_CANCELLED (the caller decides, D29), with its history entry. */
export async function cancelRideVersioned(
  tx: Tx,
  organisationId: string,
  ride: { id: string; version: number; status: RideStatus },
  to: 'CANCELLED' | 'LATE_CANCELLED',
  reason: string,
  at: Date,
  actor: string,
): Promise<boolean> {
  const { count } = await tx.ride.updateMany({
    where: { organisationId, id: ride.id, version: ride.version },
    data: { status: to, cancelReason: reason, cancelledAt: at, version: { increment: 1 } },
  });
  if (count !== 1) return false;
  await tx.rideEvent.create({ data: { organisationId, rideId: ride.id, actor, fromStatus: ride.status, toStatus: to, reason, at } });
  return true;
}

/** What planning needs of a day's rides: the approved ones (and those already scheduled), with client and places. */
export async function loadRidesForPlanning(db: Db | Tx, organisationId: string, date: string) {
  return db.ride.findMany({
    where: { organisationId, serviceDate: toDbDate(date), status: { in: ['APPROVED', 'SCHEDULED'] } },
    include: { client: true, fromPlace: true, toPlace: true },
    orderBy: [{ timeMin: 'asc' }, { id: 'asc' }],
  });
}
export type RideForPlanning = Awaited<ReturnType<typeof loadRidesForPlanning>>[number];

/**
 * Rides from `from` on that waited for a dispatcher's approval (their first status REQUESTED),
 * booked by `bookedBy` (the first history entry's actor) or, given `caseworkerUserId`, of that
 * caseworker's clients; with their history in order. At most `limit`, nearest days first.
 */
export async function listRidesThroughApproval(
  db: Db | Tx,
  organisationId: string,
  q: { from: string; bookedBy: string; caseworkerUserId?: string; clientScope?: Prisma.ClientWhereInput; limit: number },
): Promise<{ ride: RideView; history: RideStatusChange[] }[]> {
  const mine: Prisma.RideWhereInput[] = [{ events: { some: { fromStatus: null, actor: q.bookedBy } } }];
  if (q.caseworkerUserId) mine.push({ client: { caseworkerUserId: q.caseworkerUserId } });
  const rows = await db.ride.findMany({
    where: {
      organisationId,
      serviceDate: { gte: toDbDate(q.from) },
      AND: [{ events: { some: { fromStatus: null, toStatus: 'REQUESTED' } } }, { OR: mine }, ...(q.clientScope ? [{ client: q.clientScope }] : [])],
    },
    include: { ...rideInclude, events: { orderBy: { seq: 'asc' } } },
    orderBy: [{ serviceDate: 'asc' }, { timeMin: 'asc' }, { createdAt: 'asc' }],
    take: q.limit,
  });
  return rows.map((r) => ({
    ride: toRideView(r),
    history: r.events.map(toStatusChange),
  }));
}

/** How many rides await approval on each day from `from` on, days in order (only days with some). */
export async function countAwaitingApprovalByDay(
  db: Db | Tx,
  organisationId: string,
  from: string,
  clientScope?: Prisma.ClientWhereInput,
): Promise<{ date: string; count: number }[]> {
  const groups = await db.ride.groupBy({
    by: ['serviceDate'],
    where: { organisationId, status: 'REQUESTED', serviceDate: { gte: toDbDate(from) }, ...(clientScope ? { client: clientScope } : {}) },
    _count: { _all: true },
    orderBy: { serviceDate: 'asc' },
  });
  return groups.map((g) => ({ date: fromDbDate(g.serviceDate), count: g._count._all }));
}

/** Keeps a turn-down's reason on the ride, as a cancellation's is, so every list of rides can say why it will not run. */
export async function recordTurnDownReason(tx: Tx, organisationId: string, rideId: string, reason: string): Promise<void> {
  await tx.ride.updateMany({ where: { organisationId, id: rideId, status: 'TURNED_DOWN' }, data: { cancelReason: reason } });
}
