import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { waitFor } from '../helpers/wait-for.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
let osrm: FakeOsrm;
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: () => new Date('2026-11-23T09:00:00Z') });
  osrm = await startFakeOsrm();
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

interface ServerEvent {
  readonly event: string;
  readonly data: any;
}

/** Reads a server-sent event stream to its end (or until `timeoutMs`), parsing each event. */
async function readEvents(url: string, slug: string, timeoutMs = 60_000): Promise<{ status: number; contentType: string | null; events: ServerEvent[]; comments: string[] }> {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${tokenFor(slug)}`, Accept: 'text/event-stream' }, signal: AbortSignal.timeout(timeoutMs) });
  const events: ServerEvent[] = [];
  const comments: string[] = [];
  const text = await res.text(); // resolves when the server ends the stream
  for (const block of text.split('\n\n')) {
    let event = 'message';
    let data: string | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (data !== null) events.push({ event, data: JSON.parse(data) });
  }
  return { status: res.status, contentType: res.headers.get('content-type'), events, comments };
}

async function bookDay(api: ReturnType<typeof apiFor>) {
  const day = await createSmallFleet(api);
  const bookings = [
    { clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } },
    { clientId: day.clients.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
    { clientId: day.clients.irena, toPlaceId: day.healthId, departAfter: '10:00' },
  ];
  for (const b of bookings) expect((await api.post('/rides', { date: DATE, ...b })).status).toBe(201);
}

describe('a plan’s progress as server-sent events', () => {
  it('streams the queued status, the worker’s progress and a final done event, then ends', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    await bookDay(api);
    const plan = (await api.post('/plans', { date: DATE })).body;

    // The stream opens before any worker runs, so it must carry the whole run from the queue.
    const reading = readEvents(`${t.baseUrl}/api/v1/plans/${plan.id}/events`, org.slug);
    await new Promise((r) => setTimeout(r, 300));
    const worker = t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 300 });
    const { status, contentType, events } = await reading;
    await worker.close();

    expect(status).toBe(200);
    expect(contentType).toContain('text/event-stream');
    expect(events[0]).toEqual({ event: 'status', data: { id: plan.id, status: 'QUEUED', progress: 0, error: null } });
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data.progress as number);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p >= 0 && p <= 100)).toBe(true);
    expect(events.slice(1, -1).every((e) => e.event === 'progress')).toBe(true);
    const last = events.at(-1)!;
    expect(last.event).toBe('done');
    expect(last.data).toMatchObject({ id: plan.id, status: 'DONE', progress: 100, error: null, summary: { ridesPlaced: 4, ridesUnassigned: 0 } });
    expect(events.filter((e) => e.event === 'done')).toHaveLength(1);
  });

  it('answers a finished plan with its status and the done event at once', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    await bookDay(api);
    const worker = t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 100 });
    const plan = (await api.post('/plans', { date: DATE })).body;
    await waitFor(async () => ((await api.get(`/plans/${plan.id}`)).body.status === 'DONE' ? true : null), 60_000);
    await worker.close();

    const { events } = await readEvents(`${t.baseUrl}/api/v1/plans/${plan.id}/events`, org.slug, 10_000);

    expect(events.map((e) => e.event)).toEqual(['status', 'done']);
    expect(events[1]!.data.summary.ridesPlaced).toBe(4);
  });

  it('ends with a failed event carrying the reason when the plan failed', async () => {
    const org = await t.newOrganisation();
    const plan = (await apiFor(t.baseUrl, org.slug).post('/plans', { date: DATE })).body;
    await t.db.plan.update({ where: { id: plan.id }, data: { status: 'FAILED', error: 'OSRM unreachable', finishedAt: new Date() } });

    const { events } = await readEvents(`${t.baseUrl}/api/v1/plans/${plan.id}/events`, org.slug, 10_000);

    expect(events.map((e) => e.event)).toEqual(['status', 'failed']);
    expect(events[1]!.data).toMatchObject({ status: 'FAILED', error: 'OSRM unreachable', summary: null });
  });

  it('answers 404, not a stream, for another organisation’s plan', async () => {
    const owner = await t.newOrganisation();
    const other = await t.newOrganisation();
    const plan = (await apiFor(t.baseUrl, owner.slug).post('/plans', { date: DATE })).body;

    const res = await fetch(`${t.baseUrl}/api/v1/plans/${plan.id}/events`, { headers: { Authorization: `Bearer ${tokenFor(other.slug)}` } });

    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
