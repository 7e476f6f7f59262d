/**
 * Pickup-window notifications (issue #8): the evening-before job through the queue, the change
 * notification used by live-plan edits (once per window), the SMS gateway over HTTP with a retry
 * after a failure and no retry after a refusal, and the dispatcher's list.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { finishedPlan, planAndWait } from '../helpers/plan-and-wait.js';
import { waitFor } from '../helpers/wait-for.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { createRedis } from '../../src/queue/connection.js';
import { createNotificationQueue, enqueueNotifications, type NotificationQueue } from '../../src/queue/notification-queue.js';
import { EVENING_NOTIFY_JOB } from '../../src/queue/jobs.js';
import { smsChannel } from '../../src/domain/notification/channels.js';
import { notifyPickupChanged } from '../../src/domain/notification/notify.js';
import { notifyEveningBefore } from '../../src/domain/notification/notify-evening-before.js';
import { createNotificationWorker, dispatchPendingNotifications } from '../../workers/notification.worker.js';
import { createLogger } from '../../src/logger.js';
import { formatMinutes, parseTimeOfDay } from '../../src/domain/common/time.js';
import type { Redis } from 'ioredis';

// 18:00 in Warsaw on the 23rd: the evening before the 24th.
const NOW = new Date('2026-11-23T17:00:00Z');
const DATE = '2026-11-24';
/** The server's clock; a test of the service day itself moves it and puts it back. */
let now = NOW;

/** An SMS gateway: answers each request with the next scripted status (then 200), records bodies. */
interface Gateway {
  url: string;
  received: { auth: string | undefined; body: { id: string; to: string; text: string } }[];
  script: number[];
  close(): Promise<void>;
}
async function startGateway(): Promise<Gateway> {
  const g: Omit<Gateway, 'url' | 'close'> = { received: [], script: [] };
  const readBody = async (req: IncomingMessage) => {
    let s = '';
    for await (const chunk of req) s += chunk;
    return JSON.parse(s);
  };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    g.received.push({ auth: req.headers.authorization, body });
    const status = g.script.shift() ?? 200;
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(status === 200 ? { accepted: true } : { error: `status ${status}` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    ...g,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    close: () => new Promise((r) => server.close(() => r())),
  } as Gateway;
}

let t: TestContext;
let osrm: FakeOsrm;
let gateway: Gateway;
let connection: Redis;
let queue: NotificationQueue;
let notifier: ReturnType<typeof createNotificationWorker>;

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  osrm = await startFakeOsrm({ dataVersion: 'n1' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
  gateway = await startGateway();
  connection = createRedis(inject('redisUrl'), 'worker');
  // Three attempts, 50 ms apart: the test sees a retry without waiting for production back-off.
  queue = createNotificationQueue(t.redis, t.prefix, 3, 50);
  notifier = createNotificationWorker({
    db: t.db,
    connection,
    prefix: t.prefix,
    log: createLogger('silent'),
    channel: smsChannel({ url: gateway.url, token: 'test-token-123', timeoutMs: 2000 }),
    now: () => NOW,
  });
});
afterAll(async () => {
  await notifier.close();
  await queue.close();
  connection.disconnect();
  await gateway.close();
  await osrm.close();
  await t.close();
});

type Api = ReturnType<typeof apiFor>;
/**
 * Queues this organisation's pending notifications only: the scripted gateway failures below must
 * meet this test's messages, not those other test files record in the shared database.
 */
const sendPendingOf = async (organisationId: string) => {
  const rows = await t.db.notification.findMany({ where: { organisationId, status: 'PENDING' }, select: { id: true } });
  await enqueueNotifications(queue, rows.map((r) => r.id));
  return rows.length;
};
const list = async (api: Api, query = '') => {
  const res = await api.get(`/notifications?date=${DATE}${query}`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
};

/** A new organisation with Helena (08:30, day centre) and Zofia (11:00, health centre) booked. */
async function helenaAndZofia() {
  const org = await t.newOrganisation();
  const api = apiFor(t.baseUrl, org.slug);
  const day = await createSmallFleet(api);
  const c = day.clients;
  const helena: string = (await api.post('/rides', { date: DATE, clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' })).body.outbound.id;
  const zofia: string = (await api.post('/rides', { date: DATE, clientId: c.zofia, toPlaceId: day.healthId, arriveBy: '11:00' })).body.outbound.id;
  return { org, api, day, c, helena, zofia };
}

describe('pickup-window notifications', () => {
  it('tells every client of tomorrow’s plan the evening before, by SMS, once; a caseworker when the client has no phone', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const c = day.clients;
    // Jan has no phone: his caseworker is told. Józef has neither: the dispatcher sees it.
    for (const [id, patch] of [
      [c.jan, { phone: null, caseworker: 'Anna Wiśniewska', caseworkerPhone: '+48 602 111 222' }],
      [c.jozef, { phone: null }],
    ] as const) {
      const current = (await api.get(`/clients/${id}`)).body;
      expect((await api.patch(`/clients/${id}`, { ...patch, version: current.version })).status).toBe(200);
    }
    for (const [clientId, arriveBy] of [[c.helena, '08:30'], [c.jan, '09:00'], [c.jozef, '10:00']] as const) {
      expect((await api.post('/rides', { date: DATE, clientId, toPlaceId: day.dayCentreId, arriveBy })).status).toBe(201);
    }
    const plan = await planAndWait(api, DATE);
    expect(plan.status).toBe('DONE');
    const pickups = new Map<string, string>();
    for (const r of plan.routes) for (const s of r.stops) if (s.kind === 'PICKUP') pickups.set(s.client.id, s.time);
    expect(pickups.size).toBe(3);

    await queue.add(EVENING_NOTIFY_JOB, { organisationId: org.id });
    const recorded = await waitFor(async () => {
      const items = await list(api);
      return items.length === 3 ? items : null;
    });
    // The window is the planned pickup, rounded to 5 minutes, ± the default 15 minutes.
    for (const n of recorded) {
      const centre = Math.round(parseTimeOfDay(pickups.get(n.clientId)!) / 5) * 5;
      expect(n.window).toEqual({ from: formatMinutes(centre - 15), to: formatMinutes(centre + 15) });
      expect(n.kind).toBe('EVENING_BEFORE');
      expect(n.text).toContain(`24.11 odbiór między ${n.window.from} a ${n.window.to}`);
    }
    const byClient = new Map(recorded.map((n) => [n.clientId, n]));
    expect(byClient.get(c.helena)).toMatchObject({ recipientKind: 'CLIENT', recipient: '601 234 101', status: 'PENDING' });
    expect(byClient.get(c.jan)).toMatchObject({ recipientKind: 'CASEWORKER', recipient: '+48 602 111 222' });
    expect(byClient.get(c.jan).text).toContain('podopieczny: Jan Król');
    expect(byClient.get(c.jozef)).toMatchObject({ recipient: null, status: 'NO_RECIPIENT' });

    // The outbox sweep queues them (and any other organisation's: test files share the database);
    // the gateway gets each one with the token, and its id.
    expect(await dispatchPendingNotifications(t.db, queue)).toBeGreaterThanOrEqual(2);
    await waitFor(async () => ((await list(api, '&status=SENT')).length === 2 ? true : null));
    const mine = gateway.received.filter((r) => recorded.some((n) => n.id === r.body.id));
    expect(mine).toHaveLength(2);
    expect(mine.every((r) => r.auth === 'Bearer test-token-123')).toBe(true);
    expect(mine.map((r) => r.body.to).sort()).toEqual(['+48 602 111 222', '601 234 101']);
    expect((await list(api, '&status=SENT')).every((n) => n.channel === 'sms' && n.sentAt && n.attempts === 1)).toBe(true);

    // The evening job run again (a retry, a second worker) tells no one twice.
    await queue.add(EVENING_NOTIFY_JOB, { organisationId: org.id }, { jobId: `again-${org.id}` });
    await waitFor(async () => ((await queue.getJob(`again-${org.id}`))?.finishedOn ? true : null));
    expect(await list(api)).toHaveLength(3);
    expect(await list(api, '&status=PENDING')).toHaveLength(0);
  });

  it('tells a changed pickup once per window, retries a failing gateway, and gives up on a refusal', async () => {
    const { org, api, day, c, helena, zofia } = await helenaAndZofia();
    expect((await planAndWait(api, DATE)).status).toBe('DONE');
    const ctx = { organisationId: org.id, actor: 'test' };
    const deps = { db: t.db, now: () => NOW };

    await notifyPickupChanged(deps, ctx, [helena, zofia]);
    await notifyPickupChanged(deps, ctx, [helena, zofia]);
    expect(await list(api)).toHaveLength(2);

    // A live edit moves Helena's pickup 7 minutes later, still inside the window she was told: no message.
    const stop = await t.db.planStop.findFirstOrThrow({ where: { rideId: helena, kind: 'PICKUP' } });
    await t.db.planStop.update({ where: { id: stop.id }, data: { serviceStartSec: stop.serviceStartSec + 7 * 60 } });
    await notifyPickupChanged(deps, ctx, [helena, zofia]);
    expect(await list(api)).toHaveLength(2);
    // Then 20 minutes later than first planned, out of the window (as the LIVE-PLAN edits do in place).
    await t.db.planStop.update({ where: { id: stop.id }, data: { serviceStartSec: stop.serviceStartSec + 20 * 60 } });
    await notifyPickupChanged(deps, ctx, [helena, zofia]);
    await notifyPickupChanged(deps, ctx, [helena]);
    const items = await list(api);
    expect(items).toHaveLength(3);
    const changed = items.filter((n) => n.rideId === helena);
    expect(changed).toHaveLength(2);
    expect(changed[0].text).toContain('ZMIANA godziny odbioru');
    expect(parseTimeOfDay(changed[0].window.from) - parseTimeOfDay(changed[1].window.from)).toBe(20);

    // The gateway is down for one request (503): that message is sent on its second attempt.
    const zofiaId = items.find((n) => n.rideId === zofia).id;
    const ids = items.map((n) => n.id);
    gateway.received.length = 0;
    gateway.script.push(503);
    expect(await sendPendingOf(org.id)).toBe(3);
    await waitFor(async () => ((await list(api, '&status=PENDING')).length === 0 ? true : null), 15_000);
    const after = new Map((await list(api)).map((n) => [n.id, n]));
    expect([...after.values()].every((n) => n.status === 'SENT')).toBe(true);
    const retried = [...after.values()].filter((n) => n.attempts === 2);
    expect(retried).toHaveLength(1);
    expect(retried[0].lastError).toBeNull();
    expect(gateway.received.filter((r) => ids.includes(r.body.id))).toHaveLength(4);

    // A refusal: a new window for Zofia, the gateway answers 400 — FAILED after one attempt, with why.
    const zStop = await t.db.planStop.findFirstOrThrow({ where: { rideId: zofia, kind: 'PICKUP' } });
    await t.db.planStop.update({ where: { id: zStop.id }, data: { serviceStartSec: zStop.serviceStartSec - 30 * 60 } });
    await notifyPickupChanged(deps, ctx, [zofia]);
    gateway.script.push(400);
    await sendPendingOf(org.id);
    const failed = await waitFor(async () => (await list(api, '&status=FAILED'))[0]);
    expect(failed).toMatchObject({ rideId: zofia, attempts: 1, channel: 'sms' });
    expect(failed.lastError).toContain('400');
    expect(failed.id).not.toBe(zofiaId);
  });

  it('tells clients already told their new window when a changed plan reaches drivers, and no one else', async () => {
    const { org, api, day, c, helena, zofia } = await helenaAndZofia();
    const first = await planAndWait(api, DATE);
    expect((await api.post(`/plans/${first.id}/publish`)).status).toBe(200);
    expect(await notifyEveningBefore({ db: t.db, now: () => NOW }, { organisationId: org.id })).toMatchObject({ recorded: 2 });

    // Jan books after the messages went out; the dispatcher plans the day again. Helena's pickup
    // is 20 minutes later in the new plan (set here, so the test does not hang on the optimiser).
    const jan = (await api.post('/rides', { date: DATE, clientId: c.jan, toPlaceId: day.dayCentreId, arriveBy: '09:30' })).body.outbound.id;
    const second = await planAndWait(api, DATE);
    const stop = await t.db.planStop.findFirstOrThrow({ where: { rideId: helena, kind: 'PICKUP', route: { planId: second.id } } });
    await t.db.planStop.update({ where: { id: stop.id }, data: { serviceStartSec: stop.serviceStartSec + 20 * 60 } });
    const zofiaBefore = (await list(api)).find((n) => n.rideId === zofia);
    expect(await list(api)).toHaveLength(2); // a plan nobody drives tells nothing

    expect((await api.post(`/plans/${second.id}/publish`)).status).toBe(200);
    const told = await list(api);
    const changed = told.filter((n) => n.kind === 'PICKUP_CHANGED');
    expect(changed.map((n) => n.rideId)).toContain(helena);
    expect(changed.find((n) => n.rideId === helena).text).toContain('ZMIANA godziny odbioru');
    // Jan was never told a window: he hears it the evening before like everyone, not as a change.
    expect(told.some((n) => n.rideId === jan)).toBe(false);
    // Zofia is told again only if her window moved.
    const lastWindow = async (rideId: string, planId: string) => {
      const pickup = await t.db.planStop.findFirstOrThrow({ where: { rideId, kind: 'PICKUP', route: { planId } } });
      const centre = Math.round(pickup.serviceStartSec / 60 / 5) * 5;
      return { from: formatMinutes(centre - 15), to: formatMinutes(centre + 15) };
    };
    // The list is newest first.
    const latest = (items: any[], rideId: string) => items.find((n) => n.rideId === rideId).window;
    expect(latest(told, zofia)).toEqual(await lastWindow(zofia, second.id));
    expect(told.filter((n) => n.rideId === zofia).length).toBe(zofiaBefore.window.from === (await lastWindow(zofia, second.id)).from ? 1 : 2);
    // Publishing again tells nothing twice.
    expect((await api.post(`/plans/${second.id}/publish`)).status).toBe(200);
    expect(await list(api)).toHaveLength(told.length);

    // A re-plan of a day drivers already have (a route locked) is theirs at once: whoever was told
    // hears the window of the new plan.
    const bus = second.routes[0].vehicle.id;
    expect((await api.put(`/plans/${second.id}/routes/${bus}/lock`, { locked: true })).status).toBe(200);
    const started = await api.post('/plans', { date: DATE, keepLocked: true });
    expect(started.status).toBe(202);
    const third = await finishedPlan(api, started.body.id);
    expect(third.publishedAt).toBeTruthy();
    const after = await list(api);
    for (const ride of [helena, zofia]) expect(latest(after, ride)).toEqual(await lastWindow(ride, third.id));
    // Nobody told a window is asked by the re-plan to be ready earlier than that window said.
    for (const ride of [helena, zofia]) {
      const was = latest(told, ride);
      const centreMin = (parseTimeOfDay(was.from) + parseTimeOfDay(was.to)) / 2;
      const pickup = await t.db.planStop.findFirstOrThrow({ where: { rideId: ride, kind: 'PICKUP', route: { planId: third.id } } });
      expect(pickup.serviceStartSec).toBeGreaterThanOrEqual(centreMin * 60 - 150);
    }
    expect(after.some((n) => n.rideId === jan)).toBe(false);
  });

  it('shows on the plan which unplaced rides had a window told: nothing tells the client, so the dispatcher must', async () => {
    const { org, api, day, c, helena, zofia } = await helenaAndZofia();
    const first = await planAndWait(api, DATE);
    expect((await api.post(`/plans/${first.id}/publish`)).status).toBe(200);
    expect(await notifyEveningBefore({ db: t.db, now: () => NOW }, { organisationId: org.id })).toMatchObject({ recorded: 2 });
    const told = await list(api);
    const jan = (await api.post('/rides', { date: DATE, clientId: c.jan, toPlaceId: day.dayCentreId, arriveBy: '09:30' })).body.outbound.id;
    // Every shift now ends before the first ride: the re-plan can place no one.
    for (const v of (await api.get('/vehicles')).body.items) {
      expect((await api.patch(`/vehicles/${v.id}`, { shiftStart: '04:00', shiftEnd: '05:00', version: v.version })).status).toBe(200);
    }
    const second = await planAndWait(api, DATE);
    expect(second.summary).toMatchObject({ ridesPlaced: 0, ridesUnassigned: 3 });
    const toldOf = (rideId: string) => second.unassigned.find((u: any) => u.rideId === rideId).toldPickup;
    expect(toldOf(helena)).toEqual(told.find((n) => n.rideId === helena).window);
    expect(toldOf(zofia)).toEqual(told.find((n) => n.rideId === zofia).window);
    // Jan booked after the evening's messages: nobody told him a time.
    expect(toldOf(jan)).toBeNull();
    // A placed ride is no worry: the first plan's view names no told window.
    expect((await api.get(`/plans/${first.id}`)).body.unassigned.every((u: any) => u.toldPickup === null)).toBe(true);

    // The notifications page lists the same three to phone, those waiting at the door first (D58).
    const res = await api.get(`/notifications?date=${DATE}`);
    expect(res.status).toBe(200);
    const unplaced = res.body.unplaced as any[];
    expect(unplaced.map((u) => u.rideId).slice(2)).toEqual([jan]);
    expect(new Set(unplaced.slice(0, 2).map((u) => u.rideId))).toEqual(new Set([helena, zofia]));
    expect(unplaced.find((u) => u.rideId === helena)).toMatchObject({ told: toldOf(helena), clientName: expect.any(String), toName: expect.any(String) });
    expect(unplaced.find((u) => u.rideId === jan)).toMatchObject({ told: null, reason: second.unassigned.find((u: any) => u.rideId === jan).reason });
    // A ride cancelled since needs no call.
    expect((await api.post(`/rides/${jan}/cancel`, { reason: 'Klient zrezygnował' })).status).toBe(200);
    expect(((await api.get(`/notifications?date=${DATE}`)).body.unplaced as any[]).map((u) => u.rideId)).not.toContain(jan);
  });

  it('publishing a plan for today tells at once the clients not told yet, as a first notice, except windows already over', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    now = new Date('2026-11-24T07:10:00Z'); // 08:10 on the day: no evening before is left
    try {
      const book = async (clientId: string, arriveBy: string) => (await api.post('/rides', { date: DATE, clientId, toPlaceId: day.dayCentreId, arriveBy, overrideCutoff: true })).body.outbound.id as string;
      const early = await book(day.clients.jan!, '07:15');
      const helena = await book(day.clients.helena!, '09:00');
      const zofia = await book(day.clients.zofia!, '11:00');
      const plan = await planAndWait(api, DATE);
      expect((await api.post(`/plans/${plan.id}/publish`)).status).toBe(200);
      const told = await list(api);
      for (const ride of [helena, zofia]) {
        const n = told.find((x) => x.rideId === ride);
        expect(n, ride).toBeDefined();
        expect(n.kind).toBe('EVENING_BEFORE');
        expect(n.text).toContain('Przypomnienie o przejeździe');
      }
      expect(told.some((x) => x.rideId === early)).toBe(false);
    } finally {
      now = NOW;
    }
  });

  it('the evening before, tells from the published plan, not a newer unpublished one', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const helena = (await api.post('/rides', { date: DATE, clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' })).body.outbound.id;
    const first = await planAndWait(api, DATE);
    expect((await api.post(`/plans/${first.id}/publish`)).status).toBe(200);
    // Booked after publication and planned in a newer revision nobody has published yet.
    const zofia = (await api.post('/rides', { date: DATE, clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '10:00' })).body.outbound.id;
    const second = await planAndWait(api, DATE);
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(second.routes.some((r: any) => r.stops.some((s: any) => s.rideId === zofia))).toBe(true);

    await queue.add(EVENING_NOTIFY_JOB, { organisationId: org.id }, { jobId: `published-${org.id}` });
    await waitFor(async () => ((await queue.getJob(`published-${org.id}`))?.finishedOn ? true : null));
    expect((await list(api)).map((n) => n.rideId)).toEqual([helena]);
  });

  it('refuses a bad date and is scoped to the organisation', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const bad = await api.get('/notifications?date=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('date');
    expect(await list(api)).toHaveLength(0);
  });
});
