import type { Db, Tx } from '../client.js';
import { Prisma } from '../generated/client.js';
import { toDbDate } from '../../domain/common/time.js';

/** Creates the next revision of a day's plan, QUEUED. Two concurrent calls get different revisions. */
export async function insertNextPlanRevision(db: Db, organisationId: string, date: string, keepLocked = true): Promise<{ id: string; revision: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.plan.aggregate({ where: { organisationId, serviceDate: toDbDate(date) }, _max: { revision: true } });
        const revision = (last._max.revision ?? 0) + 1;
        const plan = await tx.plan.create({ data: { organisationId, serviceDate: toDbDate(date), revision, keepLocked }, select: { id: true, revision: true } });
        return plan;
      });
    } catch (err) {
      // Unique (organisation, date, revision) taken by a concurrent request: take the next one.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' && attempt < 5) continue;
      throw err;
    }
  }
}

const planInclude = {
  routes: {
    include: {
      vehicle: true,
      stops: {
        include: {
          ride: { include: { client: true, fromPlace: true, toPlace: true } },
          events: { select: { kind: true, at: true }, orderBy: { at: 'asc' as const } },
        },
        orderBy: { sequence: 'asc' as const },
      },
    },
    orderBy: { startSec: 'asc' as const },
  },
  unassigned: { include: { ride: { include: { client: true, fromPlace: true, toPlace: true } } } },
  // What changed in the live plan, newest first (issue #8): by the version each change produced
  // (versions only grow), then by time. Not by time first: the re-plan's entry is stamped by the
  // database's clock, the edits by the server's.
  changes: { orderBy: [{ version: 'desc' as const }, { at: 'desc' as const }], take: 500 },
} satisfies Prisma.PlanInclude;

export type PlanWithRoutes = Prisma.PlanGetPayload<{ include: typeof planInclude }>;

export function findPlanWithRoutes(db: Db | Tx, organisationId: string, id: string): Promise<PlanWithRoutes | null> {
  return db.plan.findFirst({ where: { organisationId, id }, include: planInclude });
}

/** The newest finished plan of a day (the live plan); with `published`, the newest one drivers were given. */
export function findLatestDonePlan(db: Db | Tx, organisationId: string, date: string, options: { published?: boolean } = {}): Promise<PlanWithRoutes | null> {
  return db.plan.findFirst({
    where: { organisationId, serviceDate: toDbDate(date), status: 'DONE', ...(options.published ? { publishedAt: { not: null } } : {}) },
    orderBy: { revision: 'desc' },
    include: planInclude,
  });
}

/**
 * The routes of the newest finished plan of a day before `revision` (what a re-plan replaces):
 * each vehicle's stops in visit order, rides and kinds only, and the rides it left unplaced; null
 * when the day has none yet.
 */
export function findPreviousPlanRoutes(
  db: Db | Tx,
  organisationId: string,
  serviceDate: Date,
  revision: number,
): Promise<{ routes: { vehicleId: string; stops: { rideId: string; kind: 'PICKUP' | 'DROPOFF' }[] }[]; unassigned: { rideId: string }[] } | null> {
  return db.plan.findFirst({
    where: { organisationId, serviceDate, status: 'DONE', revision: { lt: revision } },
    orderBy: { revision: 'desc' },
    select: {
      routes: { select: { vehicleId: true, stops: { select: { rideId: true, kind: true }, orderBy: { sequence: 'asc' } } }, orderBy: { startSec: 'asc' } },
      unassigned: { select: { rideId: true } },
    },
  });
}

export function listPlansOfDay(db: Db | Tx, organisationId: string, date: string) {
  return db.plan.findMany({ where: { organisationId, serviceDate: toDbDate(date) }, orderBy: { revision: 'desc' } });
}

export function findPlanRow(db: Db | Tx, id: string) {
  return db.plan.findUnique({ where: { id } });
}

export function findStalePlans(db: Db, olderThan: Date) {
  return db.plan.findMany({
    where: { status: { in: ['QUEUED', 'RUNNING'] }, createdAt: { lt: olderThan } },
    select: { id: true, organisationId: true, serviceDate: true, revision: true },
    take: 1000,
  });
}
