/**
 * Anonymises clients past their organisation's retention period, every night at 02:30 in Warsaw,
 * and drops expired sessions.
 * Idempotent (anonymised clients are skipped), so retries, overlaps and a crash half-way are harmless.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import { ANONYMISE_INACTIVE_JOB, AnonymiseInactivePayloadSchema, CLIENT_RETENTION_QUEUE, type AnonymiseInactivePayload } from '../src/queue/jobs.js';
import { anonymiseInactiveClients, anonymiseInactiveClientsEverywhere } from '../src/domain/account/anonymise-inactive-clients.js';
import { deleteExpiredSessions } from '../src/auth/expire-sessions.js';

export function createAnonymiseClientsWorker(deps: { db: Db; connection: Redis; prefix: string; log: Logger; now?: () => Date }) {
  return new Worker<AnonymiseInactivePayload>(
    CLIENT_RETENTION_QUEUE,
    async (job) => {
      const parsed = AnonymiseInactivePayloadSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ${ANONYMISE_INACTIVE_JOB} payload: ${parsed.error.message}`);
      const { organisationId } = parsed.data;
      const now = (deps.now ?? (() => new Date()))();
      const results = organisationId
        ? [await anonymiseInactiveClients(deps.db, organisationId, now)]
        : await anonymiseInactiveClientsEverywhere(deps.db, now);
      const anonymised = results.reduce((n, r) => n + r.anonymised, 0);
      const sessionsDeleted = await deleteExpiredSessions(deps.db, now, organisationId);
      deps.log.info({ jobId: job.id, anonymised, organisations: results.length, sessionsDeleted }, 'inactive clients anonymised, expired sessions dropped');
      return { anonymised, sessionsDeleted };
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
}

/** Registers the nightly run (one scheduler, whatever the number of workers). */
export async function scheduleNightlyAnonymisation(connection: Redis, prefix: string): Promise<Queue<AnonymiseInactivePayload>> {
  const queue = new Queue<AnonymiseInactivePayload>(CLIENT_RETENTION_QUEUE, { connection, prefix });
  await queue.upsertJobScheduler('nightly-anonymise-inactive-clients', { pattern: '30 2 * * *', tz: 'Europe/Warsaw' }, { name: ANONYMISE_INACTIVE_JOB, data: {} });
  return queue;
}
