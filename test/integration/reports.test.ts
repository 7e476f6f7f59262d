/**
 * The period report over HTTP (issue #8): late cancellations against the booking cut-off, the
 * period and organisation boundaries, and the CSV a centre opens in Excel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';

let t: TestContext;
let now = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

describe('the period report', () => {
  it('counts a cancellation after the day’s cut-off as late, and only this organisation’s rides of the period', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const other = apiFor(t.baseUrl, (await t.newOrganisation()).slug);
    const day = await createSmallFleet(api);
    const otherDay = await createSmallFleet(other);
    const current = await api.get('/organisation');
    // Book by 12:00 on the working day before: rides on Wednesday 25th close on Tuesday 24th at 12:00 (11:00 UTC).
    const set = await api.patch('/organisation/rules', { rules: { bookingCutoff: { time: '12:00', workingDaysBefore: 1 } }, version: current.body.version });
    expect(set.status).toBe(200);
    const book = async (a: typeof api, clientId: string, toPlaceId: string, date: string) => {
      const res = await a.post('/rides', { date, clientId, toPlaceId, arriveBy: '09:00' });
      expect(res.status).toBe(201);
      return res.body.outbound.id as string;
    };
    const inTime = await book(api, day.clients.helena!, day.dayCentreId, '2026-11-25');
    const late = await book(api, day.clients.zofia!, day.healthId, '2026-11-25');
    await book(api, day.clients.jan!, day.dayCentreId, '2026-11-25');
    await book(api, day.clients.jan!, day.dayCentreId, '2026-12-01');
    await book(other, otherDay.clients.jan!, otherDay.dayCentreId, '2026-11-25');

    now = new Date('2026-11-24T10:00:00Z');
    expect((await api.post(`/rides/${inTime}/cancel`, { reason: 'Zmiana planów' })).status).toBe(200);
    now = new Date('2026-11-24T12:00:00Z');
    expect((await api.post(`/rides/${late}/cancel`, { reason: 'Choroba' })).status).toBe(200);

    const rep = await api.get('/reports?from=2026-11-01&to=2026-11-30');

    expect(rep.status).toBe(200);
    expect(rep.body.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    // Three rides of November here; the December ride and the other centre's ride are not counted.
    expect(rep.body.rides).toEqual({ requested: 3, completed: 0, cancelled: 2, lateCancelled: 1, noShows: 0, turnedDown: 0, unassigned: 0, open: 1 });
    expect(rep.body.peopleServed.total).toBe(0);
    expect(rep.body.feesDueZl).toBe(0);
  });

  it('serves CSV with a BOM, Polish and English headers, for Excel', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    expect((await api.post('/rides', { date: '2026-11-25', clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '09:00' })).status).toBe(201);

    const res = await fetch(`${t.baseUrl}/api/v1/reports?from=2026-11-01&to=2026-11-30&format=csv`, { headers: { Authorization: `Bearer ${tokenFor(org.slug)}` } });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/raport-2026-11-01-2026-11-30\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
    const at = lines.indexOf('Przejazdy / Rides');
    expect(lines[at + 1]).toMatch(/^Zamówione;Zrealizowane;Odwołane;/);
    expect(lines[at + 2]).toMatch(/^Requested;Completed;Cancelled;/);
    expect(lines[at + 3]).toBe('1;0;0;;0;0;0;1');
  });

  it('refuses a period that ends before it starts or is longer than a year', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const backwards = await api.get('/reports?from=2026-11-30&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.map((f: { path: string }) => f.path)).toContain('to');
    expect((await api.get('/reports?from=2025-01-01&to=2026-11-30')).status).toBe(400);
    expect((await api.get('/reports?from=2026-11-01')).status).toBe(400);
  });
});
