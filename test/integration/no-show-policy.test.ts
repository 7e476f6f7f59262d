/**
 * The no-show policy (issue #5) through the API: a driver's no-show reports bring a warning, then
 * a suspension recorded on the client; booking in the suspension is refused with the reason; a
 * dispatcher lifts it with a reason; every step is in the client's policy history.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { testClock } from '../helpers/test-clock.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
let osrm: FakeOsrm;
/** Booked and planned the day before; each report moves the clock to its time (a phone reports as it happens). */
const clock = testClock('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: clock.now });
  osrm = await startFakeOsrm({ dataVersion: 'nsp1' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

describe('no-show policy', () => {
  it('warns after the first no-show, suspends after the second, refuses bookings, and a dispatcher lifts it', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const o = (await api.get('/organisation')).body;
    const rules = await api.patch('/organisation/rules', { rules: { noShowPolicy: { warnAfter: 1, suspendAfter: 2, periodDays: 30, suspensionDays: 7 } }, version: o.version });
    expect(rules.status).toBe(200);
    // A policy that suspends before it warns is refused, naming the field.
    const bad = await api.patch('/organisation/rules', { rules: { noShowPolicy: { warnAfter: 3, suspendAfter: 2 } }, version: rules.body.version });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.fields)).toContain('suspendAfter');

    const day = await createSmallFleet(api);
    const helena = day.clients.helena;
    const booked = await api.post('/rides', { date: DATE, clientId: helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '13:00' } });
    expect(booked.status).toBe(201);
    const plan = await planAndWait(api, DATE);
    expect(plan.status).toBe('DONE');
    // Drivers see published plans (issue #8); publishing is harmless where it is not required.
    const published = await api.post(`/plans/${plan.id}/publish`);
    expect([200, 404]).toContain(published.status);
    // Read afresh each time: a no-show takes the ride's stops out of the live plan, renumbering the rest.
    const pickupOf = async (rideId: string) => {
      const live = (await api.get(`/plans/${plan.id}`)).body;
      for (const r of live.routes) for (const s of r.stops) if (s.rideId === rideId && s.kind === 'PICKUP') return { vehicleId: r.vehicle.id, stop: s };
      throw new Error('no pickup');
    };
    const noShow = async (rideId: string) => {
      const { vehicleId, stop } = await pickupOf(rideId);
      const at = `${DATE}T${stop.time}:00+01:00`;
      clock.reach(at);
      expect((await api.post(`/manifests/${DATE}/${vehicleId}/stops/${stop.sequence}/events`, { kind: 'ARRIVED', clientEventId: randomUUID(), at })).status).toBe(201);
      const res = await api.post(`/manifests/${DATE}/${vehicleId}/stops/${stop.sequence}/events`, { kind: 'NO_SHOW', clientEventId: randomUUID(), at });
      expect(res.status).toBe(201);
      expect(res.body.rideStatus).toBe('NO_SHOW');
    };

    await noShow(booked.body.outbound.id);
    const warned = (await api.get(`/clients/${helena}`)).body;
    expect(warned.noShowWarningAt).not.toBeNull();
    expect(warned.suspension).toBeNull();

    await noShow(booked.body.return.id);
    const suspended = (await api.get(`/clients/${helena}`)).body;
    expect(suspended.suspension).toMatchObject({ from: '2026-11-25', until: '2026-12-01' });
    expect(suspended.suspension.reason).toContain('2 nieobecności');

    // Booking in the suspension is refused with the dates and the reason; after it, accepted.
    const refused = await api.post('/rides', { date: '2026-11-27', clientId: helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ path: 'date' });
    expect(refused.body.error.fields[0].message).toContain('zawieszony od 2026-11-25 do 2026-12-01');
    expect(refused.body.error.fields[0].messageEn).toContain('suspended');
    expect((await api.post('/rides', { date: '2026-12-02', clientId: helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' })).status).toBe(201);

    const history = (await api.get(`/clients/${helena}/policy-events`)).body.items;
    expect(history.map((e: any) => [e.action, e.actor, e.noShows])).toEqual([
      ['SUSPENSION', 'system', 2],
      ['WARNING', 'system', 1],
    ]);

    // The dispatcher's override: a reason is required; lifting clears the suspension and warning.
    const noReason = await api.post(`/clients/${helena}/no-show-policy`, { action: 'LIFT_SUSPENSION', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    const lifted = await api.post(`/clients/${helena}/no-show-policy`, { action: 'LIFT_SUSPENSION', reason: 'Pobyt w szpitalu, potwierdzony przez opiekunkę' });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ suspension: null, noShowWarningAt: null });
    expect((await api.post('/rides', { date: '2026-11-27', clientId: helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' })).status).toBe(201);
    const after = (await api.get(`/clients/${helena}/policy-events`)).body.items[0];
    expect(after).toMatchObject({ action: 'SUSPENSION_LIFTED', reason: 'Pobyt w szpitalu, potwierdzony przez opiekunkę', suspendedUntil: '2026-12-01' });
    expect(after.actor).not.toBe('system');

    // Nothing left to lift or clear: refused, nothing recorded.
    expect((await api.post(`/clients/${helena}/no-show-policy`, { action: 'LIFT_SUSPENSION', reason: 'jeszcze raz' })).status).toBe(409);
    expect((await api.post(`/clients/${helena}/no-show-policy`, { action: 'CLEAR_WARNING', reason: 'jeszcze raz' })).status).toBe(409);
    expect((await api.get(`/clients/${helena}/policy-events`)).body.items).toHaveLength(3);
    expect((await api.post(`/clients/${randomUUID()}/no-show-policy`, { action: 'CLEAR_WARNING', reason: 'nie ma' })).status).toBe(404);
  });
});
