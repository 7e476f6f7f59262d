import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createClient, createSmallFleet, VILLAGE } from '../helpers/day-fixture.js';
import { planAndWait as planDay } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';

let t: TestContext;
let osrm: FakeOsrm;
const NOW = new Date('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
  osrm = await startFakeOsrm({ dataVersion: '2026-11-20T21:21:02Z' });
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 300 });
});
afterAll(async () => {
  await t.close();
  await osrm.close();
});

type Api = ReturnType<typeof apiFor>;

const planAndWait = (api: Api, date = DATE) => planDay(api, date);

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** A new centre with one car (4 seats, no wheelchair place, 07:00–15:00) at its depot, and a health centre. */
async function oneCarDay() {
  const org = await t.newOrganisation();
  const api = apiFor(t.baseUrl, org.slug);
  const depot = (await api.post('/places', { kind: 'DEPOT', name: 'Baza', address: 'Srokowo', lat: 54.213, lon: 21.519 })).body.id;
  await api.post('/vehicles', { name: 'Auto', seats: 4, wheelchairPlaces: 0, depotPlaceId: depot, shiftStart: '07:00', shiftEnd: '15:00' });
  const health = (await api.post('/places', { kind: 'HEALTH', name: 'Ośrodek Zdrowia', address: 'Srokowo', lat: 54.2118, lon: 21.5151 })).body.id;
  return { api, health };
}

describe('planning a day', () => {
  it('books, plans in the worker on OSRM travel times and hands each driver a manifest', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const bookings = [
      { clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } },
      { clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '09:30', return: { departAfter: '11:00' } },
      { clientId: day.clients.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
      { clientId: day.clients.irena, toPlaceId: day.healthId, departAfter: '10:00' },
      { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:45', return: { departAfter: '13:00' } },
    ];
    for (const b of bookings) expect((await api.post('/rides', { date: DATE, ...b })).status).toBe(201);
    const rides = (await api.get(`/rides?date=${DATE}`)).body.items as any[];
    expect(rides).toHaveLength(8);

    const plan = await planAndWait(api);

    expect(plan.status).toBe('DONE');
    expect(plan.progress).toBe(100);
    expect(plan.travelTimes).toMatchObject({ source: 'osrm', estimate: false, dataVersion: '2026-11-20T21:21:02Z', note: null });
    expect(plan.summary.ridesPlaced + plan.summary.ridesUnassigned).toBe(8);
    expect(plan.summary.ridesPlaced).toBe(8);
    // Every ride appears exactly once: a pickup then a drop-off on one route.
    const seen = new Map<string, string[]>();
    for (const route of plan.routes) {
      expect(route.distanceKm).toBeGreaterThan(0);
      const vehicle = route.vehicle.id === day.busId ? { seats: 8, wheelchairs: 1 } : { seats: 4, wheelchairs: 0 };
      let previous = -1;
      for (const stop of route.stops) {
        expect(toMin(stop.time)).toBeGreaterThanOrEqual(previous);
        previous = toMin(stop.time);
        expect(stop.seatsAfter).toBeLessThanOrEqual(vehicle.seats);
        expect(stop.wheelchairsAfter).toBeLessThanOrEqual(vehicle.wheelchairs);
        seen.set(stop.rideId, [...(seen.get(stop.rideId) ?? []), `${route.vehicle.id}:${stop.kind}`]);
      }
    }
    for (const ride of rides) {
      const [pickup, dropoff] = seen.get(ride.id)!;
      expect(pickup!.endsWith('PICKUP') && dropoff!.endsWith('DROPOFF')).toBe(true);
      expect(pickup!.split(':')[0]).toBe(dropoff!.split(':')[0]);
    }
    // Appointments are kept: arrive-by drop-offs no later than the appointment, at most 30 min early.
    for (const ride of rides.filter((r) => r.arriveBy)) {
      const stop = plan.routes.flatMap((r: any) => r.stops).find((s: any) => s.rideId === ride.id && s.kind === 'DROPOFF');
      expect(toMin(stop.time)).toBeLessThanOrEqual(toMin(ride.arriveBy));
      expect(toMin(stop.time)).toBeGreaterThanOrEqual(toMin(ride.arriveBy) - 30);
    }
    // The wheelchair user rides in the minibus.
    const zofiaStops = plan.routes.filter((r: any) => r.stops.some((s: any) => s.client.id === day.clients.zofia));
    expect(zofiaStops.map((r: any) => r.vehicle.id)).toEqual([day.busId]);
    // Each route's road geometry was fetched once and is served on request.
    const withGeometry = (await api.get(`/plans/${plan.id}?include=geometry`)).body;
    for (const route of withGeometry.routes) {
      expect(route.geometry.type).toBe('LineString');
      expect(route.geometry.coordinates.length).toBeGreaterThan(route.stops.length);
    }
    expect(plan.routes[0].geometry).toBeUndefined();
    // Placed rides are now scheduled.
    expect((await api.get(`/rides?date=${DATE}&status=SCHEDULED`)).body.items).toHaveLength(8);

    const busRoute = plan.routes.find((r: any) => r.vehicle.id === day.busId);
    // Drivers get the plan once the dispatcher publishes it.
    expect((await api.get(`/manifests/${DATE}/${day.busId}`)).status).toBe(404);
    expect((await api.post(`/plans/${plan.id}/publish`, {})).status).toBe(200);
    const manifest = await api.get(`/manifests/${DATE}/${day.busId}`);
    expect(manifest.status).toBe(200);
    expect(manifest.body.stops.map((s: any) => [s.time, s.kind, s.rideId])).toEqual(busRoute.stops.map((s: any) => [s.time, s.kind, s.rideId]));
    const zofiaPickup = manifest.body.stops.find((s: any) => s.passenger.name === 'Zofia Nowakowska' && s.kind === 'PICKUP');
    expect(zofiaPickup.passenger.phone).toBe('601 234 103');
    expect(zofiaPickup.needs.map((n: any) => n.code)).toEqual(['WHEELCHAIR']);
    expect(zofiaPickup.place.address).toContain('Zofia Nowakowska dom');

    const html = await api.get(`/manifests/${DATE}/${day.busId}?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('Karta drogowa — Bus');
    expect(html.text).toContain('Zofia Nowakowska');
    expect(html.text).toContain('tel:601234103');
    expect(html.text).not.toContain('szacunkowe');
    if (manifest.body.stops.some((s: any) => s.passenger.name === 'Helena Kowalczyk')) {
      expect(html.text).toContain('Dzwonić &lt;domofonem&gt;');
    }
  });

  it('leaves a wheelchair ride unassigned, with the reason, when no vehicle has a wheelchair place', async () => {
    const { api, health } = await oneCarDay();
    const zofia = await createClient(api, 'Zofia Nowakowska', VILLAGE.jeglawki, { mobility: 'WHEELCHAIR' });
    const jan = await createClient(api, 'Jan Król', VILLAGE.lesk);
    await api.post('/rides', { clientId: zofia, date: DATE, toPlaceId: health, arriveBy: '09:30' });
    await api.post('/rides', { clientId: jan, date: DATE, toPlaceId: health, arriveBy: '09:30' });

    const plan = await planAndWait(api);

    expect(plan.summary).toMatchObject({ ridesPlaced: 1, ridesUnassigned: 1, vehiclesUsed: 1 });
    expect(plan.unassigned).toEqual([
      expect.objectContaining({ client: { id: zofia, name: 'Zofia Nowakowska' }, reasonCode: 'capacity', reason: 'Żaden pojazd nie ma miejsca na wózek', reasonEn: 'No vehicle has a wheelchair place' }),
    ]);
    expect((await api.get(`/rides?date=${DATE}&status=APPROVED`)).body.items.map((r: any) => r.client.id)).toEqual([zofia]);
  });

  it('takes out a return whose outbound ride cannot be placed and plans the day again from the routes found', async () => {
    const { api, health } = await oneCarDay();
    const zofia = await createClient(api, 'Zofia Nowakowska', VILLAGE.jeglawki);
    const jan = await createClient(api, 'Jan Król', VILLAGE.lesk);
    // Zofia's outbound must arrive before the only shift starts; her return alone would fit.
    expect((await api.post('/rides', { clientId: zofia, date: DATE, toPlaceId: health, arriveBy: '06:30', return: { departAfter: '12:00' } })).status).toBe(201);
    expect((await api.post('/rides', { clientId: jan, date: DATE, toPlaceId: health, arriveBy: '09:30', return: { departAfter: '12:00' } })).status).toBe(201);

    const plan = await planAndWait(api);

    expect(plan.status).toBe('DONE');
    expect(plan.summary).toMatchObject({ ridesPlaced: 2, ridesUnassigned: 2, vehiclesUsed: 1 });
    const reasons = plan.unassigned.map((u: any) => [u.client.name, u.reasonCode]).sort();
    expect(reasons).toEqual([['Zofia Nowakowska', 'outboundUnassigned'], ['Zofia Nowakowska', expect.stringMatching(/shift|timeWindow/)]]);
    expect(plan.routes[0].stops.every((s: any) => s.client.id === jan)).toBe(true);
    // Neither of Zofia's rides is planned: nobody is left stranded, so no warning.
    expect(plan.unassigned.every((u: any) => u.outboundPlanned === null)).toBe(true);
  });

  it('warns beside a return left unassigned that its outbound is planned: the client would have no way back', async () => {
    const { api, health } = await oneCarDay();
    const jan = await createClient(api, 'Jan Król', VILLAGE.lesk);
    // The return starts after the only shift ends.
    const booked = (await api.post('/rides', { clientId: jan, date: DATE, toPlaceId: health, arriveBy: '09:30', return: { departAfter: '16:00' } })).body;

    const plan = await planAndWait(api);

    expect(plan.summary).toMatchObject({ ridesPlaced: 1, ridesUnassigned: 1 });
    const pickup = plan.routes[0].stops.find((s: any) => s.rideId === booked.outbound.id && s.kind === 'PICKUP');
    expect(plan.unassigned).toEqual([
      expect.objectContaining({
        rideId: booked.return.id,
        reasonCode: 'shift',
        reason: 'Żaden kierowca nie pracuje w godzinach 16:00–16:30',
        outboundPlanned: { vehicle: 'Auto', pickup: pickup.time },
      }),
    ]);
  });

  it('leaves rides to places OSRM cannot route unassigned with the reason, and plans the rest', async () => {
    // No boundary: nothing is "outside the gmina", so no ride waits for approval.
    const org = await t.newOrganisation(false);
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    // Far from any road of the test graph (OSRM answers NoSegment), and on a road island.
    const lake = (await api.post('/places', { kind: 'OTHER', name: 'Wyspa na jeziorze', address: 'Jezioro', lat: 54.6, lon: 22.4 })).body.id;
    const island = (await api.post('/places', { kind: 'OTHER', name: 'Łężany Pole', address: 'Łężany', lat: 54.03, lon: 21.215 })).body.id;
    await api.post('/rides', { clientId: day.clients.jan, date: DATE, toPlaceId: lake, arriveBy: '10:00' });
    await api.post('/rides', { clientId: day.clients.jozef, date: DATE, toPlaceId: island, arriveBy: '10:00' });
    await api.post('/rides', { clientId: day.clients.helena, date: DATE, toPlaceId: day.healthId, arriveBy: '10:00' });

    const plan = await planAndWait(api);

    expect(plan.status).toBe('DONE');
    expect(plan.summary).toMatchObject({ ridesPlaced: 1, ridesUnassigned: 2 });
    expect(plan.unassigned.map((u: any) => [u.client.id, u.reasonCode]).sort()).toEqual(
      [[day.clients.jan, 'unreachable'], [day.clients.jozef, 'unreachable']].sort(),
    );
    expect(plan.unassigned.find((u: any) => u.client.id === day.clients.jan).reason).toContain('Wyspa na jeziorze');
  });

  it('plans a ride leaving the gmina only once a dispatcher approves it, and keeps a turned-down one as unmet need', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const ketrzyn = (await api.post('/places', { kind: 'HOSPITAL', name: 'Szpital w Kętrzynie', address: 'Kętrzyn', lat: 54.0792, lon: 21.3702 })).body.id;
    const toHospital = (await api.post('/rides', { clientId: day.clients.jan, date: DATE, toPlaceId: ketrzyn, arriveBy: '10:00', return: { departAfter: '12:00' } })).body;
    const toRehab = (await api.post('/rides', { clientId: day.clients.jozef, date: DATE, toPlaceId: ketrzyn, arriveBy: '11:00' })).body.outbound;
    const local = (await api.post('/rides', { clientId: day.clients.helena, date: DATE, toPlaceId: day.healthId, arriveBy: '09:00' })).body.outbound;
    expect([toHospital.outbound.status, toHospital.return.status, toRehab.status, local.status]).toEqual(['REQUESTED', 'REQUESTED', 'REQUESTED', 'APPROVED']);
    expect(toHospital.outbound.awaitingApproval).toBe(true);

    const before = await planAndWait(api);
    expect(before.summary.ridesPlaced).toBe(1);
    expect(before.awaitingApproval).toBe(3);

    expect((await api.post(`/rides/${toHospital.outbound.id}/approve`)).body.status).toBe('APPROVED');
    expect((await api.post(`/rides/${toHospital.return.id}/approve`)).body.status).toBe('APPROVED');
    const refused = await api.post(`/rides/${toRehab.id}/turn-down`, { reason: 'Brak miejsc w tym dniu' });
    expect(refused.body.status).toBe('TURNED_DOWN');
    expect((await api.post(`/rides/${toRehab.id}/approve`)).status).toBe(409);

    const after = await planAndWait(api);
    expect(after.summary.ridesPlaced).toBe(3);
    expect(after.awaitingApproval).toBe(0);
    const history = (await api.get(`/rides/${toRehab.id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ from: 'REQUESTED', to: 'TURNED_DOWN', reason: 'Brak miejsc w tym dniu' });
  });

  it('gives a valid empty plan for a day with no rides', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);

    const plan = await planAndWait(api, '2026-11-25');

    expect(plan).toMatchObject({ status: 'DONE', routes: [], unassigned: [], summary: { ridesPlaced: 0, ridesUnassigned: 0, vehiclesUsed: 0, distanceKm: 0 } });
    expect((await api.post(`/plans/${plan.id}/publish`, {})).status).toBe(200);
    const manifest = await api.get(`/manifests/2026-11-25/${day.carId}`);
    expect(manifest.status).toBe(200);
    expect(manifest.body.stops).toEqual([]);
    expect((await api.get(`/manifests/2026-11-25/${day.carId}?format=html`)).text).toContain('Brak przejazdów');
  });

  it('numbers plan revisions per day and leaves cancelled rides out of the next plan', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const jan = (await api.post('/rides', { clientId: day.clients.jan, date: DATE, toPlaceId: day.healthId, arriveBy: '10:00' })).body.outbound;
    await api.post('/rides', { clientId: day.clients.jozef, date: DATE, toPlaceId: day.healthId, arriveBy: '10:00' });
    const first = await planAndWait(api);
    await api.post(`/rides/${jan.id}/cancel`, { reason: 'Choroba' });

    const second = await planAndWait(api);

    expect([first.revision, second.revision]).toEqual([1, 2]);
    expect(first.summary.ridesPlaced).toBe(2);
    expect(second.summary.ridesPlaced).toBe(1);
    expect(second.routes.flatMap((r: any) => r.stops).some((s: any) => s.rideId === jan.id)).toBe(false);
    expect((await api.get(`/plans?date=${DATE}`)).body.items.map((p: any) => p.revision)).toEqual([2, 1]);
    // Every status change is on record: who (here the organisation's API token), when, why.
    const history = (await api.get(`/rides/${jan.id}`)).body.history;
    const token = await t.db.apiToken.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(history.map((h: any) => [h.actor, h.from, h.to])).toEqual([
      [`token:${token.id}`, null, 'APPROVED'],
      ['planner', 'APPROVED', 'SCHEDULED'],
      [`token:${token.id}`, 'SCHEDULED', 'CANCELLED'],
    ]);
    expect(history[1].reason).toBe('plan nr 1');
    expect(history[2].reason).toBe('Choroba');
  });

  it('says 404 for a manifest when the day has no finished plan', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const res = await api.get(`/manifests/2026-12-01/${day.busId}`);
    expect(res.status).toBe(404);
    expect(res.body.error.messageEn).toBe('The plan for this day has not been published yet');
  });
});
