/**
 * One client's rides over a period (GET /rides?clientId=&from=&to=), the client card's single
 * request: the client's rides only, day by day, with status, times, places, fee, the return link
 * and a cancellation's reason and late flag; the period validated by field; a client outside a
 * caseworker's own caseload answers 404 like an unknown id (D13); each read is in the audit log.
 * The late flag of a cancellation follows the day's booking cut-off, like the report's count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { signIn } from '../helpers/sign-in.js';

let t: TestContext;
// Monday 2026-11-23, 10:00 in Warsaw.
let now = new Date('2026-11-23T09:00:00Z');
const UNKNOWN_ID = '7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11';
const PASSWORD = 'dobre-haslo-123';

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

describe('a client’s rides over a period', () => {
  it('lists only that client’s rides in the period, with the late flag the cancellation answered and the report counts', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const helena = day.clients.helena!;
    const book = async (clientId: string, date: string, extra: object = {}) => {
      const res = await api.post('/rides', { date, clientId, toPlaceId: day.dayCentreId, arriveBy: '09:00', ...extra });
      expect(res.status).toBe(201);
      return res.body as { outbound: { id: string; feeGrosze: number | null }; return: { id: string } | null };
    };
    const tuesday = await book(helena, '2026-11-24', { return: { departAfter: '13:00' } });
    const thursday = await book(helena, '2026-11-26');
    const december = await book(helena, '2026-12-10');
    await book(day.clients.jan!, '2026-11-24');

    // Book by 12:00 on the working day before (Tuesday's rides close on Monday at 11:00 UTC).
    const current = await api.get('/organisation');
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: { time: '12:00', workingDaysBefore: 1 } }, version: current.body.version })).status).toBe(200);

    const listed = await api.get(`/rides?clientId=${helena}&from=2026-11-24&to=2026-11-30`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ clientId: helena, from: '2026-11-24', to: '2026-11-30' });
    expect(listed.body.items.map((r: any) => r.id)).toEqual([tuesday.outbound.id, tuesday.return!.id, thursday.outbound.id]);
    const [out, ret] = listed.body.items;
    expect(out).toMatchObject({
      date: '2026-11-24', status: 'APPROVED', client: { id: helena }, to: { id: day.dayCentreId }, arriveBy: '09:00',
      returnRideId: tuesday.return!.id, feeGrosze: tuesday.outbound.feeGrosze, cancelReason: null, lateCancelled: null,
    });
    expect(ret).toMatchObject({ outboundRideId: tuesday.outbound.id, departAfter: '13:00', from: { id: day.dayCentreId } });
    // Both ends of the period count; the day list is still there.
    expect((await api.get(`/rides?clientId=${helena}&from=2026-12-10&to=2026-12-10`)).body.items.map((r: any) => r.id)).toEqual([december.outbound.id]);
    expect((await api.get('/rides?date=2026-11-24')).body.items).toHaveLength(3);
    expect((await api.get(`/rides?clientId=${helena}&from=2026-11-24&to=2026-12-31&status=APPROVED`)).body.items).toHaveLength(4);

    // Thursday's cancelled before its cut-off (Wednesday 12:00): not late.
    const inTime = await api.post(`/rides/${thursday.outbound.id}/cancel`, { reason: 'Zmiana planów' });
    expect(inTime.status).toBe(200);
    expect(inTime.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'Zmiana planów', lateCancelled: false });
    // Tuesday's return, cancelled on Monday at 13:30 in Warsaw: after the cut-off.
    now = new Date('2026-11-23T12:30:00Z');
    const late = await api.post(`/rides/${tuesday.return!.id}/cancel`, { reason: 'Choroba' });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: 'LATE_CANCELLED', lateCancelled: true });
    // Cancelling again answers the same, flag included.
    expect((await api.post(`/rides/${tuesday.return!.id}/cancel`, { reason: 'Choroba' })).body.lateCancelled).toBe(true);

    const after = (await api.get(`/rides?clientId=${helena}&from=2026-11-24&to=2026-11-30`)).body.items;
    expect(after.map((r: any) => [r.status, r.lateCancelled])).toEqual([['APPROVED', null], ['LATE_CANCELLED', true], ['CANCELLED', false]]);
    const history = (await api.get(`/rides/${tuesday.return!.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ from: 'APPROVED', to: 'LATE_CANCELLED', reason: 'Choroba', at: '2026-11-23T12:30:00.000Z' });
    expect((await api.get(`/rides/${thursday.outbound.id}`)).body.history.at(-1)).toMatchObject({ from: 'APPROVED', to: 'CANCELLED', reason: 'Zmiana planów' });
    const report = await api.get('/reports?from=2026-11-24&to=2026-11-30');
    expect(report.body.rides).toMatchObject({ cancelled: 2, lateCancelled: 1 });

    // Late was decided when it was cancelled: dropping the cut-off later does not rewrite it (D29).
    const rules = await api.get('/organisation');
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: null }, version: rules.body.version })).status).toBe(200);
    expect((await api.get(`/rides/${tuesday.return!.id}`)).body).toMatchObject({ status: 'LATE_CANCELLED', lateCancelled: true });
    expect((await api.get('/reports?from=2026-11-24&to=2026-11-30')).body.rides).toMatchObject({ cancelled: 2, lateCancelled: 1 });

    // The read is recorded for the client whose rides were shown.
    const audit = await t.db.auditEntry.findMany({ where: { organisationId: org.id, entity: 'ride', action: 'READ', clientId: helena } });
    expect(audit.length).toBeGreaterThan(0);
    expect(await t.db.auditEntry.count({ where: { organisationId: org.id, entity: 'ride', action: 'READ', clientId: day.clients.zofia! } })).toBe(0);
  });

  it('names the field of a wrong query and answers 404 for an unknown client', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const helena = day.clients.helena!;
    const fieldsOf = async (query: string) => {
      const res = await api.get(`/rides?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.every((f: any) => f.message && f.messageEn)).toBe(true);
      return res.body.error.fields.map((f: any) => f.path).sort();
    };
    expect(await fieldsOf('')).toEqual(['date']);
    expect(await fieldsOf(`clientId=${helena}`)).toEqual(['from', 'to']);
    expect(await fieldsOf(`clientId=${helena}&from=2026-11-30&to=2026-11-24`)).toEqual(['to']);
    expect(await fieldsOf(`clientId=${helena}&from=2026-01-01&to=2027-01-03`)).toEqual(['to']);
    expect(await fieldsOf(`clientId=${helena}&from=2026-11-31&to=2026-12-01`)).toEqual(['from']);
    expect(await fieldsOf(`clientId=nope&from=2026-11-24&to=2026-12-01`)).toEqual(['clientId']);
    expect(await fieldsOf(`date=2026-11-24&clientId=${helena}`)).toEqual(['date']);
    expect(await fieldsOf(`from=2026-11-24&to=2026-12-01`)).toEqual(['clientId']);
    const tooLong = await api.get(`/rides?clientId=${helena}&from=2026-01-01&to=2027-01-03`);
    expect(tooLong.body.error.fields[0].messageEn).toContain('366');
    // 366 days is the longest period allowed.
    expect((await api.get(`/rides?clientId=${helena}&from=2027-01-01&to=2028-01-02`)).status).toBe(200);
    const unknown = await api.get(`/rides?clientId=${UNKNOWN_ID}&from=2026-11-24&to=2026-12-01`);
    expect(unknown.status).toBe(404);
    // Another organisation's client is as unknown.
    const other = apiFor(t.baseUrl, (await t.newOrganisation()).slug);
    expect((await other.get(`/rides?clientId=${helena}&from=2026-11-24&to=2026-12-01`)).status).toBe(404);
  });

  it('answers 404 to a caseworker limited to their own caseload for another caseworker’s client', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const admin = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(admin);
    const suffix = org.slug.slice(-6);
    const user = await admin.post('/users', { login: `anna.${suffix}`, displayName: 'Anna Opiekun', password: PASSWORD, roles: ['CASEWORKER'], ownCaseloadOnly: true });
    expect(user.status).toBe(201);
    const helena = (await admin.get(`/clients/${day.clients.helena}`)).body;
    expect((await admin.patch(`/clients/${helena.id}`, { caseworkerUserId: user.body.id, version: helena.version })).status).toBe(200);
    for (const clientId of [helena.id, day.clients.jan!]) {
      expect((await admin.post('/rides', { date: '2026-11-24', clientId, toPlaceId: day.dayCentreId, arriveBy: '09:00' })).status).toBe(201);
    }
    const anna = await signIn(t.baseUrl, `anna.${suffix}`, PASSWORD);
    const own = await anna.get(`/rides?clientId=${helena.id}&from=2026-11-20&to=2026-11-30`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((r: any) => r.client.id)).toEqual([helena.id]);
    const others = await anna.get(`/rides?clientId=${day.clients.jan}&from=2026-11-20&to=2026-11-30`);
    expect(others.status).toBe(404);
    const unknown = await anna.get(`/rides?clientId=${UNKNOWN_ID}&from=2026-11-20&to=2026-11-30`);
    expect(others.body.error).toEqual(unknown.body.error);
    // The administrator sees Jan's.
    expect((await admin.get(`/rides?clientId=${day.clients.jan}&from=2026-11-20&to=2026-11-30`)).body.items).toHaveLength(1);
  });
});
