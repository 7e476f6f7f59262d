/**
 * What an integration test needs: the app in process on this run's database and Redis prefix,
 * a worker when planning is involved, and a fresh organisation per test.
 */
import { createHash, randomBytes } from 'node:crypto';
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
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

const estimate = createTravelTimeProvider({});
import { SROKOWO_BOUNDARY } from '../../prisma/demo-srokowo.js';
import type { Redis } from 'ioredis';
import type { Role } from '../../src/domain/organisation/organisation-context.js';

export interface TestContext {
  readonly db: Db;
  readonly baseUrl: string;
  readonly queue: PlanQueue;
  readonly redis: Redis;
  readonly prefix: string;
  /**
   * Creates an organisation with a random slug and an ADMIN API token for it, which apiFor(…, slug)
   * then sends (issue #7); returns its id, slug and that token.
   */
  newOrganisation(withBoundary?: boolean): Promise<{ id: string; slug: string; token: string }>;
  /** An API token of the organisation with these roles (and provider), for role tests. */
  newToken(organisationId: string, roles: readonly Role[], providerId?: string): Promise<string>;
  /** Starts a plan worker in this process. */
  startWorker(
    travelTimes: TravelTimeProvider,
    options?: { maxIterations?: number; timeLimitSec?: number; lockMs?: number; stalledIntervalMs?: number },
  ): ReturnType<typeof createPlanWorker>;
  close(): Promise<void>;
}

export async function createTestContext(options: { now?: () => Date; installationAdmins?: readonly string[] } = {}): Promise<TestContext> {
  const databaseUrl = inject('databaseUrl');
  // Each test file gets its own queue, so one file's workers never take another file's jobs.
  // (Global teardown removes every key under the run's prefix.)
  const prefix = `${inject('queuePrefix')}_${randomBytes(3).toString('hex')}`;
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = createDb(databaseUrl);
  const redis = createRedis(inject('redisUrl'), 'client');
  const workerConnection = createRedis(inject('redisUrl'), 'worker');
  const queue = createPlanQueue(redis, prefix, 3);
  // The API's live plan edits use the same travel times as the worker the test starts.
  let travelTimes: TravelTimeProvider | undefined;
  const sharedTravelTimes: TravelTimeProvider = {
    get source() {
      return travelTimes?.source ?? 'estimate';
    },
    matrix: (points, o) => (travelTimes ?? estimate).matrix(points, o),
    route: (points) => (travelTimes ?? estimate).route(points),
  };
  const app = buildApp({
    travelTimes: sharedTravelTimes,
    db,
    redis,
    log,
    enqueuePlan: (p) => enqueuePlanDay(queue, p),
    now: options.now ?? (() => new Date()),
    redisUrl: inject('redisUrl'),
    queuePrefix: prefix,
    installationAdmins: options.installationAdmins,
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
      const token = await createTestToken(db, org.id, ['ADMIN']);
      tokensBySlug.set(slug, token);
      return { id: org.id, slug, token };
    },
    newToken: (organisationId, roles, providerId) => createTestToken(db, organisationId, roles, providerId),
    startWorker(workerTravelTimes, o = {}) {
      travelTimes = workerTravelTimes;
      const timeLimitSec = o.timeLimitSec ?? 30;
      const w = createPlanWorker({
        db,
        connection: workerConnection,
        prefix,
        travelTimes: workerTravelTimes,
        log,
        timeLimitSec,
        // The iteration cap ends every test plan first, so plans repeat whatever the day's size.
        minTimeSec: timeLimitSec,
        maxIterations: o.maxIterations ?? 200,
        // The worker's day and hour are the API's: a test's fixed clock holds for both.
        ...(options.now ? { now: options.now } : {}),
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

// slug → the ADMIN token newOrganisation made, so apiFor(baseUrl, slug) signs in transparently.
const tokensBySlug = new Map<string, string>();

async function createTestToken(db: Db, organisationId: string, roles: readonly Role[], providerId?: string): Promise<string> {
  const token = `dwz_test_${randomBytes(24).toString('base64url')}`;
  await db.apiToken.create({
    data: {
      organisationId,
      name: `test ${roles.join(',')}`,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      prefix: token.slice(0, 12),
      roles: [...roles],
      providerId: providerId ?? null,
      createdBy: 'test',
    },
  });
  return token;
}

/** The ADMIN token of an organisation made by newOrganisation. */
export function tokenFor(slug: string): string {
  const token = tokensBySlug.get(slug);
  if (!token) throw new Error(`no API token for organisation ${slug}: create it with ctx.newOrganisation()`);
  return token;
}

/**
 * A small JSON HTTP client bound to one organisation, authenticated with its ADMIN token; pass
 * { token } to act with another token (a role test) instead.
 */
export function apiFor(baseUrl: string, slug: string, options: { token?: string } = {}) {
  const call = async (method: string, path: string, body?: unknown) => {
    const token = options.token ?? tokenFor(slug);
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    // Bytes kept for binary answers (PDF); text and JSON read from them.
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, body: json, text, bytes, headers: res.headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}
