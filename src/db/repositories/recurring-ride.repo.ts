import type { Db, Tx } from '../client.js';
import type { Client, Place, Prisma, RecurringRide } from '../generated/client.js';
import type { RecurringRideView } from '../../domain/booking/recurring-ride.schema.js';
import { formatMinutes, fromDbDate, toDbDate } from '../../domain/common/time.js';
import { clientName } from '../../domain/booking/client-name.js';

type Row = RecurringRide & { client: Client; fromPlace: Place; toPlace: Place };
const include = { client: true, fromPlace: true, toPlace: true } as const;

export function toRecurringRideView(r: Row): RecurringRideView {
  const time = formatMinutes(r.timeMin);
  return {
    id: r.id,
    client: { id: r.client.id, name: clientName(r.client) },
    from: { id: r.fromPlace.id, name: r.fromPlace.name },
    to: { id: r.toPlace.id, name: r.toPlace.name },
    arriveBy: r.timeMode === 'ARRIVE_BY' ? time : null,
    departAfter: r.timeMode === 'DEPART_AFTER' ? time : null,
    returnDepartAfter: r.returnTimeMin === null ? null : formatMinutes(r.returnTimeMin),
    weekdays: r.weekdays,
    startDate: fromDbDate(r.startDate),
    endDate: r.endDate ? fromDbDate(r.endDate) : null,
    exceptDates: r.exceptDates.map(fromDbDate),
    wheelchair: r.wheelchair,
    assistant: r.assistant,
    notes: r.notes,
    active: r.active,
    version: r.version,
  };
}

export interface RecurringRideData {
  clientId: string;
  fromPlaceId: string;
  toPlaceId: string;
  timeMode: 'ARRIVE_BY' | 'DEPART_AFTER';
  timeMin: number;
  returnTimeMin: number | null;
  weekdays: number[];
  startDate: string;
  endDate: string | null;
  exceptDates: string[];
  wheelchair: boolean;
  assistant: boolean;
  notes: string | null;
  active: boolean;
}

const toDb = (d: Partial<RecurringRideData>) => ({
  ...d,
  ...(d.startDate !== undefined ? { startDate: toDbDate(d.startDate) } : {}),
  ...(d.endDate !== undefined ? { endDate: d.endDate === null ? null : toDbDate(d.endDate) } : {}),
  ...(d.exceptDates !== undefined ? { exceptDates: d.exceptDates.map(toDbDate) } : {}),
});

export async function insertRecurringRide(db: Db | Tx, organisationId: string, data: RecurringRideData): Promise<RecurringRideView> {
  const { startDate, endDate, exceptDates, ...rest } = toDb(data) as RecurringRideData & { startDate: Date; endDate: Date | null; exceptDates: Date[] };
  return toRecurringRideView(await db.recurringRide.create({ data: { organisationId, ...rest, startDate, endDate, exceptDates }, include }));
}

/** `clientScope` limits to patterns of those clients (src/auth/row-access.ts: a caseworker's own caseload). */
export async function findRecurringRide(db: Db | Tx, organisationId: string, id: string, clientScope?: Prisma.ClientWhereInput): Promise<RecurringRideView | null> {
  const r = await db.recurringRide.findFirst({ where: { organisationId, id, ...(clientScope ? { client: clientScope } : {}) }, include });
  return r ? toRecurringRideView(r) : null;
}

export async function listRecurringRides(
  db: Db | Tx,
  organisationId: string,
  filter: { clientId?: string },
  clientScope?: Prisma.ClientWhereInput,
): Promise<RecurringRideView[]> {
  const rows = await db.recurringRide.findMany({
    where: { organisationId, ...(filter.clientId ? { clientId: filter.clientId } : {}), ...(clientScope ? { client: clientScope } : {}) },
    include,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toRecurringRideView);
}

export async function updateRecurringRideVersioned(
  tx: Tx,
  organisationId: string,
  id: string,
  version: number,
  data: Partial<RecurringRideData>,
): Promise<boolean> {
  const { count } = await tx.recurringRide.updateMany({
    where: { organisationId, id, version },
    data: { ...(toDb(data) as object), version: { increment: 1 } },
  });
  return count === 1;
}

/** Active patterns (of one organisation, or of all for the daily run) as stored. */
export function loadActivePatterns(db: Db | Tx, organisationId?: string) {
  return db.recurringRide.findMany({ where: { active: true, ...(organisationId ? { organisationId } : {}) }, orderBy: { id: 'asc' } });
}
export type StoredPattern = Awaited<ReturnType<typeof loadActivePatterns>>[number];

/** The rides (any status) a pattern already has in a date range, by "date:leg". */
export async function materialisedLegs(
  db: Db | Tx,
  recurringRideId: string,
  from: string,
  until: string,
): Promise<Map<string, { id: string; status: string }>> {
  const rows = await db.ride.findMany({
    where: { recurringRideId, serviceDate: { gte: toDbDate(from), lte: toDbDate(until) } },
    select: { id: true, status: true, serviceDate: true, recurringLeg: true },
  });
  return new Map(rows.map((r) => [`${fromDbDate(r.serviceDate)}:${r.recurringLeg}`, { id: r.id, status: r.status }]));
}
