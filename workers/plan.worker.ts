/**
 * The plan-day job processor: parse the payload, take the day's lock, run the use case, report.
 * Retries: an operational failure (database, Redis, OSRM) throws and BullMQ retries with backoff;
 * the last failed attempt marks the plan FAILED with the reason. A bad payload is unrecoverable.
 */
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import type { TravelTimeProvider } from '../src/routing/types.js';
import { PLANNING_QUEUE, PLAN_DAY_JOB, PlanDayPayloadSchema, type PlanDayPayload, type PlanDayResult } from '../src/queue/jobs.js';
import { DayLock, planDayLockKey } from '../src/queue/day-lock.js';
import { planServiceDay, PlanNotFoundError } from '../src/domain/plan/plan-service-day.js';
import { planningSeconds } from '../src/domain/plan/planning-budget.js';
import { solveInThread } from './solve-in-thread.js';
import { createPlanChangeFeed } from '../src/queue/plan-change-feed.js';

export interface PlanWorkerDeps {
  readonly db: Db;
  /** Connection for BullMQ (maxRetriesPerRequest: null). */
  readonly connection: Redis;
  readonly prefix: string;
  readonly travelTimes: TravelTimeProvider;
  readonly log: Logger;
  /** The most one solve may take; a day gets a second per RIDES_PER_SECOND rides up to it (D39). */
  readonly timeLimitSec: number;
  /** The least one solve is given, however small the day. */
  readonly minTimeSec: number;
  readonly maxIterations?: number | undefined;
  readonly concurrency?: number;
  /** Who a re-plan's pickup-window notifications are addressed to (NOTIFY_CHANNEL; default phone). */
  readonly notifyBy?: 'phone' | 'email' | undefined;
  /**
   * How long a job's lock (and the day's lease) lasts without renewal: after a worker dies, its
   * job is retried by another worker once this has passed. Default 30 s (BullMQ's default).
   */
  readonly lockMs?: number;
  /** How often this worker looks for jobs whose worker died. Default 30 s. */
  readonly stalledIntervalMs?: number;
  /** The clock (what "today" and "now" are for a day under way); tests set the API's. */
  readonly now?: () => Date;
}

/** How long a job waits before trying again when another worker is planning the same day. */
const LOCKED_RETRY_MS = 3_000;

export function createPlanWorker(deps: PlanWorkerDeps): Worker<PlanDayPayload, PlanDayResult, typeof PLAN_DAY_JOB> {
  const lockMs = deps.lockMs ?? 30_000;
  // Publish only: its subscriber connection is made on the first subscribe, which never happens here.
  const changes = createPlanChangeFeed({ redis: deps.connection, keyPrefix: deps.prefix, log: deps.log });
  const processor = async (job: Job<PlanDayPayload, PlanDayResult, typeof PLAN_DAY_JOB>, token?: string): Promise<PlanDayResult> => {
    const parsed = PlanDayPayloadSchema.safeParse(job.data);
    if (!parsed.success) {
      throw new UnrecoverableError(`invalid plan-day payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const payload = parsed.data;
    const log = deps.log.child({ jobId: job.id, planId: payload.planId, organisationId: payload.organisationId, date: payload.date });

    const lock = await DayLock.acquire(deps.connection, planDayLockKey(deps.prefix, payload.organisationId, payload.date), lockMs);
    if (!lock) {
      log.info('another worker is planning this day; waiting');
      await job.moveToDelayed(Date.now() + LOCKED_RETRY_MS, token);
      throw new DelayedError();
    }
    let lastPercent = -1;
    let lastWrite = 0;
    const onProgress = async (percent: number) => {
      const p = Math.min(100, Math.max(0, Math.round(percent)));
      if (p === lastPercent) return;
      lastPercent = p;
      await job.updateProgress(p);
      // The plan row carries progress too, for GET /plans/:id; at most one write a second.
      if (Date.now() - lastWrite >= 1000 || p >= 95) {
        lastWrite = Date.now();
        await deps.db.plan.updateMany({ where: { id: payload.planId, status: 'RUNNING' }, data: { progress: p } });
      }
    };
    try {
      log.info('planning started');
      const summary = await planServiceDay(
        {
          db: deps.db,
          travelTimes: deps.travelTimes,
          now: deps.now ?? (() => new Date()),
          notifyBy: deps.notifyBy,
          solve: (instance, report, start) => {
            // A re-solve of this planning's last round needs a share of the time; a re-plan starting
            // from the previous plan gets the whole budget, as the dispatcher asked for a new plan.
            const timeLimitSec = planningSeconds(instance.requests.length, { limitSec: deps.timeLimitSec, minSec: deps.minTimeSec }, start?.from === 'last-round');
            log.info({ rides: instance.requests.length, timeLimitSec, startFrom: start?.from ?? 'empty' }, 'optimiser started');
            return solveInThread(
              instance,
              { timeLimitSec, seed: 1, ...(deps.maxIterations ? { maxIterations: deps.maxIterations } : {}), ...(start ? { initialRoutes: start.routes } : {}) },
              report,
            );
          },
        },
        payload.planId,
        onProgress,
      );
      log.info(summary, 'planning finished');
      // Open day boards and drivers' pages read the new plan at once (D28); a re-plan of a
      // published day is published when it is written, so drivers must hear of it.
      if (!summary.alreadyDone) {
        const done = await deps.db.plan.findUnique({ where: { id: payload.planId }, select: { version: true } });
        if (done) await changes.publish(payload.organisationId, { planId: payload.planId, date: payload.date, version: done.version, kind: 'REPLAN' });
      }
      return summary;
    } catch (err) {
      if (err instanceof PlanNotFoundError) throw new UnrecoverableError(err.message);
      const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.error({ err, attempt: job.attemptsMade + 1, finalAttempt }, 'planning failed');
      await deps.db.plan
        .updateMany({
          where: { id: payload.planId, status: { in: ['QUEUED', 'RUNNING'] } },
          data: finalAttempt
            ? { status: 'FAILED', error: (err as Error).message, finishedAt: new Date() }
            : { status: 'QUEUED', error: `próba ${job.attemptsMade + 1} nieudana, ponowienie / attempt failed, retrying: ${(err as Error).message}` },
        })
        .catch((e: unknown) => log.error({ err: e }, 'could not record the failure'));
      throw err;
    } finally {
      await lock.release().catch(() => undefined);
    }
  };
  return new Worker<PlanDayPayload, PlanDayResult, typeof PLAN_DAY_JOB>(PLANNING_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 1,
    lockDuration: lockMs,
    stalledInterval: deps.stalledIntervalMs ?? 30_000,
  });
}
