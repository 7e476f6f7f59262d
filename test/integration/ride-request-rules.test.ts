/**
 * One set of request rules for one-off and weekly bookings (issue #5;
 * domain/booking/check-ride-request.ts): each rule refused the same way by POST /rides and
 * POST /recurring-rides, and a valid request accepted by both.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createClient, createPlace, VILLAGE } from '../helpers/day-fixture.js';
import { materialiseRecurringRides } from '../../src/domain/booking/materialise-recurring-rides.js';

let t: TestContext;
const NOW = new Date('2026-11-23T09:00:00Z');
beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

describe('ride request rules, shared by one-off and weekly bookings', () => {
  it('refuses each broken rule naming the field, in both, and accepts a good request in both', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const centre = await createPlace(api, 'CUS', 'Dzienny Dom', [54.2134, 21.5192]);
    const walker = await createClient(api, 'Helena Kowalczyk', VILLAGE.lesnyRow);
    const rolling = await createClient(api, 'Zofia Nowakowska', VILLAGE.jeglawki, { mobility: 'WHEELCHAIR' });
    const gone = await createClient(api, 'Jan Król', VILLAGE.lesk);
    const g = (await api.get(`/clients/${gone}`)).body;
    expect((await api.patch(`/clients/${gone}`, { active: false, version: g.version })).status).toBe(200);
    const home = (await api.get(`/clients/${walker}`)).body.homePlaceId;

    const oneOff = (b: object) => api.post('/rides', { date: '2026-11-25', arriveBy: '09:00', ...b });
    const weekly = (b: object) => api.post('/recurring-rides', { weekdays: [2, 4], startDate: '2026-11-24', arriveBy: '09:00', ...b });
    const cases: [string, object, string, RegExp][] = [
      ['unknown client', { clientId: randomUUID(), toPlaceId: centre }, 'clientId', /no such client/],
      ['inactive client', { clientId: gone, toPlaceId: centre }, 'clientId', /inactive/],
      ['unknown destination', { clientId: walker, toPlaceId: randomUUID() }, 'toPlaceId', /no such place/],
      ['unknown origin', { clientId: walker, fromPlaceId: randomUUID(), toPlaceId: centre }, 'fromPlaceId', /no such place/],
      ['destination = home', { clientId: walker, toPlaceId: home }, 'toPlaceId', /client's home/],
      ['wheelchair user without a wheelchair place', { clientId: rolling, toPlaceId: centre, wheelchair: false }, 'wheelchair', /wheelchair place is needed/],
    ];
    for (const [what, body, path, why] of cases) {
      for (const send of [oneOff, weekly]) {
        const res = await send(body);
        expect(res.status, what).toBe(400);
        const field = res.body.error.fields.find((f: any) => f.path === path);
        expect(field, what).toBeTruthy();
        expect(field.messageEn, what).toMatch(why);
      }
    }
    expect(await t.db.ride.count({ where: { organisationId: org.id } })).toBe(0);

    expect((await oneOff({ clientId: rolling, toPlaceId: centre })).body.outbound.wheelchair).toBe(true);
    const pattern = await weekly({ clientId: rolling, toPlaceId: centre });
    expect(pattern.status).toBe(201);
    expect(pattern.body.wheelchair).toBe(true);
  });
});

describe('weekly patterns and suspensions', () => {
  it('makes no rides on a suspended client’s days, and makes them once the suspension is lifted', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const centre = await createPlace(api, 'CUS', 'Dzienny Dom', [54.2134, 21.5192]);
    const client = await createClient(api, 'Helena Kowalczyk', VILLAGE.lesnyRow);
    const c = (await api.get(`/clients/${client}`)).body;
    const suspension = { from: '2026-11-24', until: '2026-11-30', reason: 'Pobyt w sanatorium' };
    expect((await api.patch(`/clients/${client}`, { suspension, version: c.version })).status).toBe(200);

    // Tuesdays and Thursdays from the 24th: the 24th and 26th fall in the suspension.
    const pattern = await api.post('/recurring-rides', { clientId: client, toPlaceId: centre, weekdays: [2, 4], startDate: '2026-11-24', endDate: '2026-12-04', arriveBy: '09:00' });
    expect(pattern.status).toBe(201);
    const dates = async () => (await t.db.ride.findMany({ where: { recurringRideId: pattern.body.id }, orderBy: { serviceDate: 'asc' } })).map((r) => r.serviceDate.toISOString().slice(0, 10));
    expect(await dates()).toEqual(['2026-12-01', '2026-12-03']);
    // Booking a one-off ride in the suspension is refused as well.
    expect((await api.post('/rides', { clientId: client, toPlaceId: centre, date: '2026-11-25', arriveBy: '10:00' })).status).toBe(400);

    const now = (await api.get(`/clients/${client}`)).body;
    expect((await api.patch(`/clients/${client}`, { suspension: null, version: now.version })).status).toBe(200);
    await materialiseRecurringRides(t.db, { from: '2026-11-23', organisationId: org.id, now: NOW });
    expect(await dates()).toEqual(['2026-11-24', '2026-11-26', '2026-12-01', '2026-12-03']);
  });
});
