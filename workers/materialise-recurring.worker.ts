/**
 * Makes every active weekly pattern's rides for the booking horizon, once a day at 05:00 in
 * Warsaw (and whenever the job is added by hand). Idempotent, so a retry or an overlap is harmless.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import {
  MAINTENANCE_QUEUE,
  MATERIALISE_RECURRING_JOB,
  MaterialiseRecurringPayloadSchema,
  type MaterialiseRecurringPayload,
} from '../src/queue/jobs.js';
import { materialiseRecurringRides } from '../src/domain/booking/materialise-recurring-rides.js';
import { todayIn } from '../src/domain/common/time.js';

export function createMaterialiseRecurringWorker(deps: { db: Db; connection: Redis; prefix: string; log: Logger }) {
  return new Worker<MaterialiseRecurringPayload>(
    MAINTENANCE_QUEUE,
    async (job) => {
      const parsed = MaterialiseRecurringPayloadSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ${MATERIALISE_RECURRING_JOB} payload: ${parsed.error.message}`);
      const result = await materialiseRecurringRides(deps.db, {
        from: todayIn('Europe/Warsaw'),
        ...(parsed.data.organisationId ? { organisationId: parsed.data.organisationId } : {}),
      });
      deps.log.info({ jobId: job.id, ...result }, 'recurring rides materialised');
      return result;
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
}

/** Registers the daily run (idempotent: one scheduler, whatever the number of workers). */
export async function scheduleDailyMaterialisation(connection: Redis, prefix: string): Promise<Queue<MaterialiseRecurringPayload>> {
  const queue = new Queue<MaterialiseRecurringPayload>(MAINTENANCE_QUEUE, { connection, prefix });
  await queue.upsertJobScheduler('daily-materialise-recurring', { pattern: '0 5 * * *', tz: 'Europe/Warsaw' }, { name: MATERIALISE_RECURRING_JOB, data: {} });
  return queue;
}
