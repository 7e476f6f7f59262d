/**
 * Moving a ride between two routes that both exist in the live plan (issue #6): a ride that
 * clearly fits in another vehicle's idle gap is movable both ways, and the answer's deltas are
 * the change of the two routes' distances, recomputed here from the stops' coordinates and
 * checked against GET /plans/:id. Real PostgreSQL, Redis and a worker, through the HTTP API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createPlace, createSmallFleet, VILLAGE, bookRide } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { estimateLeg } from '../../src/routing/estimate.js';

let t: TestContext;
const NOW = new Date('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
  t.startWorker(createTravelTimeProvider({}), { maxIterations: 300 });
});
afterAll(async () => {
  await t.close();
});

type Api = ReturnType<typeof apiFor>;
type LatLon = { lat: number; lon: number };

/** Where each place is, from the API. */
async function positions(api: Api, ids: Iterable<string>): Promise<Map<string, LatLon>> {
  const out = new Map<string, LatLon>();
  for (const id of new Set(ids)) {
    const res = await api.get(`/places/${id}`);
    expect(res.status, res.text).toBe(200);
    out.set(id, { lat: res.body.lat, lon: res.body.lon });
  }
  return out;
}

/**
 * A route's driving distance as the straight-line estimate the test's travel times use (the
 * worker and the API both run without OSRM): depot → every stop in order → depot.
 */
function routeDistanceM(route: any, depot: LatLon, at: Map<string, LatLon>): number {
  const points = [depot, ...route.stops.map((s: any) => at.get(s.place.id)!), depot];
  let m = 0;
  for (let i = 1; i < points.length; i++) m += estimateLeg(points[i - 1]!, points[i]!).distanceM;
  return m;
}

const routeOf = (plan: any, vehicleId: string) => plan.routes.find((r: any) => r.vehicle.id === vehicleId);
const vehicleOf = (plan: any, rideId: string): string | null =>
  plan.routes.find((r: any) => r.stops.some((s: any) => s.rideId === rideId))?.vehicle.id ?? null;

/**
 * A day planned with the car off the road (every ride on the bus), then the car back and given
 * Józef's morning ride to a pharmacy no bus ride goes to: two routes sharing no place but the
 * depot, the car idle from about 08:40 until its shift ends at 15:00.
 */
async function twoRoutesDay() {
  const org = await t.newOrganisation();
  const api = apiFor(t.baseUrl, org.slug);
  const day = await createSmallFleet(api);
  const c = day.clients;
  const book = async (b: object) => (await bookRide(api, DATE, b)).outbound.id;
  // Józef goes where no one else does: the car's route will share no place with the bus's but the depot.
  const pharmacy = await createPlace(api, 'OTHER', 'Apteka Wyskok', VILLAGE.wyskok);
  const jozef = await book({ clientId: c.jozef, toPlaceId: pharmacy, arriveBy: '08:30' });
  const helena = await book({ clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
  const irena = await book({ clientId: c.irena, toPlaceId: day.healthId, departAfter: '10:00' });
  // The car is off the road while the day is planned: every ride goes on the bus.
  const car = (await api.get(`/vehicles/${day.carId}`)).body;
  const off = await api.patch(`/vehicles/${day.carId}`, { active: false, version: car.version });
  expect(off.status, off.text).toBe(200);
  const plan = await planAndWait(api, DATE);
  expect(plan.status).toBe('DONE');
  expect(plan.routes.map((r: any) => r.vehicle.id)).toEqual([day.busId]);
  expect(vehicleOf(plan, irena)).toBe(day.busId);
  const on = await api.patch(`/vehicles/${day.carId}`, { active: true, version: off.body.version });
  expect(on.status, on.text).toBe(200);

  // The car takes Józef's morning ride (a move into a vehicle with no route yet) and is back well before 10:00.
  const first = await api.post(`/plans/${plan.id}/moves`, { rideId: jozef, vehicleId: day.carId });
  expect(first.status, first.text).toBe(200);
  const withCar = (await api.get(`/plans/${plan.id}`)).body;
  const carRoute = routeOf(withCar, day.carId);
  expect(carRoute.stops.map((s: any) => s.rideId)).toEqual([jozef, jozef]);
  expect(carRoute.end < '10:00').toBe(true);

  return { api, day, plan, withCar, jozef, helena, irena, book };
}

describe('moving a ride between two existing routes', () => {
  it('moves a ride into another vehicle’s idle gap and back, with deltas equal to the routes’ change in distance', async () => {
    const { api, day, plan, withCar, irena, helena } = await twoRoutesDay();
    const depot = (await api.get(`/places/${day.depotId}`)).body as LatLon;
    const at = await positions(api, [day.depotId, ...withCar.routes.flatMap((r: any) => r.stops.map((s: any) => s.place.id))]);
    const total = (p: any) => p.routes.reduce((s: number, r: any) => s + routeDistanceM(r, depot, at), 0);
    const totalKm = (p: any) => p.routes.reduce((s: number, r: any) => s + r.distanceKm, 0);

    // Irena leaves after 10:00; the car is idle from its return until its shift ends at 15:00.
    const dry = await api.post(`/plans/${plan.id}/moves`, { rideId: irena, vehicleId: day.carId, dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ feasible: true, applied: false, vehicleId: day.carId, version: withCar.version });
    const moved = await api.post(`/plans/${plan.id}/moves`, { rideId: irena, vehicleId: day.carId, version: withCar.version });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ applied: true, deltaDistanceM: dry.body.deltaDistanceM, deltaDurationSec: dry.body.deltaDurationSec });
    const after = (await api.get(`/plans/${plan.id}`)).body;
    expect(vehicleOf(after, irena)).toBe(day.carId);
    const irenaPickup = routeOf(after, day.carId).stops.find((s: any) => s.rideId === irena && s.kind === 'PICKUP');
    expect(irenaPickup.time >= '10:00').toBe(true);
    // The stored route distances are the stops' own: recomputing them gives the same numbers.
    for (const p of [withCar, after]) for (const r of p.routes) expect(Math.abs(r.distanceKm - routeDistanceM(r, depot, at) / 1000)).toBeLessThanOrEqual(0.05 + 1e-9);
    // The delta is the change of the routes' distances: exactly, and as GET shows them (0.1 km per route).
    expect(moved.body.deltaDistanceM).toBeCloseTo(total(after) - total(withCar), -1);
    expect(Math.abs(moved.body.deltaDistanceM / 1000 - (totalKm(after) - totalKm(withCar)))).toBeLessThanOrEqual(0.05 * (withCar.routes.length + after.routes.length) + 1e-9);

    // And back onto the bus, between its existing stops: the same bookkeeping holds.
    const back = await api.post(`/plans/${plan.id}/moves`, { rideId: irena, vehicleId: day.busId, version: after.version });
    expect(back.status, back.text).toBe(200);
    const end = (await api.get(`/plans/${plan.id}`)).body;
    expect(vehicleOf(end, irena)).toBe(day.busId);
    expect(back.body.deltaDistanceM).toBeCloseTo(total(end) - total(after), -1);
    // Moving a ride away and back leaves both routes as long as they were.
    expect(moved.body.deltaDistanceM + back.body.deltaDistanceM).toBeCloseTo(total(end) - total(withCar), -1);
    // Helena's ride never moved.
    expect(vehicleOf(end, helena)).toBe(day.busId);
  });
});

describe('a vehicle out of service, then an urgent ride', () => {
  it('hands a ride to another route it fits in, and an urgent ride from a new place still finds a route', async () => {
    const { api, day, plan, withCar, irena, book } = await twoRoutesDay();
    const res = await api.post(`/plans/${plan.id}/vehicles/${day.busId}/out-of-service`, { from: '07:00', reason: 'Awaria silnika', version: withCar.version });
    expect(res.status, res.text).toBe(200);
    // Irena (after 10:00) fits in the car's idle gap: she is handed over, not left unassigned.
    expect(res.body.reassigned).toContain(irena);
    const view = (await api.get(`/plans/${plan.id}`)).body;
    const car = routeOf(view, day.carId);
    expect(vehicleOf(view, irena)).toBe(day.carId);
    expect(car.stops.find((s: any) => s.rideId === irena && s.kind === 'PICKUP').time >= '10:00').toBe(true);
    expect(routeOf(view, day.busId).stops).toHaveLength(0);

    // An urgent ride between places on no route yet goes to the one vehicle left in service.
    const jan = await book({ clientId: day.clients.jan, toPlaceId: day.dayCentreId, departAfter: '12:00', overrideCutoff: true });
    const ins = await api.post(`/plans/${plan.id}/insertions`, { rideId: jan });
    expect(ins.status, ins.text).toBe(200);
    expect(ins.body).toMatchObject({ inserted: true, vehicleId: day.carId });
    expect(ins.body.pickupEtaSec).toBeGreaterThanOrEqual(12 * 3600);
  });
});
