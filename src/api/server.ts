/** The API process: configuration, connections, listen, and a graceful stop on SIGTERM/SIGINT. */
import { loadConfig, notifyRecipient } from '../config.js';
import { runProcess, stopOnSignals } from '../run-process.js';
import { createLogger } from '../logger.js';
import { createDb } from '../db/client.js';
import { createRedis } from '../queue/connection.js';
import { createPlanQueue, enqueuePlanDay } from '../queue/plan-queue.js';
import { buildApp } from './app.js';
import { travelTimesFromConfig } from '../routing/travel-times-from-config.js';
import { createGeocoder } from '../domain/address/geocoder-client.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { process: 'api' });
  const db = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, 'client');
  // ioredis reconnects by itself; /ready reports the outage meanwhile.
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queue = createPlanQueue(redis, config.QUEUE_PREFIX, config.PLAN_JOB_ATTEMPTS);
  // Live plan edits ask for travel times in the API process: the worker's provider, sharing its
  // Redis cell cache, so an edit normally asks OSRM nothing.
  const travelTimes = travelTimesFromConfig(config, redis);
  const app = buildApp({
    travelTimes,
    db,
    redis,
    log,
    enqueuePlan: (p) => enqueuePlanDay(queue, p),
    now: () => new Date(),
    notifyBy: notifyRecipient(config),
    redisUrl: config.REDIS_URL,
    queuePrefix: config.QUEUE_PREFIX,
    mapTileUrl: config.MAP_TILE_URL,
    trustProxy: config.TRUST_PROXY,
    installationAdmins: config.INSTALLATION_ADMINS,
    geocoder: config.GEOCODER_URL ? createGeocoder({ url: config.GEOCODER_URL, kind: config.GEOCODER_KIND, timeoutMs: config.GEOCODER_TIMEOUT_MS }) : undefined,
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    log.info({ url: `http://${config.HOST}:${config.PORT}` }, 'API listening');
  });
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping: no new requests, finishing open ones');
    server.close();
    server.closeIdleConnections();
    await queue.close();
    redis.disconnect();
    await db.$disconnect();
  };
  stopOnSignals(stop);
}

runProcess(main);
