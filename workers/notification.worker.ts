/**
 * Sends recorded notifications through the configured channel, and tells tomorrow's clients
 * their pickup windows once a day (default 18:00 Warsaw). The notification rows are the outbox:
 * a sweep queues every PENDING one, so a notification recorded while Redis was away, or whose
 * job was lost, is still sent. Sending is idempotent (domain/notification/send-notification.ts).
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Db } from '../src/db/client.js';
import type { Logger } from '../src/logger.js';
import {
  EVENING_NOTIFY_JOB,
  EveningNotifyPayloadSchema,
  NOTIFICATIONS_QUEUE,
  SEND_NOTIFICATION_JOB,
  SendNotificationPayloadSchema,
  type EveningNotifyPayload,
  type SendNotificationPayload,
} from '../src/queue/jobs.js';
import { enqueueNotifications, type NotificationQueue } from '../src/queue/notification-queue.js';
import type { NotificationChannel } from '../src/domain/notification/channels.js';
import { pendingNotificationIds, sendNotification } from '../src/domain/notification/send-notification.js';
import { notifyEveningBefore } from '../src/domain/notification/notify-evening-before.js';
import { parseTimeOfDay } from '../src/domain/common/time.js';

export interface NotificationWorkerDeps {
  readonly db: Db;
  readonly connection: Redis;
  readonly prefix: string;
  readonly log: Logger;
  readonly channel: NotificationChannel;
  readonly now?: () => Date;
}

export function createNotificationWorker(deps: NotificationWorkerDeps) {
  const now = deps.now ?? (() => new Date());
  return new Worker<SendNotificationPayload | EveningNotifyPayload>(
    NOTIFICATIONS_QUEUE,
    async (job: Job<SendNotificationPayload | EveningNotifyPayload>) => {
      if (job.name === SEND_NOTIFICATION_JOB) {
        const parsed = SendNotificationPayloadSchema.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`invalid ${SEND_NOTIFICATION_JOB} payload: ${parsed.error.message}`);
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const outcome = await sendNotification({ db: deps.db, now }, deps.channel, parsed.data.notificationId, lastAttempt);
        if (outcome === 'FAILED') deps.log.warn({ jobId: job.id }, 'notification could not be sent; given up');
        return outcome;
      }
      if (job.name === EVENING_NOTIFY_JOB) {
        const parsed = EveningNotifyPayloadSchema.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`invalid ${EVENING_NOTIFY_JOB} payload: ${parsed.error.message}`);
        const result = await notifyEveningBefore({ db: deps.db, now, notifyBy: deps.channel.address }, parsed.data);
        deps.log.info({ jobId: job.id, ...result }, 'evening-before notifications recorded');
        return result;
      }
      throw new UnrecoverableError(`unknown job ${job.name}`);
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 4 },
  );
}

/** Queues every PENDING notification (the outbox sweep); returns how many were found. */
export async function dispatchPendingNotifications(db: Db, queue: NotificationQueue): Promise<number> {
  const ids = await pendingNotificationIds(db);
  await enqueueNotifications(queue, ids);
  return ids.length;
}

/** Registers the daily evening-before run at "HH:MM" Warsaw time (one scheduler for all workers). */
export async function scheduleEveningNotifications(queue: NotificationQueue, time: string): Promise<void> {
  const minutes = parseTimeOfDay(time);
  await queue.upsertJobScheduler(
    'daily-notify-evening-before',
    { pattern: `${minutes % 60} ${Math.floor(minutes / 60)} * * *`, tz: 'Europe/Warsaw' },
    { name: EVENING_NOTIFY_JOB, data: {} },
  );
}
