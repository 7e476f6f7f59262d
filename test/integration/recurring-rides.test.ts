import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { materialiseRecurringRides } from '../../src/domain/booking/materialise-recurring-rides.js';

let t: TestContext;
// Monday 26 October 2026: the 30-day horizon reaches 25 November and holds 11 November.
const NOW = new Date('2026-10-26T08:00:00Z');
beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

const MON_WED = ['2026-10-26', '2026-10-28', '2026-11-02', '2026-11-04', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-25'];

async function ridesOf(api: ReturnType<typeof apiFor>, dates: string[]) {
  const all = await Promise.all(dates.map(async (d) => (await api.get(`/rides?date=${d}`)).body.items as any[]));
  return all.flat();
}

describe('recurring rides', () => {
  it('books a weekly pattern for the next 30 days, skipping the holiday and the exception, with returns', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);

    const res = await api.post('/recurring-rides', {
      clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '09:00', returnDepartAfter: '11:00',
      weekdays: [1, 3], startDate: '2026-10-26', exceptDates: ['2026-11-18'],
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ weekdays: [1, 3], arriveBy: '09:00', returnDepartAfter: '11:00', wheelchair: true, endDate: null });
    const rides = await ridesOf(api, [...MON_WED, '2026-11-11', '2026-11-18']);
    expect(rides.map((r) => r.date).sort()).toEqual(MON_WED.flatMap((d) => [d, d]).sort());
    const outbound = rides.filter((r) => r.arriveBy === '09:00');
    expect(outbound).toHaveLength(8);
    expect(rides.filter((r) => r.departAfter === '11:00').every((r) => outbound.some((o) => o.id === r.outboundRideId))).toBe(true);
    expect(rides.every((r) => r.wheelchair && r.status === 'APPROVED')).toBe(true);
  });

  it('makes each day once however often and however concurrently it runs', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    await api.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30', weekdays: [1, 3], startDate: '2026-10-26' });

    const runs = await Promise.all([1, 2, 3].map(() => materialiseRecurringRides(t.db, { from: '2026-10-26', organisationId: org.id })));

    expect(runs.reduce((s, r) => s + r.ridesCreated, 0)).toBe(0);
    expect(await ridesOf(api, MON_WED)).toHaveLength(8);
    // A longer horizon adds only the new days.
    const later = await materialiseRecurringRides(t.db, { from: '2026-10-26', organisationId: org.id, daysAhead: 37 });
    expect(later.ridesCreated).toBe(2); // Monday 30 Nov and Wednesday 2 Dec
  });

  it('moves future unplanned rides with the pattern and cancels the days it no longer runs', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const pattern = (await api.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30', weekdays: [1, 3], startDate: '2026-10-26' })).body;

    const changed = await api.patch(`/recurring-rides/${pattern.id}`, { weekdays: [1], arriveBy: '09:15', returnDepartAfter: '13:00', version: 1 });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ weekdays: [1], arriveBy: '09:15', returnDepartAfter: '13:00', version: 2 });
    const wednesday = (await api.get('/rides?date=2026-11-04')).body.items;
    expect(wednesday).toHaveLength(1);
    expect(wednesday[0].status).toBe('CANCELLED');
    const history = (await api.get(`/rides/${wednesday[0].id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ to: 'CANCELLED', reason: 'wzorzec zmieniony / pattern changed' });
    const monday = (await api.get('/rides?date=2026-11-02')).body.items;
    expect(monday.map((r: any) => [r.arriveBy, r.departAfter, r.status]).sort()).toEqual([['09:15', null, 'APPROVED'], [null, '13:00', 'APPROVED']].sort());
    // Today's ride is not touched by a change made today.
    expect((await api.get('/rides?date=2026-10-26')).body.items.map((r: any) => r.arriveBy)).toEqual(['08:30']);
    expect((await api.patch(`/recurring-rides/${pattern.id}`, { weekdays: [2], version: 1 })).status).toBe(409);
  });

  it.each([
    ['no weekday', { weekdays: [] }, 'weekdays'],
    ['a weekday twice', { weekdays: [1, 1] }, 'weekdays'],
    ['a weekday 8', { weekdays: [8] }, 'weekdays.0'],
    ['an end before the start', { endDate: '2026-10-01' }, 'endDate'],
    ['a return before the outbound', { returnDepartAfter: '07:00' }, 'returnDepartAfter'],
  ])('refuses %s, and books nothing', async (_n, change, field) => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const res = await api.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30', weekdays: [1, 3], startDate: '2026-10-26', ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: any) => f.path)).toContain(field);
    expect((await api.get('/recurring-rides')).body.items).toEqual([]);
    expect(await ridesOf(api, MON_WED)).toEqual([]);
  });
});
