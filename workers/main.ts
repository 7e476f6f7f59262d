/** The worker process: plans days from the queue until SIGTERM, then finishes (or returns) its job. */
import { loadConfig, notifyRecipient } from '../src/config.js';
import { runProcess, stopOnSignals } from '../src/run-process.js';
import { createLogger } from '../src/logger.js';
import { createDb } from '../src/db/client.js';
import { createRedis } from '../src/queue/connection.js';
import { createPlanQueue } from '../src/queue/plan-queue.js';
import { travelTimesFromConfig } from '../src/routing/travel-times-from-config.js';
import { withRouteGeometryCache } from '../src/routing/route-geometry-cache.js';
import { createPlanWorker } from './plan.worker.js';
import { requeueStalePlans } from './requeue-stale-plans.js';
import { createMaterialiseRecurringWorker, scheduleDailyMaterialisation } from './materialise-recurring.worker.js';
import { createAnonymiseClientsWorker, scheduleNightlyAnonymisation } from './anonymise-clients.worker.js';
import { createCloseMissedRidesWorker, scheduleDailyMissedRides } from './close-missed-rides.worker.js';
import { createNotificationQueue } from '../src/queue/notification-queue.js';
import { emailChannel, logChannel, smsChannel } from '../src/domain/notification/channels.js';
import { createNotificationWorker, dispatchPendingNotifications, scheduleEveningNotifications } from './notification.worker.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { process: 'worker' });
  const db = createDb(config.DATABASE_URL);
  const connection = createRedis(config.REDIS_URL, 'worker');
  connection.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queue = createPlanQueue(connection, config.QUEUE_PREFIX, config.PLAN_JOB_ATTEMPTS);
  // Matrix cells are shared by all workers: re-planning a day asks OSRM nothing new.
  const roads = travelTimesFromConfig(config, connection);
  const travelTimes =
    roads.source === 'osrm'
      ? withRouteGeometryCache(roads, {
          redis: connection,
          profile: config.OSRM_PROFILE,
          version: config.OSRM_DATA_VERSION,
          ttlSec: config.OSRM_CACHE_TTL_SEC,
          keyPrefix: `${config.QUEUE_PREFIX}:route`,
        })
      : roads;
  if (travelTimes.source === 'estimate') {
    log.warn('OSRM_URL is not set: travel times are a great-circle estimate, and every plan says so');
  }
  const worker = createPlanWorker({
    db,
    connection,
    prefix: config.QUEUE_PREFIX,
    travelTimes,
    log,
    timeLimitSec: config.PLAN_TIME_LIMIT_SEC,
    minTimeSec: config.PLAN_MIN_TIME_SEC,
    maxIterations: config.PLAN_MAX_ITERATIONS,
    lockMs: config.PLAN_JOB_LOCK_MS,
    stalledIntervalMs: Math.min(30_000, config.PLAN_JOB_LOCK_MS),
    notifyBy: notifyRecipient(config),
  });
  const maintenance = createMaterialiseRecurringWorker({ db, connection, prefix: config.QUEUE_PREFIX, log });
  const maintenanceQueue = await scheduleDailyMaterialisation(connection, config.QUEUE_PREFIX);
  const retention = createAnonymiseClientsWorker({ db, connection, prefix: config.QUEUE_PREFIX, log });
  const retentionQueue = await scheduleNightlyAnonymisation(connection, config.QUEUE_PREFIX);
  const closing = createCloseMissedRidesWorker({ db, connection, prefix: config.QUEUE_PREFIX, log });
  const closingQueue = await scheduleDailyMissedRides(connection, config.QUEUE_PREFIX);
  const notificationQueue = createNotificationQueue(connection, config.QUEUE_PREFIX, config.NOTIFY_SEND_ATTEMPTS);
  const channel =
    config.NOTIFY_CHANNEL === 'sms'
      ? smsChannel({ url: config.NOTIFY_SMS_URL!, token: config.NOTIFY_SMS_TOKEN!, timeoutMs: config.NOTIFY_SMS_TIMEOUT_MS })
      : config.NOTIFY_CHANNEL === 'email'
        ? emailChannel({ url: config.NOTIFY_SMTP_URL!, from: config.NOTIFY_EMAIL_FROM!, timeoutMs: config.NOTIFY_SMS_TIMEOUT_MS })
        : logChannel(log);
  const notifier = createNotificationWorker({ db, connection, prefix: config.QUEUE_PREFIX, log, channel });
  notifier.on('failed', (job, err) => log.warn({ jobId: job?.id, err: err.message }, 'notification attempt failed'));
  await scheduleEveningNotifications(notificationQueue, config.NOTIFY_EVENING_TIME);
  // The outbox sweep: notifications recorded by the API (or by a plan edit) are sent within seconds.
  const outbox = setInterval(() => {
    dispatchPendingNotifications(db, notificationQueue).catch((err: unknown) => log.error({ err }, 'notification sweep failed'));
  }, 5_000);
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, err: err.message }, 'job failed'));
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  const sweep = setInterval(() => {
    requeueStalePlans({ db, queue, log }).catch((err: unknown) => log.error({ err }, 'sweep failed'));
  }, 60_000);
  log.info({ queue: 'planning', prefix: config.QUEUE_PREFIX, travelTimes: travelTimes.source, notifications: channel.name }, 'worker ready');

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping: finishing the current job');
    clearInterval(sweep);
    clearInterval(outbox);
    await Promise.all([worker.close(), maintenance.close(), notifier.close(), retention.close(), closing.close()]);
    await Promise.all([queue.close(), maintenanceQueue.close(), notificationQueue.close(), retentionQueue.close(), closingQueue.close()]);
    connection.disconnect();
    await db.$disconnect();
  };
  stopOnSignals(stop);
}

runProcess(main);
