/**
 * A re-plan starts from the plan it replaces (D41): the optimiser is handed the previous plan's
 * routes, so what the search does not improve stays as the dispatcher last had it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createClient, createPlace, createSmallFleet, bookRide, VILLAGE } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { planServiceDay } from '../../src/domain/plan/plan-service-day.js';
import type { SolveStart } from '../../src/domain/plan/solve-linked-rides.js';
import { insertNextPlanRevision } from '../../src/db/repositories/plan.repo.js';
import { solve } from '../../src/solver/index.js';

let t: TestContext;
const NOW = new Date('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';
const estimate = createTravelTimeProvider({ osrmUrl: null });

beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
  t.startWorker(estimate, { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
});

/** Each vehicle's ride ids in stop order, from the plan view. */
const stopsByVehicle = (plan: any): Record<string, string[]> =>
  Object.fromEntries(plan.routes.map((r: any) => [r.vehicle.id, r.stops.map((s: any) => `${s.kind}:${s.rideId}`)]));

describe('re-planning a day', () => {
  it('starts from the plan it replaces: a dispatcher’s move stays unless the search finds better; cancelled rides leave, new ones come in', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const c = day.clients;
    const book = async (b: object) => (await bookRide(api, DATE, b)).outbound.id;
    const helena = await book({ clientId: c.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    const jozef = await book({ clientId: c.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    const irena = await book({ clientId: c.irena, toPlaceId: day.healthId, departAfter: '10:00' });
    const first = await planAndWait(api, DATE);
    expect(first.status).toBe('DONE');
    expect(first.summary.ridesPlaced).toBe(3);
    // The dispatcher gives Józef to the other vehicle than the optimiser chose: a plan no search from nothing makes.
    const from = first.routes.find((r: any) => r.stops.some((s: any) => s.rideId === jozef)).vehicle.id;
    const to = from === day.busId ? day.carId : day.busId;
    const moved = await api.post(`/plans/${first.id}/moves`, { rideId: jozef, vehicleId: to });
    expect(moved.status, moved.text).toBe(200);
    const adjusted = (await api.get(`/plans/${first.id}`)).body;
    // Irena is cancelled, Jan is booked.
    expect((await api.post(`/rides/${irena}/cancel`, { reason: 'Choroba' })).status).toBe(200);
    const jan = await book({ clientId: c.jan, toPlaceId: day.healthId, arriveBy: '10:00' });

    // The optimiser with no search at all (0 iterations): the plan is its start, completed by insertion.
    const starts: (SolveStart | undefined)[] = [];
    const replan = async (fromPrevious: boolean) => {
      const plan = await insertNextPlanRevision(t.db, org.id, DATE);
      await planServiceDay(
        {
          db: t.db,
          travelTimes: estimate,
          now: () => NOW,
          solve: async (instance, _progress, start) => {
            starts.push(start);
            return solve(instance, { seed: 1, maxIterations: 0, ...(fromPrevious && start ? { initialRoutes: start.routes } : {}) });
          },
        },
        plan.id,
        () => undefined,
      );
      return (await api.get(`/plans/${plan.id}`)).body;
    };
    const second = await replan(true);

    expect(starts[0]?.from).toBe('previous-plan');
    expect(second.summary.ridesPlaced).toBe(3);
    const before = stopsByVehicle(adjusted);
    const after = stopsByVehicle(second);
    // Helena and Józef keep their vehicles and order; Irena is gone; Jan is placed.
    for (const vehicleId of Object.keys(before)) {
      const kept = before[vehicleId]!.filter((s) => !s.endsWith(irena));
      expect((after[vehicleId] ?? []).filter((s) => !s.endsWith(jan))).toEqual(kept);
    }
    expect(Object.values(after).flat().filter((s) => s.endsWith(jan))).toHaveLength(2);
    expect(Object.values(after).flat().some((s) => s.endsWith(irena))).toBe(false);
    expect(after[to]).toContain(`PICKUP:${jozef}`);
    expect(Object.values(after).flat()).toContain(`PICKUP:${helena}`);

    // The same day planned from nothing, the same way, puts Józef back where the optimiser had him.
    const control = await replan(false);
    expect(stopsByVehicle(control)[from]).toContain(`PICKUP:${jozef}`);
  });

  it('leaves out a return the plan it replaces took out (its outbound unplaced): one round, the same plan, the same reasons', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    // Helena's outbound must arrive before every shift starts; her return alone would fit (D7).
    await bookRide(api, DATE, { clientId: day.clients.helena, toPlaceId: day.healthId, arriveBy: '06:30', return: { departAfter: '12:00' } });
    await bookRide(api, DATE, { clientId: day.clients.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '13:00' } });
    await bookRide(api, DATE, { clientId: day.clients.jan, toPlaceId: day.healthId, arriveBy: '10:00' });
    const plan = async () => {
      const row = await insertNextPlanRevision(t.db, org.id, DATE);
      const rounds: (string | undefined)[] = [];
      await planServiceDay(
        {
          db: t.db,
          travelTimes: estimate,
          now: () => NOW,
          solve: async (instance, _progress, start) => {
            rounds.push(start?.from);
            return solve(instance, { seed: 1, maxIterations: 100, ...(start ? { initialRoutes: start.routes } : {}) });
          },
        },
        row.id,
        () => undefined,
      );
      return { rounds, view: (await api.get(`/plans/${row.id}`)).body };
    };
    const reasons = (view: any) => view.unassigned.map((u: any) => u.reasonCode).sort();

    const first = await plan();
    expect(first.rounds).toEqual([undefined, 'last-round']);
    expect(reasons(first.view)).toEqual(['outboundUnassigned', expect.stringMatching(/shift|timeWindow/)]);

    const second = await plan();
    expect(second.rounds).toEqual(['previous-plan']);
    expect(reasons(second.view)).toEqual(reasons(first.view));
    expect(second.view.summary.ridesPlaced).toBe(3);
    expect(stopsByVehicle(second.view)).toEqual(stopsByVehicle(first.view));
  });

  it('keeps a ride it had placed rather than trade it for a new, shorter one (PLACED_RIDE_PRIORITY)', async () => {
    // One wheelchair place in the fleet (the bus). Zofia's long trip to the regional hospital holds
    // it all morning; Anna's short trip to the health centre at 09:30 needs it too.
    const setUp = async () => {
      const org = await t.newOrganisation();
      const api = apiFor(t.baseUrl, org.slug);
      const day = await createSmallFleet(api);
      const hospital = await createPlace(api, 'HEALTH', 'Szpital Wojewódzki', [53.78, 20.49]);
      const anna = await createClient(api, 'Anna Wiśniewska', VILLAGE.wyskok, { mobility: 'WHEELCHAIR' });
      const bookZofia = async () => {
        const id = (await bookRide(api, DATE, { clientId: day.clients.zofia, toPlaceId: hospital, arriveBy: '10:00' })).outbound.id;
        // It leaves the gmina: a dispatcher approves it.
        const approved = await api.post(`/rides/${id}/approve`, {});
        expect(approved.status, approved.text).toBe(200);
        return id;
      };
      const bookAnna = async () => (await bookRide(api, DATE, { clientId: anna, toPlaceId: day.healthId, arriveBy: '09:30' })).outbound.id;
      return { org, api, bookZofia, bookAnna };
    };
    const plan = async (orgId: string, api: ReturnType<typeof apiFor>) => {
      const row = await insertNextPlanRevision(t.db, orgId, DATE);
      await planServiceDay(
        {
          db: t.db, travelTimes: estimate, now: () => NOW,
          solve: async (instance, _p, start) => solve(instance, { seed: 1, maxIterations: 200, ...(start ? { initialRoutes: start.routes } : {}) }),
        },
        row.id,
        () => undefined,
      );
      const view = (await api.get(`/plans/${row.id}`)).body;
      return { placed: new Set(view.routes.flatMap((r: any) => r.stops.map((s: any) => s.rideId))), unassigned: view.unassigned };
    };

    // Booked together, the day's plan takes the shorter trip: the objective's choice at the same count served.
    const both = await setUp();
    const [zofia1, anna1] = [await both.bookZofia(), await both.bookAnna()];
    const cold = await plan(both.org.id, both.api);
    expect([cold.placed.has(zofia1), cold.placed.has(anna1)]).toEqual([false, true]);

    // Zofia was planned first; Anna is booked after: the re-plan keeps Zofia and says why Anna waits.
    const first = await setUp();
    const zofia2 = await first.bookZofia();
    expect((await plan(first.org.id, first.api)).placed.has(zofia2)).toBe(true);
    const anna2 = await first.bookAnna();
    const replanned = await plan(first.org.id, first.api);
    expect(replanned.placed.has(zofia2)).toBe(true);
    expect(replanned.placed.has(anna2)).toBe(false);
    expect(replanned.unassigned).toEqual([expect.objectContaining({ rideId: anna2, reasonCode: 'busy' })]);
  });

  it('starts a day’s first plan from nothing', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    await api.post('/rides', { date: DATE, clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    const plan = await insertNextPlanRevision(t.db, org.id, DATE);
    const starts: (SolveStart | undefined)[] = [];
    await planServiceDay(
      { db: t.db, travelTimes: estimate, now: () => NOW, solve: async (instance, _p, start) => (starts.push(start), solve(instance, { seed: 1, maxIterations: 10 })) },
      plan.id,
      () => undefined,
    );
    expect(starts).toEqual([undefined]);
  });
});
