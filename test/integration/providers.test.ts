/**
 * Contracted providers (issue #5) through the API: the administrator creates one and gives it a
 * vehicle; the rides planned on that vehicle are the provider's; it confirms them (outcome, km,
 * fee) with who and when; rides on other vehicles are not its to see or confirm.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { listProviderRides, confirmProviderRide } from '../../src/domain/provider/provider-rides.js';
import { getProvider, listProviders } from '../../src/domain/provider/manage-providers.js';

let t: TestContext;
let osrm: FakeOsrm;
// 16:00 in Warsaw on the service day: the rides can be confirmed.
const NOW = new Date('2026-11-24T15:00:00Z');
const DATE = '2026-11-24';
const DAY_BEFORE = new Date('2026-11-23T12:00:00Z');
// The service's clock, moved by the test: confirmations are stamped with it.
let clock = NOW;

beforeAll(async () => {
  t = await createTestContext({ now: () => clock });
  osrm = await startFakeOsrm({ dataVersion: 'prov1' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

describe('providers', () => {
  it('manages providers and their vehicles, lists the rides on them, and records confirmations', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);

    expect((await api.post('/providers', { name: 'X', phone: 'abc' })).status).toBe(400);
    const created = await api.post('/providers', { name: 'Stowarzyszenie Razem', phone: '+48 89 000 11 22', email: 'biuro@razem.example' });
    expect(created.status).toBe(201);
    const providerId = created.body.id;
    const other = (await api.post('/providers', { name: 'Taxi Kętrzyn' })).body.id;

    // The car goes to the provider; an unknown vehicle is refused by position, changing nothing.
    const badAssign = await api.put(`/providers/${providerId}/vehicles`, { vehicleIds: [day.carId, randomUUID()] });
    expect(badAssign.status).toBe(400);
    expect(badAssign.body.error.fields[0].path).toBe('vehicleIds.1');
    expect((await api.get(`/providers/${providerId}`)).body.vehicleIds).toEqual([]);
    const assigned = await api.put(`/providers/${providerId}/vehicles`, { vehicleIds: [day.carId] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.vehicleIds).toEqual([day.carId]);

    const renamed = await api.patch(`/providers/${providerId}`, { name: 'Stowarzyszenie Razem w Srokowie', version: created.body.version });
    expect(renamed.status).toBe(200);
    expect((await api.patch(`/providers/${providerId}`, { name: 'Stale', version: created.body.version })).status).toBe(409);

    // Enough rides at once that both vehicles are used.
    const c = day.clients;
    for (const [clientId, arriveBy] of [[c.helena, '08:00'], [c.jozef, '08:00'], [c.irena, '08:00'], [c.jan, '08:00'], [c.zofia, '08:00']] as const) {
      expect((await api.post('/rides', { date: DATE, clientId, toPlaceId: day.dayCentreId, arriveBy })).status).toBe(201);
    }
    // Planned the day before, as a centre does; confirmed on the day.
    clock = DAY_BEFORE;
    const plan = await planAndWait(api, DATE);
    clock = NOW;
    expect(plan.status).toBe('DONE');
    const onCar = new Set<string>();
    const onBus = new Set<string>();
    for (const r of plan.routes) for (const s of r.stops) (r.vehicle.id === day.carId ? onCar : onBus).add(s.rideId);
    expect(onCar.size).toBeGreaterThan(0);
    expect(onBus.size).toBeGreaterThan(0);

    const rides = await api.get(`/providers/${providerId}/rides?from=${DATE}&to=${DATE}`);
    expect(rides.status).toBe(200);
    expect(new Set(rides.body.items.map((r: any) => r.rideId))).toEqual(onCar);
    expect(rides.body.items.every((r: any) => r.vehicle.id === day.carId && r.confirmation === null && r.pickupTime && r.from.address)).toBe(true);
    expect((await api.get(`/providers/${other}/rides?from=${DATE}&to=${DATE}`)).body.items).toEqual([]);
    expect((await api.get(`/providers/${providerId}/rides?from=${DATE}&to=2026-11-01`)).status).toBe(400);

    // Confirmations: recorded with who and when; a correction is a new one, the newest shown.
    const carRide = [...onCar][0]!;
    const bad = await api.post(`/rides/${carRide}/provider-confirmation`, { outcome: 'DONE', km: -1, feeCollectedGrosze: 1.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.path).sort()).toEqual(['feeCollectedGrosze', 'km', 'outcome']);
    const first = await api.post(`/rides/${carRide}/provider-confirmation`, { outcome: 'COMPLETED', km: 12.4, feeCollectedGrosze: 500 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ rideId: carRide, providerId, outcome: 'COMPLETED', km: 12.4, feeCollectedGrosze: 500 });
    expect(first.body.at).toBe(NOW.toISOString());
    expect(first.body.by).toBeTruthy();
    clock = new Date(NOW.getTime() + 20 * 60_000);
    const correction = await api.post(`/rides/${carRide}/provider-confirmation`, { outcome: 'COMPLETED', km: 14, feeCollectedGrosze: 500, note: 'objazd: roboty drogowe' });
    expect(correction.body.at).toBe('2026-11-24T15:20:00.000Z');
    clock = NOW;
    const listed = (await api.get(`/providers/${providerId}/rides?from=${DATE}&to=${DATE}`)).body.items.find((r: any) => r.rideId === carRide);
    expect(listed.confirmation).toMatchObject({ km: 14, note: 'objazd: roboty drogowe', at: '2026-11-24T15:20:00.000Z' });
    expect(await t.db.providerConfirmation.count({ where: { rideId: carRide } })).toBe(2);

    // A ride on the centre's own bus is no provider's to confirm.
    const busRide = [...onBus][0]!;
    const notProvider = await api.post(`/rides/${busRide}/provider-confirmation`, { outcome: 'COMPLETED', km: 3, feeCollectedGrosze: 0 });
    expect(notProvider.status).toBe(409);
    expect(notProvider.body.error.messageEn).toContain('not planned on a provider');

    // Scoped to the provider (ctx.providerId, set by sign-in for PROVIDER users): its own rides
    // only; another provider's, or a ride on another vehicle, looks unknown.
    const deps = { db: t.db, now: () => NOW };
    const asProvider = { organisationId: org.id, actor: 'user:provider', roles: ['PROVIDER' as const], providerId };
    expect((await listProviders(deps, asProvider)).map((p) => p.id)).toEqual([providerId]);
    await expect(getProvider(deps, asProvider, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listProviderRides(deps, asProvider, other, { from: DATE, to: DATE })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listProviderRides(deps, asProvider, providerId, { from: DATE, to: DATE })).length).toBe(onCar.size);
    await expect(confirmProviderRide(deps, asProvider, busRide, { outcome: 'COMPLETED', km: 1, feeCollectedGrosze: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const asOther = { ...asProvider, providerId: other };
    await expect(confirmProviderRide(deps, asOther, carRide, { outcome: 'COMPLETED', km: 1, feeCollectedGrosze: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Releasing the vehicle: the provider has no vehicles; the car is the centre's again.
    expect((await api.put(`/providers/${providerId}/vehicles`, { vehicleIds: [] })).body.vehicleIds).toEqual([]);
    expect((await api.get(`/providers/${providerId}/rides?from=${DATE}&to=${DATE}`)).body.items).toEqual([]);
  });

  it('refuses to confirm a ride before its day', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const provider = (await api.post('/providers', { name: 'Stowarzyszenie Jutro' })).body.id;
    await api.put(`/providers/${provider}/vehicles`, { vehicleIds: [day.carId, day.busId] });
    const ride = (await api.post('/rides', { date: '2026-11-25', clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '09:00' })).body.outbound.id;
    expect((await planAndWait(api, '2026-11-25')).status).toBe('DONE');
    const early = await api.post(`/rides/${ride}/provider-confirmation`, { outcome: 'COMPLETED', km: 5, feeCollectedGrosze: 0 });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].message).toContain('2026-11-25');
    expect(await t.db.providerConfirmation.count({ where: { rideId: ride } })).toBe(0);
  });
});
