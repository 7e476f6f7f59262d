/**
 * A simulated day of service (issue #8): book, plan with the worker, then the drivers' scripted
 * reports — pickups, drop-offs, a no-show, a report in the wrong order refused, a resend stored
 * once, a report on a ride cancelled after planning refused — and the month's report checked
 * against figures computed here from what the script did.
 */
import { randomUUID } from 'node:crypto';
import { parseTimeOfDay } from '../../src/domain/common/time.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { testClock } from '../helpers/test-clock.js';
import { createPlace, createSmallFleet, bookRide } from '../helpers/day-fixture.js';
import { finishedPlan, planAndWait as planDay } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
let osrm: FakeOsrm;
/** Booking and planning the day before; each report then moves the clock to its own time (a phone reports as it happens). */
const clock = testClock('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';
const FINAL = ['COMPLETED', 'NO_SHOW', 'CANCELLED', 'TURNED_DOWN'];

beforeAll(async () => {
  t = await createTestContext({ now: clock.now });
  osrm = await startFakeOsrm({ dataVersion: '2026-11-20T21:21:02Z' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 300 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

type Api = ReturnType<typeof apiFor>;
interface Stop { sequence: number; kind: 'PICKUP' | 'DROPOFF'; time: string; rideId: string; state: string; actual: { arrived: string | null; done: string | null } }

/** Plans the day and publishes it: drivers see only published plans. */
async function planAndWait(api: Api) {
  const plan = await planDay(api, DATE);
  if (plan.status === 'DONE') expect((await api.post(`/plans/${plan.id}/publish`, {})).status).toBe(200);
  return plan;
}

/** The phone's report: at the planned time on the Warsaw clock (CET in November). */
function report(api: Api, vehicleId: string, stop: Stop, kind: string, clientEventId: string = randomUUID()) {
  const at = `${DATE}T${stop.time}:00+01:00`;
  clock.reach(at);
  // The phone names the ride: live edits may have renumbered the stops since it loaded the manifest.
  return api.post(`/manifests/${DATE}/${vehicleId}/stops/${stop.sequence}/events`, { kind, clientEventId, at, lat: 54.2, lon: 21.5, rideId: stop.rideId });
}

/** A new centre with one ride of `who` to the day centre (arrive by 08:30), planned and published: its pickup stop. */
async function oneRidePublished(who: 'helena' | 'jozef') {
  const org = await t.newOrganisation();
  const api = apiFor(t.baseUrl, org.slug);
  const day = await createSmallFleet(api);
  const ride = (await api.post('/rides', { date: DATE, clientId: day.clients[who], toPlaceId: day.dayCentreId, arriveBy: '08:30' })).body.outbound.id as string;
  const plan = await planAndWait(api);
  expect(plan.status).toBe('DONE');
  const vehicleId = plan.routes[0].vehicle.id as string;
  const stop = ((await api.get(`/manifests/${DATE}/${vehicleId}`)).body.stops as Stop[]).find((s) => s.kind === 'PICKUP')!;
  return { api, ride, vehicleId, stop };
}

describe('a day of service', () => {
  it('takes the drivers’ reports in order, ends every ride in exactly one final state, and reports the month', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const c = day.clients;
    const book = (b: object) => bookRide(api, DATE, b);
    const helena = await book({ clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } });
    await book({ clientId: c.zofia, toPlaceId: day.healthId, arriveBy: '09:30', return: { departAfter: '11:00' } });
    const jozef = await book({ clientId: c.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    await book({ clientId: c.irena, toPlaceId: day.healthId, departAfter: '10:00' });
    const jan = await book({ clientId: c.jan, toPlaceId: day.dayCentreId, arriveBy: '08:45', return: { departAfter: '13:00' } });
    // A ride to the county town leaves the gmina: it waits for approval and is turned down.
    const ketrzyn = await createPlace(api, 'HOSPITAL', 'Szpital Kętrzyn', [54.0765, 21.3753]);
    const far = await api.post('/rides', { date: DATE, clientId: c.irena, toPlaceId: ketrzyn, arriveBy: '13:00' });
    expect(far.status).toBe(201);
    expect(far.body.outbound.status).toBe('REQUESTED');
    expect((await api.post(`/rides/${far.body.outbound.id}/turn-down`, { reason: 'Brak kierowcy na trasę poza gminę' })).status).toBe(200);

    const plan = await planAndWait(api);
    expect(plan.status).toBe('DONE');
    expect(plan.summary.ridesPlaced).toBe(8);

    // Józef's ride is cancelled after the plan was made: its stops leave the live plan.
    expect((await api.post(`/rides/${jozef.outbound.id}/cancel`, { reason: 'Choroba klienta' })).status).toBe(200);

    const manifests = new Map<string, Stop[]>();
    for (const v of [day.busId, day.carId]) {
      const m = await api.get(`/manifests/${DATE}/${v}`);
      expect(m.status).toBe(200);
      manifests.set(v, m.body.stops);
      expect(m.body.stops.every((s: Stop) => s.state === 'PLANNED' && s.rideId !== jozef.outbound.id)).toBe(true);
    }
    const stopOf = (rideId: string, kind: Stop['kind']) => {
      for (const [vehicleId, stops] of manifests) {
        const stop = stops.find((s) => s.rideId === rideId && s.kind === kind);
        if (stop) return { vehicleId, stop };
      }
      throw new Error(`no ${kind} for ${rideId}`);
    };

    // Wrong order: a drop-off reported before its pickup is refused and changes nothing.
    const early = stopOf(helena.outbound.id, 'DROPOFF');
    const refused = await report(api, early.vehicleId, early.stop, 'DROPPED_OFF');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.message).toMatch(/przed jego odebraniem/);
    expect(refused.body.error.messageEn).toMatch(/before being picked up/);

    // The scripted day, stop by stop as the clock goes: each vehicle's stops keep their order, and
    // a morning pickup is reported before another vehicle's afternoon return (Jan's no-show must
    // come before his return is driven, whichever vehicle the plan gives each).
    const completed = new Set<string>();
    let resentOnce = false;
    const dayInOrder = [...manifests].flatMap(([vehicleId, stops]) => stops.map((stop) => ({ vehicleId, stop })));
    dayInOrder.sort((a, b) => a.stop.time.localeCompare(b.stop.time)); // stable: a vehicle's equal times keep its order
    for (const { vehicleId, stop } of dayInOrder) {
      if (stop.rideId === jozef.outbound.id) {
        if (stop.kind === 'PICKUP') {
          const r = await report(api, vehicleId, stop, 'ARRIVED');
          expect(r.status).toBe(409);
          expect(r.body.error.messageEn).toMatch(/cancelled/);
        }
        continue;
      }
      if (stop.rideId === jan.outbound.id) {
        // Jan is not there in the morning: a no-show; his drop-off is skipped.
        if (stop.kind === 'PICKUP') {
          expect((await report(api, vehicleId, stop, 'ARRIVED')).status).toBe(201);
          const noShow = await report(api, vehicleId, stop, 'NO_SHOW');
          expect(noShow.status).toBe(201);
          expect(noShow.body.rideStatus).toBe('NO_SHOW');
          // His return ride is left as it was: he may still need the ride home (decided by the dispatcher).
          expect((await api.get(`/rides/${jan.return!.id}`)).body.status).toBe('SCHEDULED');
          // But nobody can miss it: the board marks the return, the driver's manifest says to phone first.
          const view = (await api.get(`/plans/${plan.id}`)).body;
          const stopsOfRide = (rideId: string) => view.routes.flatMap((r: any) => r.stops.filter((s: any) => s.rideId === rideId));
          expect(stopsOfRide(jan.return!.id).map((s: any) => s.outboundNoShow)).toEqual([true, true]);
          expect(view.routes.flatMap((r: any) => r.stops).filter((s: any) => s.outboundNoShow)).toHaveLength(2);
          const back = stopOf(jan.return!.id, 'PICKUP');
          const onManifest = (await api.get(`/manifests/${DATE}/${back.vehicleId}`)).body.stops.find((s: Stop) => s.rideId === jan.return!.id && s.kind === 'PICKUP');
          expect(onManifest.notes[0]).toMatch(/^Klient był nieobecny przy odbiorze w tamtą stronę: zadzwoń przed wyjazdem/);
        }
        continue;
      }
      if (stop.kind === 'PICKUP') {
        expect((await report(api, vehicleId, stop, 'ARRIVED')).status).toBe(201);
        const id = randomUUID();
        const picked = await report(api, vehicleId, stop, 'PICKED_UP', id);
        expect(picked.status, picked.text).toBe(201);
        expect(picked.body.rideStatus).toBe('IN_PROGRESS');
        if (!resentOnce) {
          // The phone lost the answer and sends the same report again: stored once.
          const again = await report(api, vehicleId, stop, 'PICKED_UP', id);
          expect(again.status).toBe(200);
          expect(again.body).toMatchObject({ replayed: true, id: picked.body.id, rideStatus: 'IN_PROGRESS' });
          expect(await t.db.stopEvent.count({ where: { organisationId: org.id, clientEventId: id } })).toBe(1);
          expect(await t.db.rideEvent.count({ where: { rideId: stop.rideId, toStatus: 'IN_PROGRESS' } })).toBe(1);
          resentOnce = true;
        }
      } else {
        const dropped = await report(api, vehicleId, stop, 'DROPPED_OFF');
        expect(dropped.status).toBe(201);
        expect(dropped.body.rideStatus).toBe('COMPLETED');
        completed.add(stop.rideId);
      }
    }
    expect(resentOnce).toBe(true);

    // A second final state is refused.
    const helenaHome = stopOf(helena.outbound.id, 'DROPOFF');
    const twice = await report(api, helenaHome.vehicleId, helenaHome.stop, 'DROPPED_OFF');
    expect(twice.status).toBe(409);
    expect(twice.body.error.messageEn).toMatch(/final state/);

    // The manifest shows what happened, with actual times.
    const janPickup = stopOf(jan.outbound.id, 'PICKUP');
    const after = (await api.get(`/manifests/${DATE}/${janPickup.vehicleId}`)).body.stops as Stop[];
    const shown = (rideId: string, kind: Stop['kind']) => after.find((s) => s.rideId === rideId && s.kind === kind);
    expect(shown(jan.outbound.id, 'PICKUP')).toMatchObject({ state: 'NO_SHOW', actual: { arrived: janPickup.stop.time, done: janPickup.stop.time } });
    // His drop-off left the route with the no-show.
    expect(shown(jan.outbound.id, 'DROPOFF')).toBeUndefined();
    const reportedAt = (st: Stop) => stopOf(st.rideId, st.kind).stop.time;
    expect(after.filter((s) => s.rideId !== jan.outbound.id).every((s) => s.state === 'DONE' && s.actual.done === reportedAt(s))).toBe(true);

    // Every ride of the day ends in exactly one final state, and its history reaches it once.
    const rides = await t.db.ride.findMany({ where: { organisationId: org.id }, include: { events: true } });
    expect(rides).toHaveLength(9);
    for (const r of rides) {
      expect(FINAL).toContain(r.status);
      expect(r.events.filter((e) => FINAL.includes(e.toStatus))).toHaveLength(1);
    }
    expect(rides.find((r) => r.id === jan.return!.id)!.status).toBe('COMPLETED');
    // The day is under way: a re-plan keeps every driven stop, with its reports, in order.
    const replan = await api.post('/plans', { date: DATE });
    expect(replan.status).toBe(202);
    const live = await finishedPlan(api, replan.body.id);
    expect(live.status).toBe('DONE');
    expect(live.publishedAt).not.toBeNull();
    for (const [vehicleId, stops] of manifests) {
      const kept = live.routes.find((r: any) => r.vehicle.id === vehicleId)?.stops ?? [];
      const driven = stops.filter((st) => !(st.rideId === jan.outbound.id && st.kind === 'DROPOFF'));
      expect(kept.map((st: any) => `${st.rideId}:${st.kind}`)).toEqual(driven.map((st) => `${st.rideId}:${st.kind}`));
      expect(kept.every((st: any) => st.actual !== null)).toBe(true);
    }
    // A ride with an outcome cannot be cancelled afterwards.
    const lateCancel = await api.post(`/rides/${jan.return!.id}/cancel`, { reason: 'pomyłka' });
    expect(lateCancel.status).toBe(409);

    // The month's report against figures computed from the script.
    const rep = await api.get('/reports?from=2026-11-01&to=2026-11-30');
    expect(rep.status).toBe(200);
    const completedRides = rides.filter((r) => completed.has(r.id));
    expect(completedRides.every((r) => r.status === 'COMPLETED')).toBe(true);
    expect(rep.body.rides).toEqual({
      requested: 9, completed: completed.size, cancelled: 1, lateCancelled: null, noShows: 1, turnedDown: 1, unassigned: 0, open: 0,
    });
    expect(completed.size).toBe(6);
    expect(rep.body.unmetDemand).toEqual([{ code: 'TURNED_DOWN', pl: 'Odmowa dyspozytora', en: 'Turned down by the dispatcher', rides: 1 }]);
    // Helena, Zofia, Irena and Jan (his return) travelled; Józef was cancelled.
    expect(rep.body.peopleServed).toEqual({ total: 4, byEligibilityGroup: [{ key: 'OTHER', people: 4 }] });
    expect(rep.body.completedByGmina).toEqual({ inside: 6, outside: 0, unknown: 0 });
    // Booked without a purpose: rides to the health centre (and back) count as health, the rest as social.
    const health = completedRides.filter((r) => r.purpose === 'HEALTH').length;
    expect(health).toBe(completedRides.filter((r) => r.toPlaceId === day.healthId || r.fromPlaceId === day.healthId).length);
    expect(rep.body.completedByPurpose).toEqual([{ key: 'HEALTH', rides: health }, { key: 'SOCIAL', rides: 6 - health }].filter((x) => x.rides > 0));
    const fees = completedRides.reduce((s, r) => s + (r.feeGrosze ?? 0), 0) / 100;
    expect(rep.body.feesDueZl).toBe(fees);
    const routes = await t.db.planRoute.findMany({ where: { planId: live.id }, include: { vehicle: true } });
    expect(rep.body.vehicles).toHaveLength(routes.length);
    for (const route of routes) {
      expect(rep.body.vehicles.find((v: { vehicleId: string }) => v.vehicleId === route.vehicleId)).toEqual({
        vehicleId: route.vehicleId, name: route.vehicle.name, days: 1,
        km: Math.round(route.distanceM / 100) / 10, hours: Math.round(((route.endSec - route.startSec) / 3600) * 100) / 100,
      });
    }
  });

  it('decides reports sent at the same moment one after the other: one pickup, one resend stored once', async () => {
    const { api, ride, vehicleId, stop } = await oneRidePublished('helena');

    // Two phones (two ids) report the pickup at once: exactly one is taken.
    const two = await Promise.all([report(api, vehicleId, stop, 'PICKED_UP'), report(api, vehicleId, stop, 'PICKED_UP')]);
    expect(two.map((r) => r.status).sort()).toEqual([201, 409]);
    // One phone resends its drop-off at once (one id): stored once, both answered with it.
    const dropoff = ((await api.get(`/manifests/${DATE}/${vehicleId}`)).body.stops as Stop[]).find((s) => s.kind === 'DROPOFF')!;
    const id = randomUUID();
    const same = await Promise.all([report(api, vehicleId, dropoff, 'DROPPED_OFF', id), report(api, vehicleId, dropoff, 'DROPPED_OFF', id)]);
    expect(same.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(same[0]!.body.id).toBe(same[1]!.body.id);

    const history = await t.db.rideEvent.findMany({ where: { rideId: ride }, orderBy: { at: 'asc' } });
    expect(history.map((e) => e.toStatus)).toEqual(['APPROVED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED']);
    expect(await t.db.stopEvent.count({ where: { rideId: ride } })).toBe(2);
    // A clientEventId reused for a different report is refused.
    const reused = await report(api, vehicleId, dropoff, 'ARRIVED', id);
    expect(reused.status).toBe(409);
  });

  it('refuses a no-show before the client had to be ready, and stores nothing', async () => {
    const { api, ride, vehicleId, stop } = await oneRidePublished('jozef');
    // The phone knows the minute too, to refuse an early tap at once (offline as well).
    const manifest = (await api.get(`/manifests/${DATE}/${vehicleId}`)).body;
    const [pickup, dropoff] = manifest.stops.filter((s: any) => s.rideId === ride);
    expect(dropoff.noShowFrom).toBeNull();
    // The planned minute, not rounded up as the shown time may be: the server's own rule.
    const planned = parseTimeOfDay(stop.time);
    expect([planned, planned - 1]).toContain(parseTimeOfDay(pickup.noShowFrom));
    // The driver at the door 20 minutes before the planned pickup (nobody was told a window yet).
    const [h, m] = stop.time.split(':').map(Number) as [number, number];
    const early = `${String(Math.floor((h * 60 + m - 20) / 60)).padStart(2, '0')}:${String((h * 60 + m - 20) % 60).padStart(2, '0')}`;
    const refused = await report(api, vehicleId, { ...stop, time: early }, 'NO_SHOW');
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.error.message).toBe(`Za wcześnie na zgłoszenie nieobecności: odbiór zaplanowano na ${stop.time}. Zaczekaj do tej godziny albo zadzwoń do dyspozytora.`);
    expect(await t.db.stopEvent.count({ where: { rideId: ride } })).toBe(0);
    expect((await t.db.ride.findUniqueOrThrow({ where: { id: ride } })).status).toBe('SCHEDULED');
    // At the planned minute the client is absent indeed.
    const taken = await report(api, vehicleId, stop, 'NO_SHOW');
    expect(taken.status, taken.text).toBe(201);
    expect(taken.body.rideStatus).toBe('NO_SHOW');
  });

  it('refuses reports on a day without a finished plan or a stop that does not exist', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const res = await api.post(`/manifests/${DATE}/${day.busId}/stops/1/events`, { kind: 'ARRIVED', clientEventId: randomUUID() });
    expect(res.status).toBe(404);
    const bad = await api.post(`/manifests/${DATE}/${day.busId}/stops/0/events`, { kind: 'LANDED', clientEventId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['sequence']));
  });
});
