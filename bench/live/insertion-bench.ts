/**
 * npm run bench:live — issue #8's target: inserting one urgent ride into a live plan of 300
 * rides and 20 vehicles takes under 1 s at p95, end to end through the HTTP API.
 *
 * Runs the real app and a plan worker in this process on a fresh PostgreSQL database and Redis
 * prefix (both removed at the end), seeds the generated day (bench/live/live-day-generator.ts),
 * plans and publishes it through the API, then books and inserts fresh urgent rides one after the
 * other, timing only POST /plans/:id/insertions. Travel times: the worker's provider as
 * configured (OSRM_URL with the Redis cell cache, or the labelled estimate).
 *
 * Options: --inserts N (default 40), --seed S (default 7). Results go to bench/results/.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../../src/api/app.js';
import { createDb } from '../../src/db/client.js';
import { ensureDatabase, migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createRedis } from '../../src/queue/connection.js';
import { createPlanQueue, enqueuePlanDay } from '../../src/queue/plan-queue.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { createRedisMatrixCellCache } from '../../src/routing/matrix-cache.js';
import { toDbDate } from '../../src/domain/common/time.js';
import { createPlanWorker } from '../../workers/plan.worker.js';
import { createRng, generateLiveDay, randomPoint } from './live-day-generator.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const INSERTS = arg('inserts', 40);
const SEED = arg('seed', 7);
const DATE = '2026-12-01';
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/dowoz_bench_${runId}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl);
  const prefix = `dowoz_bench_${runId}`;
  const log = createLogger('silent');
  const db = createDb(databaseUrl);
  const redis = createRedis(REDIS_URL, 'client');
  const workerRedis = createRedis(REDIS_URL, 'worker');
  const travelTimes = createTravelTimeProvider({
    osrmUrl: process.env.OSRM_URL ?? null,
    matrixCache: createRedisMatrixCellCache({ redis, profile: 'driving', version: 'bench', keyPrefix: `${prefix}:matrix` }),
  });
  const queue = createPlanQueue(redis, prefix, 3);
  const app = buildApp({ db, redis, log, travelTimes, enqueuePlan: (p) => enqueuePlanDay(queue, p), now: () => new Date(), redisUrl: REDIS_URL, queuePrefix: prefix });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const worker = createPlanWorker({ db, connection: workerRedis, prefix, travelTimes, log, timeLimitSec: 60, minTimeSec: 60, maxIterations: 400 });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  try {
    // The organisation, a dispatcher's API token, and the generated day written directly.
    const org = await db.organisation.create({ data: { slug: `bench-${runId}`.replace(/_/g, '-'), name: 'Bench', gminaName: 'Srokowo' } });
    const token = `dwz_bench_${randomBytes(24).toString('base64url')}`;
    await db.apiToken.create({
      data: { organisationId: org.id, name: 'bench', tokenHash: createHash('sha256').update(token).digest('hex'), prefix: token.slice(0, 12), roles: ['DISPATCHER', 'CASEWORKER'], createdBy: 'bench' },
    });
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : null,
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as any };
    };
    const day = generateLiveDay({ seed: SEED });
    const placeId = new Map(day.places.map((p) => [p.key, randomUUID()]));
    await db.place.createMany({ data: day.places.map((p) => ({ id: placeId.get(p.key)!, organisationId: org.id, kind: p.kind, name: p.name, address: `${p.name}, 11-420 Srokowo`, lat: p.lat, lon: p.lon })) });
    const clientId = new Map(day.clients.map((c) => [c.key, randomUUID()]));
    await db.client.createMany({
      data: day.clients.map((c) => ({ id: clientId.get(c.key)!, organisationId: org.id, firstName: c.firstName, lastName: c.lastName, homePlaceId: placeId.get(c.homeKey)!, mobility: c.wheelchair ? 'WHEELCHAIR' : 'WALKS' })),
    });
    const wheelchair = new Map(day.clients.map((c) => [c.key, c.wheelchair]));
    const rideIds = day.rides.map(() => randomUUID());
    await db.ride.createMany({
      data: day.rides.map((r, i) => ({
        id: rideIds[i]!, organisationId: org.id, clientId: clientId.get(r.clientKey)!, serviceDate: toDbDate(DATE), fromPlaceId: placeId.get(r.fromKey)!, toPlaceId: placeId.get(r.toKey)!,
        timeMode: r.timeMode, timeMin: r.timeMin, wheelchair: wheelchair.get(r.clientKey)!, outboundRideId: r.returnOf === null ? null : rideIds[r.returnOf]!, status: 'APPROVED' as const,
      })),
    });
    const depot = placeId.get('depot')!;
    await db.vehicle.createMany({ data: day.vehicles.map((v) => ({ ...v, organisationId: org.id, depotPlaceId: depot })) });

    const planStarted = Date.now();
    const started = await call('POST', '/plans', { date: DATE });
    if (started.status !== 202) throw new Error(`plan: ${started.status} ${JSON.stringify(started.body)}`);
    let plan: any;
    for (;;) {
      plan = (await call('GET', `/plans/${started.body.id}`)).body;
      if (plan.status === 'DONE' || plan.status === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (plan.status !== 'DONE') throw new Error(`plan failed: ${plan.error}`);
    const planSec = (Date.now() - planStarted) / 1000;
    await call('POST', `/plans/${plan.id}/publish`, {});
    console.log(`live plan: ${plan.summary.ridesPlaced} rides placed, ${plan.summary.ridesUnassigned} unassigned, ${plan.summary.vehiclesUsed} vehicles (planned in ${planSec.toFixed(1)} s)`);

    // Urgent rides, each a fresh client and booking; only the insertion is timed.
    const rng = createRng(SEED * 7919);
    const destinations = ['cus', 'health', 'rehab', 'office'].map((k) => placeId.get(k)!);
    const timings: number[] = [];
    let inserted = 0;
    let refused = 0;
    for (let k = 0; k < INSERTS; k++) {
      const home = randomPoint(rng, 14);
      const place = await call('POST', '/places', { kind: 'ADDRESS', name: `Pilny ${k + 1}`, address: `Pilny ${k + 1}, 11-420 Srokowo`, ...home });
      const client = await call('POST', '/clients', { firstName: `Pilna${k + 1}`, lastName: 'Osoba', homePlaceId: place.body.id, phone: '601 000 000' });
      const hh = 9 + Math.floor(rng() * 7);
      const mm = Math.floor(rng() * 4) * 15;
      const ride = await call('POST', '/rides', {
        date: DATE, clientId: client.body.id, toPlaceId: destinations[Math.floor(rng() * destinations.length)], arriveBy: `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`, overrideCutoff: true,
      });
      if (ride.status !== 201) throw new Error(`booking: ${ride.status} ${JSON.stringify(ride.body)}`);
      const t0 = performance.now();
      const res = await call('POST', `/plans/${plan.id}/insertions`, { rideId: ride.body.outbound.id });
      timings.push(performance.now() - t0);
      if (res.status === 200) inserted++;
      else if (res.status === 422) refused++;
      else throw new Error(`insertion: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const result = {
      date: new Date().toISOString(),
      seed: SEED,
      rides: day.rides.length,
      vehicles: day.vehicles.length,
      travelTimes: travelTimes.source,
      planSec: Math.round(planSec * 10) / 10,
      inserts: INSERTS,
      inserted,
      refused,
      p50Ms: Math.round(percentile(sorted, 50)),
      p95Ms: Math.round(percentile(sorted, 95)),
      maxMs: Math.round(sorted.at(-1)!),
      targetP95Ms: 1000,
      pass: percentile(sorted, 95) < 1000,
    };
    console.log(`urgent insertions: ${inserted} inserted, ${refused} refused with a reason`);
    console.log(`end to end through the API: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms (target p95 < 1000 ms: ${result.pass ? 'met' : 'NOT met'})`);
    const stamp = result.date.slice(0, 10);
    await mkdir(new URL('../results/', import.meta.url), { recursive: true });
    await writeFile(new URL(`../results/${stamp}-live-insertion.json`, import.meta.url), JSON.stringify(result, null, 2) + '\n');
    await writeFile(
      new URL(`../results/${stamp}-live-insertion.md`, import.meta.url),
      `# Urgent insertion into a live plan (${stamp})\n\n` +
        `\`npm run bench:live\` — seed ${SEED}: ${result.rides} rides, ${result.vehicles} vehicles, travel times: ${result.travelTimes}; ` +
        `the day planned by the worker in ${result.planSec} s and published.\n\n` +
        `| urgent rides | inserted | refused (with reason) | p50 | p95 | max | target |\n|---|---|---|---|---|---|---|\n` +
        `| ${INSERTS} | ${inserted} | ${refused} | ${result.p50Ms} ms | ${result.p95Ms} ms | ${result.maxMs} ms | p95 < 1000 ms: ${result.pass ? 'met' : 'not met'} |\n\n` +
        `Timed: \`POST /api/v1/plans/:id/insertions\` only, end to end over HTTP (app, PostgreSQL, Redis in one process on this machine; 2 shared cores). ` +
        `Each urgent ride is a fresh client and booking made before the timer starts.\n`,
    );
    if (!result.pass) process.exitCode = 1;
  } finally {
    await worker.close();
    await new Promise((r) => server.close(r));
    await queue.close();
    await db.$disconnect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    workerRedis.disconnect();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "dowoz_bench_${runId}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
