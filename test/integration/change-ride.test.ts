/**
 * A booked ride changed in place (PATCH /rides/:id, D63): time, needs or note, with the booking's
 * checks (return after outbound, the client's other rides, the cut-off, the wheelchair), a stale
 * version refused, the history told; a planned ride whose time changes leaves its day's plan (back
 * to APPROVED, the driver's change list says so) and the next plan places it at the new time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
// Monday 2026-11-23, 10:00 in Warsaw.
let now = new Date('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  t.startWorker(createTravelTimeProvider({ osrmUrl: null }), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
});

const fieldsOf = (res: { status: number; body: any }) => {
  expect(res.status).toBe(400);
  return res.body.error.fields.map((f: any) => [f.path, f.message]);
};

describe('changing a booked ride', () => {
  it('moves a planned ride to its new time: out of the plan with a change row, then placed by the next plan', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const booked = await api.post('/rides', { date: DATE, clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '09:00', return: { departAfter: '13:00' } });
    expect(booked.status).toBe(201);
    const jans = await api.post('/rides', { date: DATE, clientId: day.clients.jan, toPlaceId: day.healthId, arriveBy: '10:00' });
    const outbound = booked.body.outbound;
    const first = await planAndWait(api, DATE);
    expect(first.status).toBe('DONE');
    const before = (await api.get(`/rides/${outbound.id}`)).body;
    expect(before.status).toBe('SCHEDULED');

    const moved = await api.patch(`/rides/${outbound.id}`, { arriveBy: '10:30', version: before.version });
    expect(moved.status).toBe(200);
    expect(moved.body.changed.pl).toBe('godzina na 09:00 → na 10:30');
    expect(moved.body.takenOutOfPlan).toBe(true);
    expect(moved.body.ride).toMatchObject({ status: 'APPROVED', arriveBy: '10:30', version: before.version + 1, returnRideId: booked.body.return.id });
    const history = (await api.get(`/rides/${outbound.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ from: 'SCHEDULED', to: 'APPROVED', reason: 'zmiana: godzina na 09:00 → na 10:30' });
    // Out of the plan, and the change list says why.
    const plan = (await api.get(`/plans/${first.id}`)).body;
    expect(plan.routes.flatMap((r: any) => r.stops).filter((s: any) => s.rideId === outbound.id)).toEqual([]);
    expect(plan.changes.some((c: any) => c.kind === 'REMOVE' && c.rideId === outbound.id && c.pl.includes('zmieniony (godzina na 09:00 → na 10:30)'))).toBe(true);
    // The same version again is stale: nothing changes.
    const stale = await api.patch(`/rides/${outbound.id}`, { arriveBy: '11:00', version: before.version });
    expect(stale.status).toBe(409);
    expect((await api.get(`/rides/${outbound.id}`)).body.arriveBy).toBe('10:30');

    // The next plan places it for the new appointment: at the day centre by 10:30, not by 09:00.
    const second = await planAndWait(api, DATE);
    const stops = second.routes.flatMap((r: any) => r.stops).filter((s: any) => s.rideId === outbound.id);
    expect(stops.map((s: any) => s.kind)).toEqual(['PICKUP', 'DROPOFF']);
    const drop = stops[1].time as string;
    expect(drop > '09:00' && drop <= '10:30').toBe(true);
    expect((await api.get(`/rides/${jans.body.outbound.id}`)).body.status).toBe('SCHEDULED');
    // The new plan's board still tells the day's earlier changes, with the plan they were made on.
    const board = (await api.get(`/plans/${second.id}`)).body;
    expect(board.earlierChanges.find((c: any) => c.kind === 'REMOVE' && c.rideId === outbound.id)).toMatchObject({ planRevision: first.revision });
    expect((await api.get(`/plans/${first.id}`)).body.earlierChanges).toEqual([]);
  });

  it('keeps a ride in its plan when only the driver’s note changes', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const booked = await api.post('/rides', { date: DATE, clientId: day.clients.jan, toPlaceId: day.healthId, arriveBy: '10:00' });
    const plan = await planAndWait(api, DATE);
    const ride = (await api.get(`/rides/${booked.body.outbound.id}`)).body;
    const noted = await api.patch(`/rides/${ride.id}`, { notes: 'Laska, drugie piętro', version: ride.version });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({ takenOutOfPlan: false, changed: { pl: 'uwagi dla kierowcy' }, ride: { status: 'SCHEDULED', notes: 'Laska, drugie piętro' } });
    expect((await api.get(`/plans/${plan.id}`)).body.routes.flatMap((r: any) => r.stops).filter((s: any) => s.rideId === ride.id)).toHaveLength(2);
    // Nothing to change: the same answer, no new version.
    const same = await api.patch(`/rides/${ride.id}`, { notes: 'Laska, drugie piętro', version: ride.version + 1 });
    expect(same.body).toMatchObject({ changed: { pl: '' }, ride: { version: ride.version + 1 } });
  });

  it('refuses what a booking would refuse, naming the field, and changes nothing', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const booked = await api.post('/rides', { date: DATE, clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '09:00', return: { departAfter: '13:00' } });
    const out = booked.body.outbound;
    const back = booked.body.return;
    await api.post('/rides', { date: DATE, clientId: day.clients.helena, toPlaceId: day.healthId, departAfter: '15:00' });
    const zofias = await api.post('/rides', { date: DATE, clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '11:00' });

    expect(fieldsOf(await api.patch(`/rides/${out.id}`, { arriveBy: '25:00', departAfter: '10:00', colour: 'red', version: 0 })).map((f: any) => f[0]).sort()).toEqual(['arriveBy', 'arriveBy', 'colour', 'version']);
    expect(fieldsOf(await api.patch(`/rides/${out.id}`, { arriveBy: '13:30', version: out.version }))).toEqual([['arriveBy', 'przejazd musi być przed powrotem (13:00); zmień najpierw powrót']]);
    expect(fieldsOf(await api.patch(`/rides/${back.id}`, { departAfter: '08:30', version: back.version }))).toEqual([['departAfter', 'powrót musi być po godzinie przejazdu w tamtą stronę (09:00)']]);
    const clash = fieldsOf(await api.patch(`/rides/${back.id}`, { departAfter: '15:05', version: back.version }));
    expect(clash[0][0]).toBe('departAfter');
    expect(clash[0][1]).toContain('klient ma już przejazd w tym czasie');
    expect(fieldsOf(await api.patch(`/rides/${zofias.body.outbound.id}`, { wheelchair: false, version: 1 }))).toEqual([['wheelchair', 'klient porusza się na wózku: potrzebne miejsce na wózek']]);

    // After the day's cut-off: refused unless the dispatcher accepts it.
    const o = (await api.get('/organisation')).body;
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: { time: '08:00', workingDaysBefore: 1 } }, version: o.version })).status).toBe(200);
    const late = await api.patch(`/rides/${out.id}`, { arriveBy: '09:30', version: out.version });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('Termin zmian na ten dzień minął');
    for (const r of [out, back]) expect((await api.get(`/rides/${r.id}`)).body).toMatchObject({ version: r.version, status: 'APPROVED' });
    const accepted = await api.patch(`/rides/${out.id}`, { arriveBy: '09:30', overrideCutoff: true, version: out.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.takenOutOfPlan).toBe(false);
    // A note for the driver does not touch the plan: it may come after the cut-off.
    const noted = await api.patch(`/rides/${out.id}`, { notes: 'Winda w bloku nie działa', version: out.version + 1 });
    expect(noted.status).toBe(200);
    expect(noted.body.ride.notes).toBe('Winda w bloku nie działa');

    // A cancelled ride has an outcome: it cannot be changed.
    expect((await api.post(`/rides/${back.id}/cancel`, { reason: 'rodzina odbierze' })).status).toBe(200);
    expect((await api.patch(`/rides/${back.id}`, { departAfter: '14:00', version: back.version + 1 })).status).toBe(409);
  });
});
