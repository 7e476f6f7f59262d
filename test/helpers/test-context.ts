/**
 * What an integration test needs: the app in process on this run's database and Redis prefix,
 * a worker when planning is involved, and a fresh organisation per test.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { createDb, type Db } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { createRedis } from '../../src/queue/connection.js';
import { createPlanQueue, enqueuePlanDay, type PlanQueue } from '../../src/queue/plan-queue.js';
import { createPlanWorker } from '../../workers/plan.worker.js';
import type { TravelTimeProvider } from '../../src/routing/types.js';
import { SROKOWO_BOUNDARY } from '../../prisma/demo-srokowo.js';
import type { Redis } from 'ioredis';

export interface TestContext {
  readonly db: Db;
  readonly baseUrl: string;
  readonly queue: PlanQueue;
  readonly redis: Redis;
  readonly prefix: string;
  /** Creates an organisation with a random slug; returns its id and slug. */
  newOrganisation(withBoundary?: boolean): Promise<{ id: string; slug: string }>;
  /** Starts a plan worker in this process. */
  startWorker(
    travelTimes: TravelTimeProvider,
    options?: { maxIterations?: number; timeLimitSec?: number; lockMs?: number; stalledIntervalMs?: number },
  ): ReturnType<typeof createPlanWorker>;
  close(): Promise<void>;
}

export async function createTestContext(options: { now?: () => Date } = {}): Promise<TestContext> {
  const databaseUrl = inject('databaseUrl');
  // Each test file gets its own queue, so one file's workers never take another file's jobs.
  // (Global teardown removes every key under the run's prefix.)
  const prefix = `${inject('queuePrefix')}_${randomBytes(3).toString('hex')}`;
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = createDb(databaseUrl);
  const redis = createRedis(inject('redisUrl'), 'client');
  const workerConnection = createRedis(inject('redisUrl'), 'worker');
  const queue = createPlanQueue(redis, prefix, 3);
  const app = buildApp({
    db,
    redis,
    log,
    enqueuePlan: (p) => enqueuePlanDay(queue, p),
    now: options.now ?? (() => new Date()),
    redisUrl: inject('redisUrl'),
    queuePrefix: prefix,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const workers: ReturnType<typeof createPlanWorker>[] = [];
  return {
    db,
    queue,
    redis,
    prefix,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async newOrganisation(withBoundary = true) {
      const slug = `test-${randomBytes(5).toString('hex')}`;
      const org = await db.organisation.create({
        data: { slug, name: `Test ${slug}`, gminaName: 'Srokowo', ...(withBoundary ? { boundary: SROKOWO_BOUNDARY } : {}) },
      });
      return { id: org.id, slug };
    },
    startWorker(travelTimes, o = {}) {
      const w = createPlanWorker({
        db,
        connection: workerConnection,
        prefix,
        travelTimes,
        log,
        timeLimitSec: o.timeLimitSec ?? 30,
        maxIterations: o.maxIterations ?? 200,
        ...(o.lockMs ? { lockMs: o.lockMs } : {}),
        ...(o.stalledIntervalMs ? { stalledIntervalMs: o.stalledIntervalMs } : {}),
      });
      workers.push(w);
      return w;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await new Promise((r) => server.close(r));
      await queue.close();
      redis.disconnect();
      workerConnection.disconnect();
      await db.$disconnect();
    },
  };
}

/** A small JSON HTTP client bound to one organisation. */
export function apiFor(baseUrl: string, slug: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'X-Organisation': slug, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}
