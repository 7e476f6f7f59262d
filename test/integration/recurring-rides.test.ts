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

    const runs = await Promise.all([1, 2, 3].map(() => materialiseRecurringRides(t.db, { from: '2026-10-26', organisationId: org.id, now: NOW })));

    expect(runs.reduce((s, r) => s + r.ridesCreated, 0)).toBe(0);
    expect(await ridesOf(api, MON_WED)).toHaveLength(8);
    // A longer horizon adds only the new days.
    const later = await materialiseRecurringRides(t.db, { from: '2026-10-26', organisationId: org.id, daysAhead: 37, now: NOW });
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

  it('books no client twice: a clashing pattern is refused with the date, a clashing day is left out', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const weekly = { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30', returnDepartAfter: '14:00', weekdays: [1, 3], startDate: '2026-10-26' };
    expect((await api.post('/recurring-rides', weekly)).status).toBe(201);

    // The same pattern again: every day would book Jan twice. Refused whole, naming the first day.
    const again = await api.post('/recurring-rides', weekly);
    expect(again.status).toBe(400);
    expect(again.body.error.fields).toEqual([expect.objectContaining({ path: 'arriveBy', messageEn: expect.stringMatching(/^2026-10-26: the client already has a ride at that time/) })]);
    // Another time on the same days is fine; a return that starts before the outbound has ended is not.
    expect((await api.post('/recurring-rides', { ...weekly, arriveBy: '10:30', returnDepartAfter: null })).status).toBe(201);
    const overlapping = await api.post('/recurring-rides', { ...weekly, arriveBy: undefined, departAfter: '16:00', returnDepartAfter: '16:05' });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.fields[0]).toMatchObject({ path: 'returnDepartAfter', messageEn: expect.stringMatching(/overlaps the outbound/) });
    expect((await api.get('/recurring-rides')).body.items).toHaveLength(2);
    expect(await ridesOf(api, ['2026-11-25'])).toHaveLength(3);

    // A day the pattern did not yet run, booked by hand at the same time, keeps that ride when the
    // pattern is extended over it: the pattern's day is left out, and the change says so.
    const shortOne = await api.post('/recurring-rides', { ...weekly, arriveBy: '12:30', returnDepartAfter: null, endDate: '2026-11-01' });
    expect(shortOne.status).toBe(201);
    expect((await api.post('/rides', { clientId: day.clients.jan, toPlaceId: day.healthId, date: '2026-11-04', arriveBy: '12:30' })).status).toBe(201);
    const extended = await api.patch(`/recurring-rides/${shortOne.body.id}`, { endDate: null, version: shortOne.body.version });
    expect(extended.status).toBe(200);
    expect(extended.body.skippedDays).toEqual([{ date: '2026-11-04', message: expect.stringMatching(/^klient ma już przejazd w tym czasie/), messageEn: expect.stringMatching(/already has a ride/) }]);
    const nov4 = await ridesOf(api, ['2026-11-04']);
    expect(nov4.filter((r) => r.arriveBy === '12:30').map((r) => r.recurringRideId ?? null)).toEqual([null]);
    expect(await t.db.ride.count({ where: { recurringRideId: shortOne.body.id } })).toBe(8); // 9 Mondays and Wednesdays (11 Nov is a holiday) less 4 Nov
    // The daily run leaves it out too, and counts it.
    const run = await materialiseRecurringRides(t.db, { from: '2026-10-26', organisationId: org.id, now: NOW });
    expect(run).toMatchObject({ ridesCreated: 0, daysClashing: 1 });
  });

  it('refuses a start in the past and makes no day past its booking deadline', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const past = await api.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30', weekdays: [1, 3], startDate: '2026-10-19' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.map((f: any) => f.path)).toEqual(['startDate']);

    // Booking closes at 08:00 the working day before; it is Monday 09:00 in Warsaw.
    const org2 = (await api.get('/organisation')).body;
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: { time: '08:00', workingDaysBefore: 1 } }, version: org2.version })).status).toBe(200);
    const res = await api.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30', weekdays: [1, 2, 3], startDate: '2026-10-26', endDate: '2026-10-30' });
    expect(res.status).toBe(201);
    // Monday (today) and Tuesday are past their deadlines, as for a booking by hand; Wednesday is not.
    expect((await t.db.ride.findMany({ where: { recurringRideId: res.body.id } })).map((r) => r.serviceDate.toISOString().slice(0, 10))).toEqual(['2026-10-28']);
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
