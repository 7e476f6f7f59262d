/**
 * Occupancy and on-time rate in the period report (issue #8), on a small hand-made day: planned
 * by the worker, published, the drivers' pickups and drop-offs posted through the API at chosen
 * times, and the figures computed here, independently, from the stored plan and those times.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { testClock } from '../helpers/test-clock.js';
import { createSmallFleet, bookRide } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
let osrm: FakeOsrm;
const DATE = '2026-11-24';
/** Booked and planned the day before; each report moves the clock to its time (a phone reports as it happens). */
const clock = testClock('2026-11-23T09:00:00Z');

beforeAll(async () => {
  t = await createTestContext({ now: clock.now });
  osrm = await startFakeOsrm({ dataVersion: '2026-11-20T21:21:02Z' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 300 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 1000 : null);
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

describe('occupancy and on-time rate', () => {
  it('equal the figures computed from the published plan and the drivers’ reported times', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const c = day.clients;
    const book = (b: object) => bookRide(api, DATE, b);
    const helena = await book({ clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } });
    const zofia = await book({ clientId: c.zofia, toPlaceId: day.healthId, arriveBy: '09:30' });
    const jan = await book({ clientId: c.jan, toPlaceId: day.dayCentreId, arriveBy: '08:45' });
    const irena = await book({ clientId: c.irena, toPlaceId: day.healthId, departAfter: '10:00' });
    const jozef = await book({ clientId: c.jozef, toPlaceId: day.dayCentreId, departAfter: '11:00' });

    const plan = await planAndWait(api, DATE);
    expect(plan.status).toBe('DONE');
    expect(plan.summary.ridesPlaced).toBe(6);
    expect((await api.post(`/plans/${plan.id}/publish`, {})).status).toBe(200);

    // Where each ride's stops are on the drivers' manifests.
    const stops = new Map<string, { vehicleId: string; sequence: number }>();
    for (const v of [day.busId, day.carId]) {
      const m = await api.get(`/manifests/${DATE}/${v}`);
      expect(m.status).toBe(200);
      for (const s of m.body.stops) stops.set(`${s.rideId}:${s.kind}`, { vehicleId: v, sequence: s.sequence });
    }
    const report = async (rideId: string, kind: 'PICKED_UP' | 'DROPPED_OFF', hhmm: string) => {
      const at = stops.get(`${rideId}:${kind === 'PICKED_UP' ? 'PICKUP' : 'DROPOFF'}`)!;
      const when = new Date(`${DATE}T${hhmm}:00+01:00`);
      clock.reach(when);
      const res = await api.post(`/manifests/${DATE}/${at.vehicleId}/stops/${at.sequence}/events`, {
        kind, clientEventId: randomUUID(), at: when.toISOString(), rideId,
      });
      expect(res.status, res.text).toBe(201);
    };
    // Helena arrives before her 08:30 appointment; Zofia 3 minutes after 09:30 (within 5);
    // Jan 10 minutes after 08:45; Irena is picked up at 10:10, inside her 10:00–10:30 window.
    await report(helena.outbound.id, 'PICKED_UP', '08:05');
    await report(helena.outbound.id, 'DROPPED_OFF', '08:29');
    await report(jan.outbound.id, 'PICKED_UP', '08:30');
    await report(jan.outbound.id, 'DROPPED_OFF', '08:55');
    await report(zofia.outbound.id, 'PICKED_UP', '09:05');
    await report(zofia.outbound.id, 'DROPPED_OFF', '09:33');
    await report(irena.outbound.id, 'PICKED_UP', '10:10');
    // Józef (11:00) and Helena's return (14:00) are not reported yet: judged by the plan.

    const rep = await api.get(`/reports?from=${DATE}&to=${DATE}`);
    expect(rep.status).toBe(200);

    // The plan's pickups of the two depart-after rides not reported, against [time, time + 30 min].
    const planned = await t.db.planStop.findMany({ where: { organisationId: org.id, route: { planId: plan.id } }, include: { route: { include: { vehicle: true } } } });
    const pickupMinute = (rideId: string) => Math.floor(planned.find((s) => s.rideId === rideId && s.kind === 'PICKUP')!.serviceStartSec / 60);
    const inWindow = [[jozef.outbound.id, 11 * 60], [helena.return!.id, 14 * 60]].filter(([id, t0]) => pickupMinute(id as string) >= (t0 as number) && pickupMinute(id as string) <= (t0 as number) + 30).length;
    expect(rep.body.onTime).toEqual({
      lateToleranceMin: 5, pickupWindowMin: 30,
      arriveByReported: 3, arriveByOnTime: 1, arriveByOnTimeRate: share(1, 3), arriveByWithinTolerance: 2, arriveByWithinToleranceRate: share(2, 3),
      arriveByPlanned: 0, arriveByPlannedOnTime: 0, arriveByPlannedOnTimeRate: null,
      departAfterReported: 1, departAfterInWindow: 1, departAfterInWindowRate: 1,
      departAfterPlanned: 2, departAfterPlannedInWindow: inWindow, departAfterPlannedInWindowRate: share(inWindow, 2),
    });
    // The solver keeps the windows: both planned pickups are inside them.
    expect(inWindow).toBe(2);

    // Occupancy: people on board after each stop × the travel time to the next stop.
    const routes = await t.db.planRoute.findMany({ where: { planId: plan.id }, include: { vehicle: true, stops: { orderBy: { sequence: 'asc' } } } });
    let passengerSec = 0;
    let drivingSec = 0;
    let placeSec = 0;
    const perVehicle: Record<string, { passengerSec: number; drivingSec: number; places: number }> = {};
    for (const route of routes) {
      let p = 0;
      for (let i = 0; i + 1 < route.stops.length; i++) {
        const here = route.stops[i]!;
        p += (here.seatsAfter + here.wheelchairsAfter) * (route.stops[i + 1]!.arrivalSec - here.departureSec);
      }
      const places = route.vehicle.seats + route.vehicle.wheelchairPlaces;
      perVehicle[route.vehicleId] = { passengerSec: p, drivingSec: route.drivingSec, places };
      passengerSec += p;
      drivingSec += route.drivingSec;
      placeSec += places * route.drivingSec;
    }
    expect(passengerSec).toBeGreaterThan(0);
    expect(rep.body.occupancy).toMatchObject({
      passengerHours: r2(passengerSec / 3600), drivingHours: r2(drivingSec / 3600), averageOnBoard: r3(passengerSec / drivingSec),
      placeHours: r2(placeSec / 3600), load: r3(passengerSec / placeSec),
    });
    expect(rep.body.occupancy.vehicles).toHaveLength(routes.length);
    for (const v of rep.body.occupancy.vehicles) {
      const mine = perVehicle[v.vehicleId]!;
      expect(v).toMatchObject({ averageOnBoard: r3(mine.passengerSec / mine.drivingSec), load: r3(mine.passengerSec / (mine.places * mine.drivingSec)) });
    }

    // A wider tolerance counts Jan's drop-off 10 minutes late as within it.
    const wide = await api.get(`/reports?from=${DATE}&to=${DATE}&lateToleranceMin=10`);
    expect(wide.body.onTime).toMatchObject({ lateToleranceMin: 10, arriveByWithinTolerance: 3, arriveByWithinToleranceRate: 1, arriveByOnTime: 1 });
    const bad = await api.get(`/reports?from=${DATE}&to=${DATE}&lateToleranceMin=61`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('lateToleranceMin');

    // The CSV carries the same figures.
    const res = await fetch(`${t.baseUrl}/api/v1/reports?from=${DATE}&to=${DATE}&format=csv`, { headers: { Authorization: `Bearer ${tokenFor(org.slug)}` } });
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    const num = (x: number | null) => (x === null ? '' : String(x).replace('.', ','));
    expect(lines).toContain(`Dowóz na godzinę — zgłoszone wysadzenia / Arrive-by — reported drop-offs;3;1;${num(share(1, 3))};2;${num(share(2, 3))}`);
    expect(lines).toContain(`RAZEM / TOTAL;${num(r2(passengerSec / 3600))};${num(r2(drivingSec / 3600))};${num(r3(passengerSec / drivingSec))};${num(r2(placeSec / 3600))};${num(r3(passengerSec / placeSec))}`);
  }, 120_000);
});
