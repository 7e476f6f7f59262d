/**
 * Rides booked before a client's suspension (D23 keeps them: a person decides) are shown and can be
 * cancelled in one step (D59): GET /clients/:id/suspension/rides lists the still-booked rides of the
 * suspension's days from today on, POST …/cancel-rides cancels each as a single cancellation would
 * (history with the reason, the live plan); the day's plan names suspended clients it still carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { bookRide, createSmallFleet } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { signIn } from '../helpers/sign-in.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { materialiseRecurringRides } from '../../src/domain/booking/materialise-recurring-rides.js';

let t: TestContext;
// Monday 2026-11-23, 10:00 in Warsaw.
const now = new Date('2026-11-23T09:00:00Z');
const PASSWORD = 'dobre-haslo-123';

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  t.startWorker(createTravelTimeProvider({ osrmUrl: null }), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
});

describe('rides booked in a client’s suspension', () => {
  it('are listed, flagged on the day’s plan and cancelled in one step with the suspension’s reason', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const helena = day.clients.helena!;
    const book = (clientId: string, date: string, extra: object = {}) => bookRide(api, date, { clientId, toPlaceId: day.dayCentreId, arriveBy: '09:00', ...extra });
    const tuesday = await book(helena, '2026-11-24', { return: { departAfter: '13:00' } });
    const thursday = await book(helena, '2026-11-26');
    const afterIt = await book(helena, '2026-12-10');
    const jans = await book(day.clients.jan!, '2026-11-24');
    const plan = await planAndWait(api, '2026-11-24');
    expect(plan.status).toBe('DONE');
    expect(plan.suspendedClients).toEqual([]);

    // Not suspended: nothing to list, nothing to cancel.
    expect((await api.get(`/clients/${helena}/suspension/rides`)).body).toEqual({ period: null, reason: null, items: [] });
    const refused = await api.post(`/clients/${helena}/suspension/cancel-rides`, {});
    expect(refused.status).toBe(409);

    // The caseworker records a hospital stay that began last week.
    const card = (await api.get(`/clients/${helena}`)).body;
    const saved = await api.patch(`/clients/${helena}`, { suspension: { from: '2026-11-20', until: '2026-11-30', reason: 'pobyt w szpitalu' }, version: card.version });
    expect(saved.status).toBe(200);

    // From today on: Tuesday's two rides and Thursday's, not December's nor another client's.
    const listed = await api.get(`/clients/${helena}/suspension/rides`);
    expect(listed.status).toBe(200);
    expect(listed.body.period).toEqual({ from: '2026-11-23', until: '2026-11-30' });
    expect(listed.body.reason).toBe('pobyt w szpitalu');
    expect(listed.body.items.map((r: any) => r.id)).toEqual([tuesday.outbound.id, tuesday.return!.id, thursday.outbound.id]);

    // The day's plan still carries her: the board names her with the suspension.
    const flagged = (await api.get(`/plans/${plan.id}`)).body;
    expect(flagged.suspendedClients).toEqual([
      { client: { id: helena, name: 'Helena Kowalczyk' }, from: '2026-11-20', until: '2026-11-30', reason: 'pobyt w szpitalu', rides: 2 },
    ]);

    const done = await api.post(`/clients/${helena}/suspension/cancel-rides`, {});
    expect(done.status).toBe(200);
    expect(done.body.notCancelled).toEqual([]);
    expect(done.body.cancelled.map((r: any) => [r.id, r.status])).toEqual([
      [tuesday.outbound.id, 'CANCELLED'],
      [tuesday.return!.id, 'CANCELLED'],
      [thursday.outbound.id, 'CANCELLED'],
    ]);
    expect((await api.get(`/rides/${tuesday.outbound.id}`)).body.history.at(-1)).toMatchObject({ to: 'CANCELLED', reason: 'zawieszenie klienta: pobyt w szpitalu' });
    expect((await api.get(`/rides/${afterIt.outbound.id}`)).body.status).toBe('APPROVED');
    expect((await api.get(`/rides/${jans.outbound.id}`)).body.status).not.toMatch(/CANCELLED/);

    // Nothing is left to list, and the plan no longer names her.
    expect((await api.get(`/clients/${helena}/suspension/rides`)).body.items).toEqual([]);
    expect((await api.get(`/plans/${plan.id}`)).body.suspendedClients).toEqual([]);
    // Asked again, it cancels nothing more.
    expect((await api.post(`/clients/${helena}/suspension/cancel-rides`, {})).body).toEqual({ cancelled: [], notCancelled: [] });
  });

  it('a weekly ride cancelled for a suspension is made again by the daily run once the suspension is lifted early', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const jozef = day.clients.jozef!;
    // Tuesdays and Thursdays, there and back: made 30 days ahead at once.
    const pattern = await api.post('/recurring-rides', { clientId: jozef, toPlaceId: day.dayCentreId, arriveBy: '09:00', returnDepartAfter: '12:00', weekdays: [2, 4], startDate: '2026-11-24' });
    expect(pattern.status).toBe(201);
    const ridesIn = async (from: string, to: string) => (await api.get(`/rides?clientId=${jozef}&from=${from}&to=${to}`)).body.items as any[];
    expect(await ridesIn('2026-11-24', '2026-12-03')).toHaveLength(8);
    const card = (await api.get(`/clients/${jozef}`)).body;
    expect((await api.patch(`/clients/${jozef}`, { suspension: { from: '2026-11-24', until: '2026-12-03', reason: 'szpital' }, version: card.version })).status).toBe(200);
    const done = await api.post(`/clients/${jozef}/suspension/cancel-rides`, {});
    expect(done.body.cancelled).toHaveLength(8);
    expect(done.body.cancelled.every((r: any) => r.status === 'CANCELLED' && r.recurringRideId === null)).toBe(true);
    // While suspended, the daily run makes nothing in the period.
    const now1 = new Date('2026-11-23T09:00:00Z');
    await materialiseRecurringRides(t.db, { from: '2026-11-23', organisationId: org.id, now: now1 });
    expect((await ridesIn('2026-11-24', '2026-12-03')).filter((r) => r.status === 'APPROVED')).toEqual([]);
    // Back home early: lifted, the next run books his weekly days again.
    const suspended = (await api.get(`/clients/${jozef}`)).body;
    expect((await api.patch(`/clients/${jozef}`, { suspension: null, version: suspended.version })).status).toBe(200);
    await materialiseRecurringRides(t.db, { from: '2026-11-23', organisationId: org.id, now: now1 });
    const again = (await ridesIn('2026-11-24', '2026-12-03')).filter((r) => r.status === 'APPROVED');
    expect(again.map((r) => r.date)).toEqual(['2026-11-24', '2026-11-24', '2026-11-26', '2026-11-26', '2026-12-01', '2026-12-01', '2026-12-03', '2026-12-03']);
    expect(again.every((r) => r.recurringRideId === pattern.body.id)).toBe(true);
  });

  it('a suspension that has ended, or a client outside a caseworker’s caseload, gives nothing', async () => {
    const org = await t.newOrganisation();
    const admin = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(admin);
    const helena = (await admin.get(`/clients/${day.clients.helena}`)).body;
    expect((await admin.post('/rides', { date: '2026-11-24', clientId: helena.id, toPlaceId: day.dayCentreId, arriveBy: '09:00' })).status).toBe(201);
    const ended = await admin.patch(`/clients/${helena.id}`, { suspension: { from: '2026-11-10', until: '2026-11-20', reason: 'sanatorium' }, version: helena.version });
    expect(ended.status).toBe(200);
    expect((await admin.get(`/clients/${helena.id}/suspension/rides`)).body).toEqual({ period: null, reason: 'sanatorium', items: [] });
    expect((await admin.post(`/clients/${helena.id}/suspension/cancel-rides`, {})).status).toBe(409);

    const suffix = org.slug.slice(-6);
    expect((await admin.post('/users', { login: `ola.${suffix}`, displayName: 'Ola Opiekun', password: PASSWORD, roles: ['CASEWORKER'], ownCaseloadOnly: true })).status).toBe(201);
    const ola = await signIn(t.baseUrl, `ola.${suffix}`, PASSWORD);
    expect((await ola.get(`/clients/${helena.id}/suspension/rides`)).status).toBe(404);
    expect((await ola.post(`/clients/${helena.id}/suspension/cancel-rides`, {})).status).toBe(404);
    expect((await admin.get('/rides?date=2026-11-24')).body.items[0].status).toBe('APPROVED');
  });
});
