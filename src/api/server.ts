/** The API process: configuration, connections, listen, and a graceful stop on SIGTERM/SIGINT. */
import { loadConfig } from '../config.js';
import { runProcess, stopOnSignals } from '../run-process.js';
import { createLogger } from '../logger.js';
import { createDb } from '../db/client.js';
import { createRedis } from '../queue/connection.js';
import { createPlanQueue, enqueuePlanDay } from '../queue/plan-queue.js';
import { buildApp } from './app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { process: 'api' });
  const db = createDb(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, 'client');
  // ioredis reconnects by itself; /ready reports the outage meanwhile.
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const queue = createPlanQueue(redis, config.QUEUE_PREFIX, config.PLAN_JOB_ATTEMPTS);
  const app = buildApp({
    db,
    redis,
    log,
    enqueuePlan: (p) => enqueuePlanDay(queue, p),
    now: () => new Date(),
    defaultOrganisation: config.DEFAULT_ORGANISATION,
    redisUrl: config.REDIS_URL,
    queuePrefix: config.QUEUE_PREFIX,
    mapTileUrl: config.MAP_TILE_URL,
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
