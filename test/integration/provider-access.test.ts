/**
 * A provider's account sees and confirms only the rides planned on its own vehicles (issue #5,
 * row limit by ctx.providerId), through the API with a PROVIDER token.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
let osrm: FakeOsrm;
const NOW = new Date('2026-11-24T15:00:00Z');
/** The day is planned the day before, as a centre does, and confirmed on the day. */
const DAY_BEFORE = new Date('2026-11-23T12:00:00Z');
let clock = NOW;
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: () => clock });
  osrm = await startFakeOsrm({ dataVersion: 'prov2' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

describe('a provider’s account', () => {
  it('reads its own provider and the rides on its vehicles, confirms those, and nothing else', async () => {
    const org = await t.newOrganisation();
    const admin = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(admin);
    const mine = (await admin.post('/providers', { name: 'Stowarzyszenie Razem' })).body.id;
    const theirs = (await admin.post('/providers', { name: 'Taxi Kętrzyn' })).body.id;
    expect((await admin.put(`/providers/${mine}/vehicles`, { vehicleIds: [day.carId] })).status).toBe(200);
    const c = day.clients;
    for (const clientId of [c.helena, c.jozef, c.irena, c.jan, c.zofia]) {
      expect((await admin.post('/rides', { date: DATE, clientId, toPlaceId: day.dayCentreId, arriveBy: '08:00' })).status).toBe(201);
    }
    clock = DAY_BEFORE;
    const plan = await planAndWait(admin, DATE);
    clock = NOW;
    const onCar = new Set<string>();
    const onBus = new Set<string>();
    for (const r of plan.routes) for (const s of r.stops) (r.vehicle.id === day.carId ? onCar : onBus).add(s.rideId);
    expect(onCar.size).toBeGreaterThan(0);
    expect(onBus.size).toBeGreaterThan(0);

    const provider = apiFor(t.baseUrl, org.slug, { token: await t.newToken(org.id, ['PROVIDER'], mine) });
    expect((await provider.get('/providers')).body.items.map((p: any) => p.id)).toEqual([mine]);
    expect((await provider.get(`/providers/${theirs}`)).status).toBe(404);
    const rides = await provider.get(`/providers/${mine}/rides?from=${DATE}&to=${DATE}`);
    expect(rides.status).toBe(200);
    expect(new Set(rides.body.items.map((r: any) => r.rideId))).toEqual(onCar);
    expect((await provider.get(`/providers/${theirs}/rides?from=${DATE}&to=${DATE}`)).status).toBe(404);

    const carRide = [...onCar][0]!;
    const confirmed = await provider.post(`/rides/${carRide}/provider-confirmation`, { outcome: 'NO_SHOW', km: 7.5, feeCollectedGrosze: 0, note: 'nikt nie otworzył' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ providerId: mine, outcome: 'NO_SHOW' });
    expect(confirmed.body.by).toMatch(/^token:/);
    // A ride on the centre's bus, or an unknown one, looks the same: not found.
    expect((await provider.post(`/rides/${[...onBus][0]}/provider-confirmation`, { outcome: 'COMPLETED', km: 1, feeCollectedGrosze: 0 })).status).toBe(404);
    expect((await provider.post(`/rides/${randomUUID()}/provider-confirmation`, { outcome: 'COMPLETED', km: 1, feeCollectedGrosze: 0 })).status).toBe(404);
    // Not the provider's to manage, nor to read the centre's bookings.
    expect((await provider.post('/providers', { name: 'Nowy' })).status).not.toBe(201);
    expect((await provider.put(`/providers/${mine}/vehicles`, { vehicleIds: [day.carId, day.busId] })).status).not.toBe(200);
    expect((await provider.get(`/rides?date=${DATE}`)).status).not.toBe(200);
    expect(await t.db.providerConfirmation.count({ where: { organisationId: org.id } })).toBe(1);
  });
});
