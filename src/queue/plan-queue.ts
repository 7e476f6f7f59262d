import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { PLANNING_QUEUE, PLAN_DAY_JOB, planJobId, type PlanDayPayload, type PlanDayResult } from './jobs.js';

export type PlanQueue = Queue<PlanDayPayload, PlanDayResult, typeof PLAN_DAY_JOB>;

export function createPlanQueue(connection: Redis, prefix: string, attempts: number): PlanQueue {
  return new Queue<PlanDayPayload, PlanDayResult, typeof PLAN_DAY_JOB>(PLANNING_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts,
      backoff: { type: 'exponential', delay: 5_000 },
      // Keep finished jobs for a while for the queue dashboard; the database holds the plan itself.
      removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

export async function enqueuePlanDay(queue: PlanQueue, payload: PlanDayPayload): Promise<void> {
  await queue.add(PLAN_DAY_JOB, payload, { jobId: planJobId(payload) });
}
