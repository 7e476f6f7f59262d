import type { Db } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import { findStalePlans } from '../src/db/repositories/plan.repo.js';
import { fromDbDate } from '../src/domain/common/time.js';
import { planJobId } from '../src/queue/jobs.js';
import { enqueuePlanDay, type PlanQueue } from '../src/queue/plan-queue.js';

/**
 * The safety net that keeps a plan from being lost: a plan still QUEUED or RUNNING after a while
 * whose job is missing (Redis was down when it was requested, or was flushed) is queued again
 * under the same job id; one whose job has failed for good is marked FAILED with the job's reason.
 */
export async function requeueStalePlans(deps: { db: Db; queue: PlanQueue; log: Logger }, olderThanMs = 60_000): Promise<number> {
  const stale = await findStalePlans(deps.db, new Date(Date.now() - olderThanMs));
  let requeued = 0;
  for (const p of stale) {
    const payload = { organisationId: p.organisationId, planId: p.id, date: fromDbDate(p.serviceDate), revision: p.revision };
    const job = await deps.queue.getJob(planJobId(payload));
    if (!job) {
      await enqueuePlanDay(deps.queue, payload);
      requeued++;
      deps.log.warn({ planId: p.id }, 'plan had no job: queued again');
    } else if ((await job.getState()) === 'failed') {
      await deps.db.plan.updateMany({
        where: { id: p.id, status: { in: ['QUEUED', 'RUNNING'] } },
        data: { status: 'FAILED', error: job.failedReason ?? 'job failed', finishedAt: new Date() },
      });
    }
  }
  return requeued;
}
