/**
 * Closes rides of past days that nobody served as MISSED, every morning at 03:30 in Warsaw (each
 * organisation by its own clock; a day the job did not run is caught up by the next run).
 * Idempotent, so retries and overlaps are harmless. IN_PROGRESS rides of past days are logged,
 * not closed: the dispatcher settles them.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import { CLOSE_MISSED_RIDES_JOB, CloseMissedRidesPayloadSchema, RIDE_CLOSING_QUEUE, type CloseMissedRidesPayload } from '../src/queue/jobs.js';
import { closeMissedRides, closeMissedRidesEverywhere } from '../src/domain/booking/close-missed-rides.js';

export function createCloseMissedRidesWorker(deps: { db: Db; connection: Redis; prefix: string; log: Logger; now?: () => Date }) {
  return new Worker<CloseMissedRidesPayload>(
    RIDE_CLOSING_QUEUE,
    async (job) => {
      const parsed = CloseMissedRidesPayloadSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ${CLOSE_MISSED_RIDES_JOB} payload: ${parsed.error.message}`);
      const { organisationId } = parsed.data;
      const now = (deps.now ?? (() => new Date()))();
      const results = organisationId ? [await closeMissedRides(deps.db, organisationId, now)] : await closeMissedRidesEverywhere(deps.db, now);
      const missed = results.reduce((n, r) => n + r.missed, 0);
      const notClosed = results.flatMap((r) => r.notClosed.map((x) => ({ organisationId: r.organisationId, ...x })));
      if (notClosed.length > 0) deps.log.warn({ jobId: job.id, notClosed }, 'rides of past days still in progress (picked up, no drop-off reported): left for the dispatcher');
      deps.log.info({ jobId: job.id, missed, organisations: results.length }, 'rides of past days nobody served closed as missed');
      return { missed, notClosed };
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
}

/** Registers the daily run (one scheduler, whatever the number of workers). */
export async function scheduleDailyMissedRides(connection: Redis, prefix: string): Promise<Queue<CloseMissedRidesPayload>> {
  const queue = new Queue<CloseMissedRidesPayload>(RIDE_CLOSING_QUEUE, { connection, prefix });
  await queue.upsertJobScheduler('daily-close-missed-rides', { pattern: '30 3 * * *', tz: 'Europe/Warsaw' }, { name: CLOSE_MISSED_RIDES_JOB, data: {} });
  return queue;
}
