/**
 * The dispatcher's edits of a live plan over HTTP (issues #6, #8): publication and manifests,
 * moves with a dry-run verdict, locks, urgent insertions, cancellation, a vehicle out of
 * service and a re-plan keeping locked routes — each accepted and refused, on real PostgreSQL,
 * Redis and a worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { testClock } from '../helpers/test-clock.js';
import { createClient, createSmallFleet, VILLAGE, bookRide } from '../helpers/day-fixture.js';
import { finishedPlan, planAndWait } from '../helpers/plan-and-wait.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { formatMinutes, parseTimeOfDay } from '../../src/domain/common/time.js';
import { notifyEveningBefore } from '../../src/domain/notification/notify-evening-before.js';

let t: TestContext;
/** Booked and planned the day before; the tests of the day itself move the clock to its hours (a report cannot be dated ahead of it). */
const clock = testClock('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: clock.now });
  t.startWorker(createTravelTimeProvider({}), { maxIterations: 300 });
});
afterAll(async () => {
  await t.close();
});

type Api = ReturnType<typeof apiFor>;

async function plannedDay() {
  const org = await t.newOrganisation();
  const api = apiFor(t.baseUrl, org.slug);
  const day = await createSmallFleet(api);
  const c = day.clients;
  const book = (b: object) => bookRide(api, DATE, b);
  const rides = {
    helena: await book({ clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } }),
    zofia: await book({ clientId: c.zofia, toPlaceId: day.healthId, arriveBy: '09:30' }),
    jozef: await book({ clientId: c.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' }),
    irena: await book({ clientId: c.irena, toPlaceId: day.healthId, departAfter: '10:00' }),
    jan: await book({ clientId: c.jan, toPlaceId: day.dayCentreId, arriveBy: '08:45' }),
  };
  const plan = await planAndWait(api, DATE);
  expect(plan.status).toBe('DONE');
  return { api, org, day, rides, plan, book };
}

/**
 * Publishes the plan, moves the clock to the first stop of a route with at least two rides, and
 * reports its pickup there: the day is under way, that client on board.
 */
async function publishAndPickUpFirst(api: Api, plan: any): Promise<{ route: any; first: any }> {
  await api.post(`/plans/${plan.id}/publish`, {});
  const route = plan.routes.find((r: any) => r.stops.length >= 4);
  const first = route.stops[0];
  clock.set(`${DATE}T${first.time}:00+01:00`);
  for (const kind of ['ARRIVED', 'PICKED_UP']) {
    const res = await api.post(`/manifests/${DATE}/${route.vehicle.id}/stops/1/events`, { kind, clientEventId: crypto.randomUUID(), at: `${DATE}T${first.time}:00+01:00`, rideId: first.rideId });
    expect(res.status, res.text).toBe(201);
  }
  return { route, first };
}

const vehicleOf = (plan: any, rideId: string): string | null =>
  plan.routes.find((r: any) => r.stops.some((s: any) => s.rideId === rideId))?.vehicle.id ?? null;

describe('publishing', () => {
  it('keeps manifests from drivers until the plan is published, then shows it with its version', async () => {
    const { api, day, plan } = await plannedDay();
    expect(plan.version).toBe(1);
    expect(plan.publishedAt).toBeNull();
    const before = await api.get(`/manifests/${DATE}/${day.busId}`);
    expect(before.status).toBe(404);
    expect(before.body.error.message).toBe('Plan na ten dzień nie został jeszcze opublikowany');
    const pub = await api.post(`/plans/${plan.id}/publish`, {});
    expect(pub.status).toBe(200);
    expect(pub.body.version).toBe(2);
    // Publishing again is a retry: the same answer.
    const again = await api.post(`/plans/${plan.id}/publish`, {});
    expect(again.body).toEqual(pub.body);
    const m = await api.get(`/manifests/${DATE}/${day.busId}`);
    expect(m.status).toBe(200);
    expect(m.body.version).toBe(2);
    expect(m.body.publishedAt).toBe(pub.body.publishedAt);
    expect(m.body.stops.every((s: any) => s.etaSec >= 0 && Number.isInteger(s.etaSec))).toBe(true);
    const view = (await api.get(`/plans/${plan.id}`)).body;
    expect(view.changes[0].kind).toBe('PUBLISH');
    expect(view.routes.every((r: any) => r.locked === false && r.outOfServiceAt === null)).toBe(true);
    expect(view.routes[0].stops[0].actual).toBeNull();
  });
});

describe('moving a ride', () => {
  it('answers a dry-run verdict without changing the plan, applies a move, and refuses a stale version', async () => {
    const { api, day, rides, plan } = await plannedDay();
    const rideId = rides.irena.outbound.id;
    const from = vehicleOf(plan, rideId)!;
    const to = from === day.busId ? day.carId : day.busId;
    const dry = await api.post(`/plans/${plan.id}/moves`, { rideId, vehicleId: to, dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ feasible: true, applied: false, version: 1, vehicleId: to });
    expect(typeof dry.body.deltaDistanceM).toBe('number');
    expect(vehicleOf((await api.get(`/plans/${plan.id}`)).body, rideId)).toBe(from);

    const moved = await api.post(`/plans/${plan.id}/moves`, { rideId, vehicleId: to, version: 1 });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ feasible: true, applied: true, version: 2 });
    const after = (await api.get(`/plans/${plan.id}`)).body;
    expect(vehicleOf(after, rideId)).toBe(to);
    expect(after.version).toBe(2);
    expect(after.changes[0]).toMatchObject({ kind: 'MOVE', rideId, vehicleId: to });
    // Sequences stay dense and each route's stops keep pickups before drop-offs.
    for (const r of after.routes) {
      expect(r.stops.map((s: any) => s.sequence)).toEqual(r.stops.map((_: any, i: number) => i + 1));
      const seen = new Set<string>();
      for (const s of r.stops) {
        if (s.kind === 'PICKUP') seen.add(s.rideId);
        else expect(seen.has(s.rideId)).toBe(true);
      }
    }
    // The same move sent again (a lost answer): answered, nothing changes.
    const resent = await api.post(`/plans/${plan.id}/moves`, { rideId, vehicleId: to });
    expect(resent.body).toMatchObject({ feasible: true, applied: true, version: 2, vehicleId: to });
    const stale = await api.post(`/plans/${plan.id}/moves`, { rideId, vehicleId: from, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('refuses a move the vehicle cannot take, with the reason, and changes nothing', async () => {
    const { api, day, rides, plan } = await plannedDay();
    // Zofia travels in her wheelchair: the car has no wheelchair place.
    const res = await api.post(`/plans/${plan.id}/moves`, { rideId: rides.zofia.outbound.id, vehicleId: day.carId, dryRun: true });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('MOVE_INFEASIBLE');
    expect(res.body.error.message).toMatch(/miejsc/);
    expect(res.body.error.messageEn).toMatch(/wheelchair/);
    const bad = await api.post(`/plans/${plan.id}/moves`, { rideId: rides.zofia.outbound.id, vehicleId: day.busId, pickupIndex: 3 });
    expect(bad.status).toBe(400);
    expect((await api.get(`/plans/${plan.id}`)).body.version).toBe(1);
  });
});

describe('locking a route', () => {
  it('locks and unlocks, refuses moves into a locked route, and a re-plan keeps it as it was', async () => {
    const { api, day, rides, plan } = await plannedDay();
    const bus = plan.routes.find((r: any) => r.vehicle.id === day.busId);
    const lock = await api.put(`/plans/${plan.id}/routes/${day.busId}/lock`, { locked: true });
    expect(lock.status).toBe(200);
    expect(lock.body).toEqual({ locked: true, version: 2 });
    const other = plan.routes.find((r: any) => r.vehicle.id !== day.busId)?.stops[0]?.rideId ?? rides.irena.outbound.id;
    if (vehicleOf(plan, other) !== day.busId) {
      const into = await api.post(`/plans/${plan.id}/moves`, { rideId: other, vehicleId: day.busId, dryRun: true });
      expect(into.status).toBe(422);
      expect(into.body.error.messageEn).toMatch(/locked/);
    }
    expect((await api.put(`/plans/${plan.id}/routes/${crypto.randomUUID()}/lock`, { locked: true })).status).toBe(404);
    expect((await api.put(`/plans/${plan.id}/routes/${day.busId}/lock`, { locked: 'yes' })).status).toBe(400);

    // Zofia books one more ride in her wheelchair: only the bus, locked, has a wheelchair place.
    const late = await bookRide(api, DATE, { clientId: day.clients.zofia, toPlaceId: day.dayCentreId, departAfter: '12:00' });
    const again = await api.post('/plans', { date: DATE, keepLocked: true });
    expect(again.status).toBe(202);
    const replanned = await finishedPlan(api, again.body.id);
    expect(replanned.status).toBe('DONE');
    const busAfter = replanned.routes.find((r: any) => r.vehicle.id === day.busId);
    expect(busAfter.locked).toBe(true);
    expect(busAfter.stops.map((s: any) => `${s.rideId}:${s.kind}`)).toEqual(bus.stops.map((s: any) => `${s.rideId}:${s.kind}`));
    // Her ride waits, and the reason does not pretend no vehicle has a wheelchair place.
    const waiting = replanned.unassigned.find((u: any) => u.rideId === late.outbound.id);
    expect(waiting).toMatchObject({
      reasonCode: 'capacity',
      reason: 'Żaden pojazd nie ma miejsca na wózek (bez pojazdów z zablokowaną trasą: Bus)',
      reasonEn: 'No vehicle has a wheelchair place (vehicles with locked routes left out: Bus)',
    });
  });
});

describe('re-planning a day under way', () => {
  it('keeps driven stops with their reports and the passenger on board on their vehicle, and drivers get it at once', async () => {
    const { api, plan } = await plannedDay();
    // The driver picks up the first client; they are on board when the dispatcher re-plans.
    const { route, first } = await publishAndPickUpFirst(api, plan);
    const vehicleId = route.vehicle.id;
    const again = await api.post('/plans', { date: DATE });
    expect(again.status).toBe(202);
    const next = await finishedPlan(api, again.body.id);
    expect(next.status).toBe('DONE');
    expect(next.revision).toBe(2);
    expect(next.publishedAt).not.toBeNull();
    expect(next.changes[0].kind).toBe('REPLAN');
    const kept = next.routes.find((r: any) => r.vehicle.id === vehicleId);
    expect(kept.stops[0]).toMatchObject({ rideId: first.rideId, kind: 'PICKUP', time: first.time });
    expect(kept.stops[0].actual.status).toBe('DONE');
    expect(kept.stops.some((st: any) => st.rideId === first.rideId && st.kind === 'DROPOFF')).toBe(true);
    // Every ride is still planned once, pickups before drop-offs.
    const all = next.routes.flatMap((r: any) => r.stops.map((st: any) => `${st.rideId}:${st.kind}`));
    expect(new Set(all).size).toBe(all.length);
    expect(next.summary.ridesPlaced + next.summary.ridesUnassigned).toBe(plan.summary.ridesPlaced + plan.summary.ridesUnassigned);
    // The driver's manifest is the new plan, the pickup still reported there.
    const m = (await api.get(`/manifests/${DATE}/${vehicleId}`)).body;
    expect(m.plan.id).toBe(next.id);
    expect(m.stops[0]).toMatchObject({ rideId: first.rideId, state: 'DONE' });
    // The old revision is history: it cannot be edited any more.
    const old = await api.post(`/plans/${plan.id}/publish`, {});
    expect(old.status).toBe(409);
    // A ride under way cannot move, and the dispatcher is told so in words, not by its status code.
    const other = next.routes.find((r: any) => r.vehicle.id !== vehicleId)!.vehicle.id;
    const move = await api.post(`/plans/${next.id}/moves`, { rideId: first.rideId, vehicleId: other, dryRun: true });
    expect(move.status).toBe(422);
    expect(move.body.error.message).toBe('Nie można przenieść przejazdu: przejazd jest w drodze (klient w pojeździe)');
    expect(move.body.error.messageEn).not.toContain('IN_PROGRESS');
  });
});

describe('a delay the driver reported (D55)', () => {
  it('holds the late vehicle back in edits and re-plans, and is counted once on the manifest', async () => {
    const { api, plan } = await plannedDay();
    await api.post(`/plans/${plan.id}/publish`, {});
    const route = plan.routes.find((r: any) => r.stops.length >= 4);
    const vehicleId = route.vehicle.id;
    const [first] = route.stops;
    clock.set(`${DATE}T06:30:00+01:00`);
    const late = await api.post(`/manifests/${DATE}/${vehicleId}/stops/1/events`, { kind: 'DELAYED', delayMin: 45, clientEventId: crypto.randomUUID(), rideId: first.rideId });
    expect(late.status, late.text).toBe(201);
    const expectedSec = first.etaSec + 45 * 60;

    // A live edit on that route (another of its rides cancelled) times the stops from the late
    // vehicle; the manifest still expects the driver 45 minutes late, not 90.
    const other = route.stops.find((st: any) => st.rideId !== first.rideId);
    expect((await api.post(`/rides/${other.rideId}/cancel`, { reason: 'Klient zrezygnował' })).status).toBe(200);
    const edited = (await api.get(`/manifests/${DATE}/${vehicleId}`)).body;
    const delayed = edited.stops.find((st: any) => st.rideId === first.rideId && st.kind === 'PICKUP');
    expect(delayed.etaSec).toBe(expectedSec);

    // The re-plan starts the vehicle no earlier than the delay allows: the depot left at the
    // announced time less the planned drive to that stop. Nothing on it is planned before then.
    // The other vehicles are taken off the fleet, so the late one cannot hand its rides over.
    for (const r of plan.routes.filter((r: any) => r.vehicle.id !== vehicleId)) {
      const { version } = (await api.get(`/vehicles/${r.vehicle.id}`)).body;
      expect((await api.patch(`/vehicles/${r.vehicle.id}`, { active: false, version })).status).toBe(200);
    }
    const again = await api.post('/plans', { date: DATE });
    expect(again.status).toBe(202);
    const next = await finishedPlan(api, again.body.id);
    expect(next.status).toBe('DONE');
    const freeFromMin = parseTimeOfDay(first.time) + 45 - (parseTimeOfDay(first.arrival) - parseTimeOfDay(route.start));
    const stops = next.routes.find((r: any) => r.vehicle.id === vehicleId)?.stops ?? [];
    expect(stops.length).toBeGreaterThan(0);
    for (const st of stops) expect(parseTimeOfDay(st.time), `${st.kind} ${st.rideId} at ${st.time}`).toBeGreaterThanOrEqual(freeFromMin - 1);
    // The delayed client, if still carried, is told 45 minutes later.
    const kept = stops.find((st: any) => st.rideId === first.rideId && st.kind === 'PICKUP');
    if (kept) expect(kept.etaSec).toBeGreaterThanOrEqual(expectedSec - 60);
  });
});

describe('a delay that outlives the stop it was reported on (D56)', () => {
  /** A published day, its bus 45 minutes late at its first stop, and when that bus can leave. */
  async function lateBus() {
    const day = await plannedDay();
    await day.api.post(`/plans/${day.plan.id}/publish`, {});
    const route = day.plan.routes.find((r: any) => r.stops.length >= 4);
    const [first] = route.stops;
    clock.set(`${DATE}T06:30:00+01:00`);
    const late = await day.api.post(`/manifests/${DATE}/${route.vehicle.id}/stops/1/events`, { kind: 'DELAYED', delayMin: 45, clientEventId: crypto.randomUUID(), rideId: first.rideId });
    expect(late.status, late.text).toBe(201);
    const freeFromMin = parseTimeOfDay(first.time) + 45 - (parseTimeOfDay(first.arrival) - parseTimeOfDay(route.start));
    return { ...day, route, first, vehicleId: route.vehicle.id as string, freeFromMin };
  }
  const stopsOf = (plan: any, vehicleId: string): any[] => plan.routes.find((r: any) => r.vehicle.id === vehicleId)?.stops ?? [];
  /** The other vehicles leave the fleet: a re-plan can only hand their rides to the late bus. */
  async function switchOffAllBut(api: Api, plan: any, vehicleId: string) {
    for (const r of plan.routes.filter((r: any) => r.vehicle.id !== vehicleId)) {
      const { version } = (await api.get(`/vehicles/${r.vehicle.id}`)).body;
      expect((await api.patch(`/vehicles/${r.vehicle.id}`, { active: false, version })).status).toBe(200);
    }
  }
  async function replan(api: Api) {
    const again = await api.post('/plans', { date: DATE });
    expect(again.status).toBe(202);
    const next = await finishedPlan(api, again.body.id);
    expect(next.status).toBe('DONE');
    return next;
  }

  it('holds the bus back after the ride it was reported on is cancelled, in the edit and the re-plan after it', async () => {
    const { api, plan, route, first, vehicleId, freeFromMin } = await lateBus();
    await switchOffAllBut(api, plan, vehicleId);
    // The cancellation deletes the stop; the route keeps the delay, and the report is kept as a
    // record of what the driver said, no longer tied to a stop (D64).
    expect((await api.post(`/rides/${first.rideId}/cancel`, { reason: 'Klient zrezygnował' })).status).toBe(200);
    const kept = await t.db.stopEvent.findMany({ where: { rideId: first.rideId, kind: 'DELAYED' } });
    expect(kept.map((e) => [e.delayMin, e.planStopId])).toEqual([[45, null]]);
    const manifest = (await api.get(`/manifests/${DATE}/${vehicleId}`)).body;
    expect(manifest.stops.length).toBe(route.stops.length - 2);
    for (const st of manifest.stops) expect(st.etaSec / 60, `${st.kind} ${st.rideId} at ${st.time}`).toBeGreaterThanOrEqual(freeFromMin - 1);
    // The re-plan gives the bus the other vehicles' early rides only from when it can get there.
    const next = await replan(api);
    expect(stopsOf(next, vehicleId).length).toBeGreaterThan(0);
    for (const st of stopsOf(next, vehicleId)) expect(parseTimeOfDay(st.time), `${st.kind} ${st.rideId} at ${st.time}`).toBeGreaterThanOrEqual(freeFromMin - 1);
  });

  it('holds the bus back in a second re-plan with no new report', async () => {
    const { api, plan, vehicleId, freeFromMin } = await lateBus();
    await switchOffAllBut(api, plan, vehicleId);
    for (const round of [1, 2]) {
      const next = await replan(api);
      // The early rides it cannot make are left waiting, and the reason is the late bus, not the shifts.
      const waiting = next.unassigned.filter((u: any) => u.reasonCode === 'shift');
      expect(waiting.length).toBeGreaterThan(0);
      for (const u of waiting) expect(u.reason).toMatch(/^Żaden pojazd nie zdąży między \d\d:\d\d a \d\d:\d\d: .+ \(wolny od \d\d:\d\d\) jest spóźniony wg zgłoszenia kierowcy$/);
      const stops = stopsOf(next, vehicleId);
      expect(stops.length).toBeGreaterThan(0);
      for (const st of stops) expect(parseTimeOfDay(st.time), `re-plan ${round}: ${st.kind} ${st.rideId} at ${st.time}`).toBeGreaterThanOrEqual(freeFromMin - 1);
    }
  });
});

describe('a delay reported again (D62)', () => {
  /** A published day with its bus's first stop ahead, 06:30 on the day. */
  async function busDay() {
    const day = await plannedDay();
    await day.api.post(`/plans/${day.plan.id}/publish`, {});
    const route = day.plan.routes.find((r: any) => r.stops.length >= 4);
    clock.set(`${DATE}T06:30:00+01:00`);
    return { ...day, route, first: route.stops[0], vehicleId: route.vehicle.id as string };
  }

  it('replaces the earlier figure, larger or smaller, on the manifest, in the estimates, the change list and the hold a re-plan keeps', async () => {
    const { api, plan, route, first, vehicleId } = await busDay();
    const report = async (delayMin: number, at: string) => {
      clock.set(`${DATE}T${at}:00+01:00`);
      const res = await api.post(`/manifests/${DATE}/${vehicleId}/stops/1/events`, { kind: 'DELAYED', delayMin, clientEventId: crypto.randomUUID(), rideId: first.rideId });
      expect(res.status, res.text).toBe(201);
      const m = (await api.get(`/manifests/${DATE}/${vehicleId}`)).body;
      return { m, stop: m.stops.find((st: any) => st.rideId === first.rideId && st.kind === 'PICKUP') };
    };
    const plus = (min: number) => formatMinutes(parseTimeOfDay(first.time) + min);

    // The jam gets worse: 15, then 40 minutes. The phone can report again, and 40 is what counts.
    let { m, stop } = await report(15, '06:30');
    expect(stop.delay).toEqual({ minutes: 15, from: first.time, expected: plus(15) });
    ({ m, stop } = await report(40, '06:40'));
    expect(stop.delay).toEqual({ minutes: 40, from: first.time, expected: plus(40) });
    expect(stop.etaSec).toBe(first.etaSec + 40 * 60);
    expect(m.changes[0].pl).toMatch(/^Kierowca .+ zgłasza 40 min opóźnienia \(przystanek 1, szacunkowo \d\d:\d\d, wcześniej 15 min\)$/);

    // An edit re-times the stop from the late bus; a smaller figure then still counts from the
    // time the first one did (10 minutes means 10 after the planned time, not 10 more).
    const other = route.stops.find((st: any) => st.rideId !== first.rideId);
    expect((await api.post(`/rides/${other.rideId}/cancel`, { reason: 'Klient zrezygnował' })).status).toBe(200);
    const edited = (await api.get(`/manifests/${DATE}/${vehicleId}`)).body.stops.find((st: any) => st.rideId === first.rideId);
    expect(parseTimeOfDay(edited.time)).toBeGreaterThanOrEqual(parseTimeOfDay(first.time) + 39);
    ({ stop } = await report(10, '06:50'));
    expect(stop.delay).toEqual({ minutes: 10, from: first.time, expected: plus(10) });

    // The re-plan holds the bus back by the 10 minutes, not by the largest figure ever said.
    for (const r of plan.routes.filter((r: any) => r.vehicle.id !== vehicleId)) {
      const { version } = (await api.get(`/vehicles/${r.vehicle.id}`)).body;
      expect((await api.patch(`/vehicles/${r.vehicle.id}`, { active: false, version })).status).toBe(200);
    }
    const again = await api.post('/plans', { date: DATE });
    const next = await finishedPlan(api, again.body.id);
    expect(next.status).toBe('DONE');
    const drive = parseTimeOfDay(first.arrival) - parseTimeOfDay(route.start);
    const row = await t.db.planRoute.findFirstOrThrow({ where: { planId: next.id, vehicleId } });
    // Within a minute: the planned drive is read from whole minutes.
    expect(Math.abs(row.lateFromSec! / 60 - (first.etaSec / 60 + 10 - drive))).toBeLessThanOrEqual(1);
    expect(row.lateReportedSec).toBe(6 * 3600 + 50 * 60);
  });

  it('stores a resend once, refuses one id for two figures and a delay without sane minutes, and stores nothing refused', async () => {
    const { api, first, vehicleId } = await busDay();
    const send = (body: object) => api.post(`/manifests/${DATE}/${vehicleId}/stops/1/events`, { kind: 'DELAYED', rideId: first.rideId, ...body });
    const id = crypto.randomUUID();
    expect((await send({ delayMin: 20, clientEventId: id })).status).toBe(201);
    const resend = await send({ delayMin: 20, clientEventId: id });
    expect(resend.status).toBe(200);
    expect(resend.body.replayed).toBe(true);
    // Two delays at one stop are two reports with two ids: the same id with another figure is a mistake.
    const clash = await send({ delayMin: 30, clientEventId: id });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toContain('clientEventId');

    const field = async (body: object) => {
      const res = await send({ clientEventId: crypto.randomUUID(), ...body });
      expect(res.status, res.text).toBe(400);
      return res.body.error.fields;
    };
    expect(await field({})).toEqual([{ path: 'delayMin', message: 'podaj, ile minut opóźnienia (delayMin)', messageEn: 'give how many minutes late (delayMin)' }]);
    for (const delayMin of [0, 601, 7.5, '40']) {
      expect(await field({ delayMin })).toEqual([{ path: 'delayMin', message: 'opóźnienie: liczba całkowita minut od 1 do 600 (10 godzin)', messageEn: 'the delay: whole minutes from 1 to 600 (10 hours)' }]);
    }
    expect((await field({ kind: 'ARRIVED', delayMin: 10 }))[0]).toMatchObject({ path: 'delayMin', messageEn: 'delayMin goes with a delay report (DELAYED) only' });

    expect(await t.db.stopEvent.count({ where: { rideId: first.rideId } })).toBe(1);
    const stop = (await api.get(`/manifests/${DATE}/${vehicleId}`)).body.stops[0];
    expect(stop).toMatchObject({ state: 'PLANNED', delay: { minutes: 20 } });
    expect(stop.etaSec).toBe(first.etaSec + 20 * 60);
  });

  it('shows the dispatcher which vehicle is late, by how much, from which stop, and the told clients it makes late, until the stop is reached', async () => {
    const { api, org, plan, first, route, vehicleId } = await busDay();
    // The clients were told their windows the evening before.
    expect((await notifyEveningBefore({ db: t.db, now: () => new Date('2026-11-23T17:00:00Z') }, { organisationId: org.id })).recorded).toBeGreaterThan(0);
    expect((await api.get(`/plans/${plan.id}`)).body.delays).toEqual([]);
    const res = await api.post(`/manifests/${DATE}/${vehicleId}/stops/1/events`, { kind: 'DELAYED', delayMin: 45, clientEventId: crypto.randomUUID(), rideId: first.rideId });
    expect(res.status, res.text).toBe(201);

    const view = (await api.get(`/plans/${plan.id}`)).body;
    expect(view.delays).toHaveLength(1);
    const alert = view.delays[0];
    expect(alert).toMatchObject({
      vehicle: { id: vehicleId, name: route.vehicle.name },
      minutes: 45,
      reportedAt: '06:30',
      expected: formatMinutes(parseTimeOfDay(first.time) + 45),
      stop: { sequence: 1, kind: 'PICKUP', client: first.client },
    });
    expect(alert.reportId).toEqual(expect.any(String));
    // Everyone listed was told a window the bus now misses, by the times the board shows.
    const told = await t.db.notification.findMany({ where: { rideId: { in: route.stops.map((s: any) => s.rideId) } } });
    const etaOf = new Map(view.routes.find((r: any) => r.vehicle.id === vehicleId).stops.filter((s: any) => s.kind === 'PICKUP').map((s: any) => [s.rideId, s.etaSec]));
    const late = told.filter((n) => etaOf.has(n.rideId) && Math.round((etaOf.get(n.rideId) as number) / 60) > n.windowToMin).map((n) => n.rideId);
    expect(late).toContain(first.rideId);
    expect(alert.lateForTold.map((l: any) => l.rideId).sort()).toEqual([...new Set(late)].sort());
    expect(alert.lateForTold.find((l: any) => l.rideId === first.rideId)).toMatchObject({ client: first.client, phone: expect.stringMatching(/^\d{3} \d{3} \d{3}$/), told: { from: expect.any(String), to: expect.any(String) } });

    // The driver reaches the stop: the delay is over, and so is the alert.
    clock.set(`${DATE}T${formatMinutes(parseTimeOfDay(first.time) + 44)}:00+01:00`);
    expect((await api.post(`/manifests/${DATE}/${vehicleId}/stops/1/events`, { kind: 'ARRIVED', clientEventId: crypto.randomUUID(), rideId: first.rideId })).status).toBe(201);
    expect((await api.get(`/plans/${plan.id}`)).body.delays).toEqual([]);
  });
});

describe('what a re-plan tells the drivers', () => {
  it("lists on each vehicle's manifest the rides the re-plan added to its route and took from it", async () => {
    const { api, day, plan, book } = await plannedDay();
    const { route } = await publishAndPickUpFirst(api, plan);
    // A ride booked after publication, not inserted by hand: the re-plan places it.
    const anna = await createClient(api, 'Anna Wiśniewska', VILLAGE.wyskok);
    const late = (await book({ clientId: anna, toPlaceId: day.healthId, departAfter: '13:00', overrideCutoff: true })).outbound.id;
    // The other vehicle is taken off the fleet (not out of service: nothing of it stays): its rides go elsewhere or wait.
    const idle = plan.routes.find((r: any) => r.vehicle.id !== route.vehicle.id && r.stops.length > 0);
    expect(idle).toBeDefined();
    const { version } = (await api.get(`/vehicles/${idle.vehicle.id}`)).body;
    const off = await api.patch(`/vehicles/${idle.vehicle.id}`, { active: false, version });
    expect(off.status, off.text).toBe(200);
    const base = (await api.get(`/plans/${plan.id}`)).body;

    const again = await api.post('/plans', { date: DATE });
    const next = await finishedPlan(api, again.body.id);
    expect(next.status).toBe('DONE');

    // The oracle: each vehicle's rides with a stop not yet driven, before and after.
    const ahead = (p: any) => new Map<string, Set<string>>(p.routes.map((r: any) => [r.vehicle.id, new Set(r.stops.filter((st: any) => st.actual === null).map((st: any) => st.rideId))]));
    const before = ahead(base);
    const after = ahead(next);
    const expected: string[] = [];
    for (const [vehicleId, rides] of after) for (const id of rides) if (!before.get(vehicleId)?.has(id)) expected.push(`${vehicleId} +${id}`);
    for (const [vehicleId, rides] of before) for (const id of rides) if (!after.get(vehicleId)?.has(id)) expected.push(`${vehicleId} -${id}`);
    const told = next.changes
      .filter((c: any) => c.kind === 'REPLAN' && c.vehicleId !== null)
      .map((c: any) => `${c.vehicleId} ${c.pl.startsWith('Nowy przejazd po ponownym planowaniu') ? '+' : '-'}${c.rideId}`);
    expect(told.sort()).toEqual(expected.sort());
    expect(expected).toContain(`${vehicleOf(next, late)} +${late}`);
    // The idle vehicle's driver reads where each of its rides went.
    const lost = next.changes.filter((c: any) => c.kind === 'REPLAN' && c.vehicleId === idle.vehicle.id);
    expect(lost.length).toBe(before.get(idle.vehicle.id)!.size);
    for (const c of lost) {
      const now = vehicleOf(next, c.rideId);
      expect(c.pl).toMatch(now ? new RegExp(`jedzie pojazdem ${route.vehicle.name}$`) : /bez przydziału$/);
    }

    // The driver of the vehicle that got Anna's ride reads it on the manifest, with its pickup time, and that the day was re-planned.
    const m = (await api.get(`/manifests/${DATE}/${vehicleOf(next, late)}`)).body;
    const pickup = m.stops.find((st: any) => st.rideId === late && st.kind === 'PICKUP');
    const added = m.changes.find((c: any) => c.rideId === late);
    expect(added.pl).toBe(`Nowy przejazd po ponownym planowaniu: Anna Wiśniewska, odbiór ${pickup.time} (Anna Wiśniewska dom → Ośrodek Zdrowia)`);
    expect(added.en).toMatch(/^Ride added by re-planning: Anna Wiśniewska, pickup \d\d:\d\d /);
    expect(m.changes.some((c: any) => c.kind === 'REPLAN' && c.vehicleId === null && c.pl.startsWith('Dzień zaplanowany ponownie'))).toBe(true);
    // Another vehicle's manifest does not list it.
    const other = next.routes.find((r: any) => r.vehicle.id !== vehicleOf(next, late));
    if (other) expect((await api.get(`/manifests/${DATE}/${other.vehicle.id}`)).body.changes.some((c: any) => c.rideId === late)).toBe(false);
  });
});

describe('urgent insertion', () => {
  it('puts a new ride into the live plan, answers a retry the same way, and explains one that cannot fit', async () => {
    const { api, day, plan, book } = await plannedDay();
    await api.post(`/plans/${plan.id}/publish`, {});
    const anna = await createClient(api, 'Anna Wiśniewska', VILLAGE.wyskok);
    const urgent = await book({ clientId: anna, toPlaceId: day.healthId, arriveBy: '11:30', overrideCutoff: true });
    const ins = await api.post(`/plans/${plan.id}/insertions`, { rideId: urgent.outbound.id });
    expect(ins.status, ins.text).toBe(200);
    expect(ins.body.inserted).toBe(true);
    expect(ins.body.dropoffEtaSec).toBeGreaterThan(ins.body.pickupEtaSec);
    expect(ins.body.dropoffEtaSec).toBeLessThanOrEqual(11.5 * 3600);
    const retry = await api.post(`/plans/${plan.id}/insertions`, { rideId: urgent.outbound.id });
    expect(retry.body).toEqual(ins.body);
    // The plan is published: the new client is told the pickup window, as a first notice, not a "change".
    const told = await t.db.notification.findMany({ where: { rideId: urgent.outbound.id } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: 'EVENING_BEFORE' });
    expect(told[0]!.text).toContain('Przypomnienie o przejeździe');
    expect(told[0]!.text).not.toContain('ZMIANA');
    expect(told[0]!.windowFromMin).toBeLessThanOrEqual(Math.floor(ins.body.pickupEtaSec / 60));
    expect(told[0]!.windowToMin).toBeGreaterThanOrEqual(Math.floor(ins.body.pickupEtaSec / 60));
    expect((await api.get(`/rides/${urgent.outbound.id}`)).body.status).toBe('SCHEDULED');
    const m = await api.get(`/manifests/${DATE}/${ins.body.vehicleId}`);
    expect(m.body.stops.some((s: any) => s.rideId === urgent.outbound.id)).toBe(true);
    expect(m.body.changes[0].kind).toBe('INSERT');

    // An arrival at 06:00 is before every driver's shift (07:00): it cannot fit, and says why.
    const piotr = await createClient(api, 'Piotr Lis', VILLAGE.lesk);
    const clash = await book({ clientId: piotr, toPlaceId: day.healthId, arriveBy: '06:00', overrideCutoff: true });
    const refused = await api.post(`/plans/${plan.id}/insertions`, { rideId: clash.outbound.id });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('INSERTION_INFEASIBLE');
    expect(refused.body.error.messageEn).toMatch(/No driver's shift covers .*–06:00/);
    const view = (await api.get(`/plans/${plan.id}`)).body;
    expect(view.unassigned.find((u: any) => u.rideId === clash.outbound.id)).toBeTruthy();
    expect((await api.post(`/plans/${plan.id}/insertions`, { rideId: crypto.randomUUID() })).status).toBe(404);
    expect((await api.post(`/plans/${plan.id}/insertions`, { ride: 'x' })).status).toBe(400);
  });
});

describe('driver reports', () => {
  it('re-estimate the stops ahead after a delay, and the dispatcher sees actual against planned', async () => {
    const { api, day, plan } = await plannedDay();
    await api.post(`/plans/${plan.id}/publish`, {});
    const m = (await api.get(`/manifests/${DATE}/${day.busId}`)).body;
    const [first, second] = m.stops;
    clock.set(`${DATE}T06:30:00+01:00`); // the morning of the day, before the first stop
    const late = await api.post(`/manifests/${DATE}/${day.busId}/stops/1/events`, { kind: 'DELAYED', delayMin: 20, clientEventId: crypto.randomUUID(), rideId: first.rideId });
    expect(late.status, late.text).toBe(201);
    const after = (await api.get(`/manifests/${DATE}/${day.busId}`)).body;
    expect(after.stops[0].etaSec).toBe(first.etaSec + 20 * 60);
    expect(after.stops[1].etaSec).toBeGreaterThanOrEqual(second.etaSec);
    expect(after.changes[0]).toMatchObject({ kind: 'DELAY', vehicleId: day.busId });
    expect(after.changes[0].pl).toMatch(/20 min opóźnienia/);
    clock.set(`${DATE}T08:00:00+01:00`);
    const arrived = await api.post(`/manifests/${DATE}/${day.busId}/stops/1/events`, { kind: 'ARRIVED', clientEventId: crypto.randomUUID(), at: `${DATE}T07:59:00+01:00` });
    expect(arrived.status).toBe(201);
    const view = (await api.get(`/plans/${plan.id}`)).body;
    const stop = view.routes.find((r: any) => r.vehicle.id === day.busId).stops[0];
    expect(stop.actual).toMatchObject({ arrivedAt: '2026-11-24T06:59:00.000Z', doneAt: null, status: 'ARRIVED' });
    expect(stop.etaSec).toBe(7 * 3600 + 59 * 60);
    expect((await api.post(`/manifests/${DATE}/${day.busId}/stops/1/events`, { kind: 'DELAYED', delayMin: 0, clientEventId: crypto.randomUUID() })).status).toBe(400);
  });
  it('refuses a report dated before the ride’s day or ahead of the clock, saying why, and stores nothing', async () => {
    const { api, day, plan } = await plannedDay();
    await api.post(`/plans/${plan.id}/publish`, {});
    const first = (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops[0];
    // The evening before (the server's clock is still on the 23rd): no `at`, so "now".
    const early = await api.post(`/manifests/${DATE}/${day.busId}/stops/1/events`, { kind: 'ARRIVED', clientEventId: crypto.randomUUID(), rideId: first.rideId });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0]).toMatchObject({ path: 'at' });
    expect(early.body.error.fields[0].message).toContain('przed dniem przejazdu');
    // On the day, a phone whose clock runs an hour ahead.
    clock.set(`${DATE}T07:00:00+01:00`);
    const ahead = await api.post(`/manifests/${DATE}/${day.busId}/stops/1/events`, { kind: 'ARRIVED', clientEventId: crypto.randomUUID(), at: `${DATE}T08:00:00+01:00`, rideId: first.rideId });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error.fields[0].messageEn).toContain('future');
    const after = (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops[0];
    expect(after.state).toBe('PLANNED');
    expect(after.etaSec).toBe(first.etaSec);
  });

  it('keeps a report entered the next day after the whole day, not at its start', async () => {
    const { api, day, plan } = await plannedDay();
    await api.post(`/plans/${plan.id}/publish`, {});
    const [first, second] = (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops;
    // The office catches up the next morning: the first stop's arrival, with no time given.
    clock.set('2026-11-25T08:00:00+01:00');
    const late = await api.post(`/manifests/${DATE}/${day.busId}/stops/1/events`, { kind: 'ARRIVED', clientEventId: crypto.randomUUID(), rideId: first.rideId });
    expect(late.status, late.text).toBe(201);
    const after = (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops;
    // Counted from the day's midnight: 08:00 the next day is 32 h, never 08:00 of the day itself.
    expect(after[0].etaSec).toBe(32 * 3600);
    expect(after[1].etaSec).toBeGreaterThan(second.etaSec);
  });
});

describe('cancellation', () => {
  it('removes a cancelled ride’s stops from the live plan and shortens the route', async () => {
    const { api, rides, plan } = await plannedDay();
    const rideId = rides.jozef.outbound.id;
    const vehicleId = vehicleOf(plan, rideId)!;
    const before = plan.routes.find((r: any) => r.vehicle.id === vehicleId);
    expect((await api.post(`/rides/${rideId}/cancel`, { reason: 'Choroba' })).status).toBe(200);
    const after = (await api.get(`/plans/${plan.id}`)).body;
    const route = after.routes.find((r: any) => r.vehicle.id === vehicleId);
    expect(route.stops.some((s: any) => s.rideId === rideId)).toBe(false);
    expect(route.stops.length).toBe(before.stops.length - 2);
    expect(route.distanceKm).toBeLessThanOrEqual(before.distanceKm);
    expect(after.changes[0]).toMatchObject({ kind: 'REMOVE', rideId });
  });

  it('removes a ride cancelled after the cut-off (LATE_CANCELLED) from the live plan the same way', async () => {
    const { api, rides, plan } = await plannedDay();
    // Monday 10:00 in Warsaw is past a 09:00 cut-off of the working day before Tuesday.
    const org = await api.get('/organisation');
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: { time: '09:00', workingDaysBefore: 1 } }, version: org.body.version })).status).toBe(200);
    const rideId = rides.jozef.outbound.id;
    const vehicleId = vehicleOf(plan, rideId)!;
    const before = plan.routes.find((r: any) => r.vehicle.id === vehicleId);
    const cancelled = await api.post(`/rides/${rideId}/cancel`, { reason: 'Choroba' });
    expect(cancelled.body).toMatchObject({ status: 'LATE_CANCELLED', lateCancelled: true });
    const after = (await api.get(`/plans/${plan.id}`)).body;
    const route = after.routes.find((r: any) => r.vehicle.id === vehicleId);
    expect(route.stops.some((s: any) => s.rideId === rideId)).toBe(false);
    expect(route.stops.length).toBe(before.stops.length - 2);
    expect(after.changes[0]).toMatchObject({ kind: 'REMOVE', rideId });
    // A re-plan of the day leaves it out too.
    const replan = await planAndWait(api, DATE);
    expect(replan.routes.some((r: any) => r.stops.some((s: any) => s.rideId === rideId))).toBe(false);
    expect(replan.unassigned.some((u: any) => u.rideId === rideId)).toBe(false);
  });
});

describe('vehicle out of service', () => {
  it('hands the vehicle’s rides to the others or lists them unassigned with reasons; a retry answers the same', async () => {
    const { api, day, plan } = await plannedDay();
    const bus = plan.routes.find((r: any) => r.vehicle.id === day.busId);
    const busRides = new Set<string>(bus.stops.map((s: any) => s.rideId));
    const res = await api.post(`/plans/${plan.id}/vehicles/${day.busId}/out-of-service`, { from: '07:00', reason: 'Awaria silnika' });
    expect(res.status, res.text).toBe(200);
    expect(new Set([...res.body.reassigned, ...res.body.unassigned.map((u: any) => u.rideId)])).toEqual(busRides);
    const names = new Map<string, string>(bus.stops.map((s: any) => [s.rideId, s.client.name]));
    expect([...names.values()].every((n) => /^\p{L}+ \p{L}+$/u.test(n))).toBe(true);
    for (const u of res.body.unassigned) {
      expect(u.pl.length).toBeGreaterThan(0);
      expect(u.client).toBe(names.get(u.rideId));
    }
    const view = (await api.get(`/plans/${plan.id}`)).body;
    // The dispatcher and the drivers read whose rides were handed over.
    for (const id of res.body.reassigned) expect(view.changes.some((c: any) => c.kind === 'MOVE' && c.rideId === id && c.pl.includes(names.get(id)))).toBe(true);
    const busAfter = view.routes.find((r: any) => r.vehicle.id === day.busId);
    expect(busAfter.outOfServiceAt).toBe('07:00');
    expect(busAfter.stops).toHaveLength(0);
    for (const id of res.body.reassigned) expect(vehicleOf(view, id)).toBe(day.carId);
    for (const u of res.body.unassigned) expect((await api.get(`/rides/${u.rideId}`)).body.status).toBe('APPROVED');
    const retry = await api.post(`/plans/${plan.id}/vehicles/${day.busId}/out-of-service`, { from: '07:00', reason: 'Awaria silnika' });
    expect(retry.body).toEqual(res.body);
    expect((await api.post(`/plans/${plan.id}/vehicles/${day.busId}/out-of-service`, { from: '25:00', reason: 'x' })).status).toBe(400);
  });

  it('keeps on the vehicle what it serves before the breakdown and whoever is on board then', async () => {
    const { api, day, plan } = await plannedDay();
    const bus = plan.routes.find((r: any) => r.vehicle.id === day.busId);
    expect(bus.stops.length).toBeGreaterThanOrEqual(4);
    // Out of service from the planned time of the bus's third stop: the first two are served.
    const from: string = bus.stops[2].time;
    const before = bus.stops.filter((s: any) => s.time < from);
    const pickedBefore = new Set(before.filter((s: any) => s.kind === 'PICKUP').map((s: any) => s.rideId));
    const res = await api.post(`/plans/${plan.id}/vehicles/${day.busId}/out-of-service`, { from, reason: 'Przegląd' });
    expect(res.status, res.text).toBe(200);
    const busAfter = (await api.get(`/plans/${plan.id}`)).body.routes.find((r: any) => r.vehicle.id === day.busId);
    // The stops served before the breakdown are still there, first, unchanged.
    expect(busAfter.stops.slice(0, before.length).map((s: any) => [s.rideId, s.kind, s.time])).toEqual(before.map((s: any) => [s.rideId, s.kind, s.time]));
    // After it: only drop-offs of passengers picked up before it (nobody on board is moved).
    const after = busAfter.stops.slice(before.length);
    for (const s of after) {
      expect(s.kind).toBe('DROPOFF');
      expect(pickedBefore.has(s.rideId)).toBe(true);
    }
    for (const id of pickedBefore) {
      expect(busAfter.stops.filter((s: any) => s.rideId === id).map((s: any) => s.kind)).toEqual(['PICKUP', 'DROPOFF']);
      expect(res.body.reassigned).not.toContain(id);
    }
    // Every ride the bus would have picked up from the breakdown on went elsewhere or is listed.
    const later = new Set(bus.stops.filter((s: any) => s.kind === 'PICKUP' && !pickedBefore.has(s.rideId)).map((s: any) => s.rideId));
    expect(new Set([...res.body.reassigned, ...res.body.unassigned.map((u: any) => u.rideId)])).toEqual(later);
    // Those still in the vehicle are named, in the answer and the change list: someone must fetch them.
    const riding = [...new Set(after.map((s: any) => s.rideId))];
    expect(riding.length).toBeGreaterThan(0);
    expect(new Set(res.body.onBoard.map((b: any) => b.rideId))).toEqual(new Set(riding));
    const change = (await api.get(`/plans/${plan.id}`)).body.changes.find((c: any) => c.pl.startsWith('Pojazd Bus wyłączony'));
    expect(change.pl).toMatch(/; w pojeździe zostają: .+ — wyślij po nich inny pojazd$/);
    for (const b of res.body.onBoard) expect(change.pl).toContain(b.client);
  });
});

describe('changing a vehicle under a plan', () => {
  it('answers which plans from today on the vehicle can no longer drive, and none once the change is undone', async () => {
    const { api, plan } = await plannedDay();
    const route = plan.routes.find((r: any) => r.stops.length > 0);
    const vehicle = (await api.get(`/vehicles/${route.vehicle.id}`)).body;
    const lastStop = route.stops[route.stops.length - 1].time as string;
    // A shift that ends at the route's last stop: the drive back to the depot no longer fits.
    const shorter = await api.patch(`/vehicles/${vehicle.id}`, { shiftEnd: lastStop, version: vehicle.version });
    expect(shorter.status, shorter.text).toBe(200);
    expect(shorter.body.shiftEnd).toBe(lastStop);
    expect(shorter.body.planWarnings).toHaveLength(1);
    expect(shorter.body.planWarnings[0]).toMatchObject({ date: DATE, revision: plan.revision, published: false });
    expect(shorter.body.planWarnings[0].message).toMatch(new RegExp(`^Plan na ${DATE} \\(nr ${plan.revision}\\): trasa \\d\\d:\\d\\d–\\d\\d:\\d\\d wychodzi poza zmianę ${vehicle.shiftStart}–${lastStop}\\. Zaplanuj ten dzień ponownie\\.$`));

    await api.post(`/plans/${plan.id}/publish`, {});
    const off = await api.patch(`/vehicles/${vehicle.id}`, { shiftEnd: vehicle.shiftEnd, active: false, version: shorter.body.version });
    expect(off.body.planWarnings.map((w: any) => w.message)).toEqual([
      `Plan na ${DATE} (nr ${plan.revision}, opublikowany): pojazd jest wyłączony, a ma w planie przystanków: ${route.stops.length}. Zaplanuj ten dzień ponownie.`,
    ]);
    const back = await api.patch(`/vehicles/${vehicle.id}`, { active: true, version: off.body.version });
    expect(back.body.planWarnings).toEqual([]);
  });
});
