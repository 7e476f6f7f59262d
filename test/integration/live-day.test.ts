/**
 * The simulated day of issue #8 on a live plan, with the clock moving through the day: plan and
 * publish; the drivers' scripted reports in time order; an urgent ride inserted at 08:00; a
 * cancellation; a minibus breakdown at 10:00. Checked: no one on board is ever moved, every ride
 * ends in exactly one final state, and the month's report equals figures computed here.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createClient, createPlace, createSmallFleet, VILLAGE, bookRide } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

const DATE = '2026-11-24';
/** The centre's clock (CET in November: UTC + 1). */
let clock = new Date(`${DATE}T06:30:00Z`);
const setClock = (hhmm: string) => {
  const next = new Date(`${DATE}T${hhmm}:00+01:00`);
  if (next > clock) clock = next;
};
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext({ now: () => clock });
  t.startWorker(createTravelTimeProvider({}), { maxIterations: 300 });
});
afterAll(async () => {
  await t.close();
});

type Api = ReturnType<typeof apiFor>;
interface Stop { sequence: number; kind: 'PICKUP' | 'DROPOFF'; time: string; rideId: string; state: string }
const FINAL = ['COMPLETED', 'NO_SHOW', 'CANCELLED', 'TURNED_DOWN'];

describe('a live day', () => {
  it('absorbs an urgent ride, a cancellation and a breakdown without moving anyone on board', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const c = day.clients;
    const extra = {
      maria: await createClient(api, 'Maria Dąbrowska', VILLAGE.solanka),
      stefan: await createClient(api, 'Stefan Wójcik', VILLAGE.wyskok),
    };
    const booked: string[] = [];
    const book = async (b: object) => {
      const ride = await bookRide(api, DATE, { overrideCutoff: true, ...b });
      booked.push(ride.outbound.id, ...(ride.return ? [ride.return.id] : []));
      return ride;
    };
    const helena = await book({ clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } });
    await book({ clientId: c.zofia, toPlaceId: day.healthId, arriveBy: '09:30', return: { departAfter: '11:00' } });
    await book({ clientId: c.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    const irena = await book({ clientId: c.irena, toPlaceId: day.healthId, departAfter: '10:30' });
    const jan = await book({ clientId: c.jan, toPlaceId: day.dayCentreId, arriveBy: '08:45', return: { departAfter: '13:00' } });
    // To the county hospital, leaving the gmina: approved by the dispatcher; on the road at 10:00.
    const ketrzyn = await createPlace(api, 'HOSPITAL', 'Szpital Kętrzyn', [54.0765, 21.3753]);
    const maria = await book({ clientId: extra.maria, toPlaceId: ketrzyn, departAfter: '09:40' });
    expect((await api.post(`/rides/${maria.outbound.id}/approve`)).status).toBe(200);
    await book({ clientId: extra.stefan, toPlaceId: day.dayCentreId, departAfter: '09:50' });

    const plan = await planAndWait(api, DATE);
    expect(plan.status).toBe('DONE');
    expect(plan.summary.ridesUnassigned).toBe(0);
    // The dispatcher puts Helena's ride home on the vehicle that will go to Kętrzyn (checked first).
    const kVehicle = plan.routes.find((r: any) => r.stops.some((st: any) => st.rideId === maria.outbound.id)).vehicle.id;
    const verdict = await api.post(`/plans/${plan.id}/moves`, { rideId: helena.return!.id, vehicleId: kVehicle, dryRun: true });
    expect(verdict.status, verdict.text).toBe(200);
    const moved = await api.post(`/plans/${plan.id}/moves`, { rideId: helena.return!.id, vehicleId: kVehicle, version: verdict.body.version });
    expect(moved.status, moved.text).toBe(200);
    expect((await api.post(`/plans/${plan.id}/publish`, {})).status).toBe(200);

    const vehicles = [day.busId, day.carId];
    const manifests = async () => {
      const out = new Map<string, Stop[]>();
      for (const v of vehicles) out.set(v, (await api.get(`/manifests/${DATE}/${v}`)).body.stops);
      return out;
    };
    /** Which vehicle each passenger boarded: they must be dropped off by the same one. */
    const boardedOn = new Map<string, string>();
    const completed = new Set<string>();
    const noShows = new Set<string>();
    const report = async (vehicleId: string, stop: Stop, kind: string) => {
      const res = await api.post(`/manifests/${DATE}/${vehicleId}/stops/${stop.sequence}/events`, {
        kind, clientEventId: randomUUID(), at: `${DATE}T${stop.time}:00+01:00`, rideId: stop.rideId,
      });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    /** Drives every stop planned before `until` (HH:MM), in time order across the vehicles. */
    const driveUntil = async (until: string) => {
      for (;;) {
        const all = [...(await manifests()).entries()].flatMap(([v, stops]) => stops.filter((s) => s.state === 'PLANNED').map((s) => ({ v, s })));
        all.sort((a, b) => a.s.time.localeCompare(b.s.time));
        const next = all[0];
        if (!next || next.s.time >= until) return;
        setClock(next.s.time);
        if (next.s.kind === 'PICKUP') {
          await report(next.v, next.s, 'ARRIVED');
          if (next.s.rideId === jan.outbound.id) {
            expect((await report(next.v, next.s, 'NO_SHOW')).rideStatus).toBe('NO_SHOW');
            noShows.add(next.s.rideId);
          } else {
            await report(next.v, next.s, 'PICKED_UP');
            boardedOn.set(next.s.rideId, next.v);
          }
        } else {
          expect(boardedOn.get(next.s.rideId)).toBe(next.v);
          expect((await report(next.v, next.s, 'DROPPED_OFF')).rideStatus).toBe('COMPLETED');
          completed.add(next.s.rideId);
        }
      }
    };

    await driveUntil('08:00');
    // 08:00: a hospital calls — an urgent ride, booked by the dispatcher the same day.
    setClock('08:00');
    const anna = await createClient(api, 'Anna Wiśniewska', VILLAGE.silec);
    const urgent = await book({ clientId: anna, toPlaceId: day.healthId, arriveBy: '09:45' });
    const ins = await api.post(`/plans/${plan.id}/insertions`, { rideId: urgent.outbound.id });
    expect(ins.status, ins.text).toBe(200);
    expect(ins.body.pickupEtaSec).toBeGreaterThanOrEqual(8 * 3600);
    // Irena cancels her 10:30 ride: its stops leave the route.
    expect((await api.post(`/rides/${irena.outbound.id}/cancel`, { reason: 'Wizyta przełożona' })).status).toBe(200);
    expect([...(await manifests()).values()].flat().some((s) => s.rideId === irena.outbound.id)).toBe(false);

    await driveUntil('10:00');
    // 10:00: the vehicle on the road to Kętrzyn breaks down. Who is on board stays on board.
    setClock('10:00');
    const broken = boardedOn.get(maria.outbound.id)!;
    const other = vehicles.find((v) => v !== broken)!;
    const onBoardBus = [...boardedOn].filter(([ride, v]) => v === broken && !completed.has(ride)).map(([ride]) => ride);
    expect(onBoardBus).toContain(maria.outbound.id);
    const busBefore = (await manifests()).get(broken)!;
    const out = await api.post(`/plans/${plan.id}/vehicles/${broken}/out-of-service`, { from: '10:00', reason: 'Awaria skrzyni biegów' });
    expect(out.status, out.text).toBe(200);
    expect(out.body.reassigned).toContain(helena.return!.id);
    const toHandOver = new Set(busBefore.filter((s) => s.kind === 'PICKUP' && s.state === 'PLANNED').map((s) => s.rideId));
    expect(new Set([...out.body.reassigned, ...out.body.unassigned.map((u: { rideId: string }) => u.rideId)])).toEqual(toHandOver);
    const after = await manifests();
    const busAfter = after.get(broken)!;
    for (const ride of onBoardBus) expect(busAfter.some((s) => s.rideId === ride && s.kind === 'DROPOFF')).toBe(true);
    expect(busAfter.filter((s) => s.state === 'PLANNED').every((s) => s.kind === 'DROPOFF' && onBoardBus.includes(s.rideId))).toBe(true);
    for (const ride of out.body.reassigned) expect(after.get(other)!.some((s) => s.rideId === ride)).toBe(true);
    const busManifest = (await api.get(`/manifests/${DATE}/${broken}`)).body;
    expect(busManifest.outOfServiceAt).toBe('10:00');
    expect(busManifest.changes[0].kind).toBe('OUT_OF_SERVICE');
    // Rides no one can take any more are cancelled by the dispatcher (a final state, for the report).
    for (const u of out.body.unassigned) {
      expect((await api.post(`/rides/${u.rideId}/cancel`, { reason: `Awaria pojazdu: ${u.pl}` })).status).toBe(200);
    }

    await driveUntil('23:59');

    // Every ride ends in exactly one final state, reached once in its history.
    const rides = await t.db.ride.findMany({ where: { organisationId: org.id }, include: { events: true } });
    expect(rides.map((r) => r.id).sort()).toEqual([...booked].sort());
    for (const r of rides) {
      expect(FINAL).toContain(r.status);
      expect(r.events.filter((e) => FINAL.includes(e.toStatus))).toHaveLength(1);
    }
    // No passenger changed vehicle between pickup and drop-off: their reports name one vehicle.
    const events = await t.db.stopEvent.findMany({ where: { organisationId: org.id, kind: { in: ['PICKED_UP', 'DROPPED_OFF'] } }, include: { planStop: { include: { route: true } } } });
    const vehicleOf = new Map<string, Set<string>>();
    for (const e of events) vehicleOf.set(e.rideId, (vehicleOf.get(e.rideId) ?? new Set()).add(e.planStop!.route.vehicleId));
    for (const [, vs] of vehicleOf) expect(vs.size).toBe(1);

    // The month's report against figures computed from what happened here.
    const cancelled = rides.filter((r) => r.status === 'CANCELLED').length;
    expect(cancelled).toBe(1 + out.body.unassigned.length);
    const rep = await api.get('/reports?from=2026-11-01&to=2026-11-30');
    expect(rep.status).toBe(200);
    expect(rep.body.rides).toEqual({
      requested: booked.length, completed: completed.size, cancelled, lateCancelled: null, noShows: noShows.size, turnedDown: 0, unassigned: 0, open: 0,
    });
    expect(completed.size + cancelled + noShows.size).toBe(booked.length);
    const people = new Set(rides.filter((r) => completed.has(r.id)).map((r) => r.clientId));
    expect(rep.body.peopleServed.total).toBe(people.size);
    const routes = await t.db.planRoute.findMany({ where: { planId: plan.id }, include: { vehicle: true } });
    for (const route of routes) {
      expect(rep.body.vehicles.find((v: { vehicleId: string }) => v.vehicleId === route.vehicleId)).toEqual({
        vehicleId: route.vehicleId, name: route.vehicle.name, days: 1,
        km: Math.round(route.distanceM / 100) / 10, hours: Math.round(((route.endSec - route.startSec) / 3600) * 100) / 100,
      });
    }
    // The dispatcher sees actual against planned, and every change of the day.
    const view = (await api.get(`/plans/${plan.id}`)).body;
    expect(view.routes.flatMap((r: any) => r.stops).every((s: any) => s.actual !== null)).toBe(true);
    expect(view.changes.map((ch: any) => ch.kind)).toEqual(expect.arrayContaining(['PUBLISH', 'INSERT', 'REMOVE', 'OUT_OF_SERVICE']));
  });
});
