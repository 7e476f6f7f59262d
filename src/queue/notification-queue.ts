import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  NOTIFICATIONS_QUEUE,
  SEND_NOTIFICATION_JOB,
  notificationJobId,
  type EveningNotifyPayload,
  type SendNotificationPayload,
} from './jobs.js';

export type NotificationQueue = Queue<SendNotificationPayload | EveningNotifyPayload>;

/** Retries back off exponentially from 30 s: 6 attempts span about half an hour of gateway outage. */
export function createNotificationQueue(connection: Redis, prefix: string, attempts: number, backoffMs = 30_000): NotificationQueue {
  return new Queue<SendNotificationPayload | EveningNotifyPayload>(NOTIFICATIONS_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

/** Queues the sending of recorded notifications; one job per notification whatever the repeats. */
export async function enqueueNotifications(queue: NotificationQueue, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await queue.addBulk(ids.map((id) => ({ name: SEND_NOTIFICATION_JOB, data: { notificationId: id }, opts: { jobId: notificationJobId(id) } })));
}
