/**
 * The live plan's changes as server-sent events (issue #6, D28): after a committed edit or a
 * driver's report, an open stream of the same organisation's day gets {planId, version, kind};
 * another organisation's stream never does; all streams of the process share one Redis
 * subscriber. Real PostgreSQL, Redis and a worker, through the HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { testClock } from '../helpers/test-clock.js';
import { createSmallFleet, bookRide } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { waitFor } from '../helpers/wait-for.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
/** Booked and planned the day before; the driver reports on the morning of the day. */
const clock = testClock('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: clock.now });
  t.startWorker(createTravelTimeProvider({}), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
});

interface ServerEvent {
  readonly event: string;
  readonly data: any;
}

/** An open stream: the events so far, a wait for the next matching one, and close. */
interface OpenStream {
  readonly status: number;
  readonly events: ServerEvent[];
  next(match: (e: ServerEvent) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  close(): void;
}

async function openStream(path: string, token: string): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(`${t.baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal: abort.signal });
  const events: ServerEvent[] = [];
  if (res.ok && res.body) {
    void (async () => {
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            let event = 'message';
            let data: string | null = null;
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data = line.slice(6);
            }
            if (data !== null) events.push({ event, data: JSON.parse(data) });
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  let seen = 0;
  return {
    status: res.status,
    events,
    async next(match, timeoutMs = 15_000) {
      return waitFor(async () => {
        while (seen < events.length) {
          const e = events[seen++]!;
          if (match(e)) return e;
        }
        return null;
      }, timeoutMs, 20);
    },
    close: () => abort.abort(),
  };
}

/** A planned day: every ride on the bus, the car back in service with no route yet. */
async function plannedDay() {
  const org = await t.newOrganisation();
  const api = apiFor(t.baseUrl, org.slug);
  const day = await createSmallFleet(api);
  const book = async (b: object) => (await bookRide(api, DATE, b)).outbound.id;
  const helena = await book({ clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
  await book({ clientId: day.clients.irena, toPlaceId: day.healthId, departAfter: '10:00' });
  const car = (await api.get(`/vehicles/${day.carId}`)).body;
  const off = await api.patch(`/vehicles/${day.carId}`, { active: false, version: car.version });
  expect(off.status, off.text).toBe(200);
  const plan = await planAndWait(api, DATE);
  expect(plan.status).toBe('DONE');
  const on = await api.patch(`/vehicles/${day.carId}`, { active: true, version: off.body.version });
  expect(on.status, on.text).toBe(200);
  return { org, api, day, plan, helena };
}

const channelOf = (organisationId: string) => `${t.prefix}:plan-changes:${organisationId}:${DATE}`;
const subscribers = async (channel: string) => Number(((await t.redis.pubsub('NUMSUB', channel)) as [string, number])[1]);

describe('the live plan’s changes as server-sent events', () => {
  it('tells an open board of a re-plan of its day, with the new plan', async () => {
    const a = await plannedDay();
    const stream = await openStream(`/plans/${a.plan.id}/changes/stream`, tokenFor(a.org.slug));
    try {
      await stream.next((e) => e.event === 'version');
      const replanned = await planAndWait(a.api, DATE);
      expect(replanned.id).not.toBe(a.plan.id);
      const change = await stream.next((e) => e.event === 'change' && e.data.kind === 'REPLAN');
      expect(change.data).toEqual({ planId: replanned.id, date: DATE, version: replanned.version, kind: 'REPLAN' });
    } finally {
      stream.close();
    }
  });

  it('tells an open stream of a move with the new version, and never another organisation’s stream', async () => {
    const a = await plannedDay();
    const b = await plannedDay();
    const streamA = await openStream(`/plans/${a.plan.id}/changes/stream`, tokenFor(a.org.slug));
    const streamB = await openStream(`/plans/${b.plan.id}/changes/stream`, tokenFor(b.org.slug));
    try {
      expect(streamA.status).toBe(200);
      expect((await streamA.next((e) => e.event === 'version')).data).toEqual({ planId: a.plan.id, version: a.plan.version });
      expect((await streamB.next((e) => e.event === 'version')).data).toEqual({ planId: b.plan.id, version: b.plan.version });

      const moved = await a.api.post(`/plans/${a.plan.id}/moves`, { rideId: a.helena, vehicleId: a.day.carId });
      expect(moved.status, moved.text).toBe(200);
      const change = await streamA.next((e) => e.event === 'change');
      expect(change.data).toEqual({ planId: a.plan.id, date: DATE, version: moved.body.version, kind: 'MOVE' });
      expect(moved.body.version).toBe(a.plan.version + 1);

      // B's first change is its own lock, published after A's move: A's never reached it.
      const locked = await b.api.put(`/plans/${b.plan.id}/routes/${b.day.busId}/lock`, { locked: true });
      expect(locked.status, locked.text).toBe(200);
      const changeB = await streamB.next((e) => e.event === 'change');
      expect(changeB.data).toEqual({ planId: b.plan.id, date: DATE, version: locked.body.version, kind: 'LOCK' });
      expect(streamB.events.filter((e) => e.event === 'change').every((e) => e.data.planId === b.plan.id)).toBe(true);
      expect(streamA.events.filter((e) => e.event === 'change').every((e) => e.data.planId === a.plan.id)).toBe(true);
    } finally {
      streamA.close();
      streamB.close();
    }
  });

  it('tells the day board and the driver’s page of a publication and a driver’s report; streams share one subscriber', async () => {
    const a = await plannedDay();
    const token = tokenFor(a.org.slug);
    const board = await openStream(`/plans/${a.plan.id}/changes/stream`, token);
    const driver = await openStream(`/manifests/${DATE}/${a.day.busId}/changes/stream`, token);
    const otherDriver = await openStream(`/manifests/${DATE}/${a.day.carId}/changes/stream`, token);
    try {
      expect(driver.status).toBe(200);
      // Not yet published: the driver's page has no plan to compare with.
      expect((await driver.next((e) => e.event === 'version')).data).toEqual({ planId: null, version: null });
      await board.next((e) => e.event === 'version');
      // Two open streams of one day: one subscription, in one connection.
      expect(await subscribers(channelOf(a.org.id))).toBe(1);

      const published = await a.api.post(`/plans/${a.plan.id}/publish`, {});
      expect(published.status, published.text).toBe(200);
      for (const s of [board, driver, otherDriver]) {
        expect((await s.next((e) => e.event === 'change')).data).toEqual({ planId: a.plan.id, date: DATE, version: published.body.version, kind: 'PUBLISH' });
      }

      const manifest = (await a.api.get(`/manifests/${DATE}/${a.day.busId}`)).body;
      const first = manifest.stops[0];
      clock.set(`${DATE}T06:30:00+01:00`);
      const report = await a.api.post(`/manifests/${DATE}/${a.day.busId}/stops/${first.sequence}/events`, { kind: 'ARRIVED', clientEventId: crypto.randomUUID(), rideId: first.rideId });
      expect(report.status, report.text).toBe(201);
      for (const s of [board, driver]) {
        // A report moves no version; it is told with the plan's current one.
        expect((await s.next((e) => e.event === 'change')).data).toEqual({ planId: a.plan.id, date: DATE, version: published.body.version, kind: 'STOP_EVENT', vehicleId: a.day.busId });
      }
      // The car's driver is not told of the bus's report: its next change is the lock made after it.
      const locked = await a.api.put(`/plans/${a.plan.id}/routes/${a.day.busId}/lock`, { locked: true });
      expect(locked.status, locked.text).toBe(200);
      expect((await otherDriver.next((e) => e.event === 'change')).data).toMatchObject({ kind: 'LOCK', version: locked.body.version });
    } finally {
      board.close();
      driver.close();
      otherDriver.close();
    }
    // The last stream gone, the subscriber leaves the channel.
    await waitFor(async () => ((await subscribers(channelOf(a.org.id))) === 0 ? true : null), 10_000);
  });

  it('answers 404, not a stream, for another organisation’s plan, a driver another vehicle, and an unknown vehicle', async () => {
    const a = await plannedDay();
    const other = await t.newOrganisation();
    const res = await fetch(`${t.baseUrl}/api/v1/plans/${a.plan.id}/changes/stream`, { headers: { Authorization: `Bearer ${tokenFor(other.slug)}` } });
    expect(res.status).toBe(404);
    const driverToken = await t.newToken(a.org.id, ['DRIVER']);
    const refused = await fetch(`${t.baseUrl}/api/v1/manifests/${DATE}/${a.day.busId}/changes/stream`, { headers: { Authorization: `Bearer ${driverToken}` } });
    expect(refused.status).toBe(404);
    const unknownVehicle = await fetch(`${t.baseUrl}/api/v1/manifests/${DATE}/${crypto.randomUUID()}/changes/stream`, { headers: { Authorization: `Bearer ${tokenFor(a.org.slug)}` } });
    expect(unknownVehicle.status).toBe(404);
    expect(await subscribers(channelOf(a.org.id))).toBe(0);
  });
});
