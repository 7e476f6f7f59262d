/**
 * No plan is ever lost or written twice: retries after failures, a worker killed mid-job, a job
 * run twice, and two workers asked to plan the same day.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { waitFor } from '../helpers/wait-for.js';
import { finishedPlan } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { planServiceDay } from '../../src/domain/plan/plan-service-day.js';
import { solve } from '../../src/solver/index.js';
import { addDays, todayIn } from '../../src/domain/common/time.js';

let t: TestContext;
let osrm: FakeOsrm;
/**
 * The spawned worker process (workers/main.ts) runs on the machine's clock, so the day planned is
 * tomorrow by that clock: a fixed date became "today" on the machine, every ride had passed, the
 * plan finished at once and the kill came too late (this file failed on 2026-11-24).
 */
const NOW = new Date();
const DATE = addDays(todayIn('Europe/Warsaw', NOW), 1);

beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
  osrm = await startFakeOsrm();
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

type Api = ReturnType<typeof apiFor>;

async function bookDay(api: Api) {
  const day = await createSmallFleet(api);
  for (const b of [
    { clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } },
    { clientId: day.clients.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
    { clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '10:00' },
    { clientId: day.clients.jan, toPlaceId: day.healthId, departAfter: '11:00' },
  ]) {
    expect((await api.post('/rides', { date: DATE, ...b })).status).toBe(201);
  }
  return day;
}

const finished = finishedPlan;

/** Routes as comparable data: per vehicle, the ordered (ride, kind, time) stops. */
const routesOf = (plan: any) =>
  plan.routes.map((r: any) => ({ vehicle: r.vehicle.id, stops: r.stops.map((s: any) => `${s.rideId}:${s.kind}:${s.time}`) }));

/** The real worker process (workers/main.ts) on this run's database and queue, estimate travel times. */
function spawnWorkerProcess(env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: t.prefix,
      OSRM_URL: '',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: 'ignore',
  });
}

async function countRows(planId: string) {
  const routes = await t.db.planRoute.count({ where: { planId } });
  const stops = await t.db.planStop.count({ where: { route: { planId } } });
  return { routes, stops };
}

describe('plan jobs survive failures', () => {
  it('retries a job whose travel times failed and gives the same routes, once', async () => {
    const worker = t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
    try {
      const org = await t.newOrganisation();
      const api = apiFor(t.baseUrl, org.slug);
      await bookDay(api);
      osrm.failOn({ service: 'table', status: 503, times: 1 });

      const first = (await api.post('/plans', { date: DATE })).body;
      const retried = await finished(api, first.id);
      const clean = await finished(api, (await api.post('/plans', { date: DATE })).body.id);

      expect(retried.status).toBe('DONE');
      expect((await t.db.plan.findUnique({ where: { id: first.id } }))!.attempts).toBe(2);
      expect(routesOf(retried)).toEqual(routesOf(clean));
      const rows = await countRows(first.id);
      expect(rows.routes).toBe(retried.routes.length);
      expect(rows.stops).toBe(2 * retried.summary.ridesPlaced);
    } finally {
      await worker.close();
    }
  });

  it('does nothing new when a finished plan’s job runs again', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    await bookDay(api);
    const plan = await t.db.plan.create({ data: { organisationId: org.id, serviceDate: new Date(`${DATE}T00:00:00Z`), revision: 1 } });
    const deps = {
      db: t.db,
      travelTimes: createTravelTimeProvider({ osrmUrl: null }),
      solve: async (instance: Parameters<typeof solve>[0]) => solve(instance, { seed: 1, maxIterations: 100 }),
      now: () => new Date(),
    };

    const once = await planServiceDay(deps, plan.id, () => undefined);
    const rowsOnce = await countRows(plan.id);
    const twice = await planServiceDay(deps, plan.id, () => undefined);

    expect(once.alreadyDone).toBe(false);
    expect(twice).toMatchObject({ alreadyDone: true, ridesPlaced: once.ridesPlaced, vehiclesUsed: once.vehiclesUsed });
    expect(await countRows(plan.id)).toEqual(rowsOnce);
  });

  it('finishes the plan on another worker when the worker planning it is killed', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    await bookDay(api);
    // A worker process with a long optimiser budget and a short lock, killed with SIGKILL mid-job.
    const child = spawnWorkerProcess({ PLAN_TIME_LIMIT_SEC: '120', PLAN_MIN_TIME_SEC: '120', PLAN_JOB_LOCK_MS: '2000', PLAN_JOB_ATTEMPTS: '3' });
    try {
      const planId = (await api.post('/plans', { date: DATE })).body.id;
      await waitFor(async () => {
        const p = (await api.get(`/plans/${planId}`)).body;
        return p.status === 'RUNNING' && p.progress >= 30 ? p : null;
      }, 60_000);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect((await api.get(`/plans/${planId}`)).body.status).toBe('RUNNING');

      const rescuer = t.startWorker(createTravelTimeProvider({ osrmUrl: null }), { maxIterations: 100, lockMs: 2000, stalledIntervalMs: 500 });
      try {
        const plan = await finished(api, planId);
        expect(plan.status).toBe('DONE');
        expect(plan.travelTimes.estimate).toBe(true);
        expect(plan.summary.ridesPlaced + plan.summary.ridesUnassigned).toBe(5);
        const rows = await countRows(planId);
        expect(rows).toEqual({ routes: plan.routes.length, stops: 2 * plan.summary.ridesPlaced });
        expect((await t.db.plan.findUnique({ where: { id: planId } }))!.attempts).toBe(2);
      } finally {
        await rescuer.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    // Start, kill and rescue take 20–25 s on this machine, too close to the default 30 s.
  }, 60_000);

  it('finishes its current plan before stopping on SIGTERM', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    await bookDay(api);
    const child = spawnWorkerProcess({ PLAN_TIME_LIMIT_SEC: '4', PLAN_MIN_TIME_SEC: '4' });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const planId = (await api.post('/plans', { date: DATE })).body.id;
    await waitFor(async () => ((await api.get(`/plans/${planId}`)).body.status === 'RUNNING' ? true : null), 60_000);

    child.kill('SIGTERM');
    const code = await exited;

    expect(code).toBe(0);
    const plan = (await api.get(`/plans/${planId}`)).body;
    expect(plan.status).toBe('DONE');
    expect((await t.db.plan.findUnique({ where: { id: planId } }))!.attempts).toBe(1);
  });

  it('never lets two workers plan the same organisation and day at once', async () => {
    const provider = createTravelTimeProvider({ osrmUrl: null });
    const workers = [t.startWorker(provider, { maxIterations: 300 }), t.startWorker(provider, { maxIterations: 300 })];
    try {
      const org = await t.newOrganisation();
      const api = apiFor(t.baseUrl, org.slug);
      await bookDay(api);
      const ids = [(await api.post('/plans', { date: DATE })).body.id, (await api.post('/plans', { date: DATE })).body.id];

      const plans = await Promise.all(ids.map((id) => finished(api, id)));

      expect(plans.map((p) => p.status)).toEqual(['DONE', 'DONE']);
      const [a, b] = plans.map((p) => ({ start: Date.parse(p.startedAt), end: Date.parse(p.finishedAt) })).sort((x, y) => x.start - y.start);
      expect(a!.end).toBeLessThanOrEqual(b!.start);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
