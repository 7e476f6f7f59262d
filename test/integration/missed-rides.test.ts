/**
 * Rides of an ended day that nobody served become MISSED (issue #5): by the daily job, with who
 * ('system') and why, once; today's rides, finished ones and rides still in progress are left
 * alone; the report counts the missed ones as unmet need.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Queue } from 'bullmq';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createClient, createPlace, VILLAGE } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { waitFor } from '../helpers/wait-for.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { createRedis } from '../../src/queue/connection.js';
import { createLogger } from '../../src/logger.js';
import { CLOSE_MISSED_RIDES_JOB, RIDE_CLOSING_QUEUE } from '../../src/queue/jobs.js';
import { createCloseMissedRidesWorker } from '../../workers/close-missed-rides.worker.js';
import { closeMissedRides } from '../../src/domain/booking/close-missed-rides.js';

let t: TestContext;
let now = new Date('2026-11-23T09:00:00Z');
const DAY = '2026-11-24';

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  t.startWorker(createTravelTimeProvider({}), { maxIterations: 200 });
});
afterAll(async () => {
  await t.close();
});

describe('the missed-rides job', () => {
  it('closes a past day’s unserved rides as MISSED once, with why, and leaves the rest; the report counts them as unmet need', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    // One car without a wheelchair place: Zofia's ride cannot be placed.
    const depot = await createPlace(api, 'DEPOT', 'Baza', VILLAGE.srokowo);
    const centre = await createPlace(api, 'CUS', 'Dzienny Dom', [54.2134, 21.5192]);
    expect((await api.post('/vehicles', { name: 'Auto', seats: 4, wheelchairPlaces: 0, depotPlaceId: depot, shiftStart: '07:00', shiftEnd: '15:00' })).status).toBe(201);
    const zofia = await createClient(api, 'Zofia Nowakowska', VILLAGE.jeglawki, { mobility: 'WHEELCHAIR' });
    const jan = await createClient(api, 'Jan Król', VILLAGE.lesk);
    const helena = await createClient(api, 'Helena Kowalczyk', VILLAGE.lesnyRow);
    const irena = await createClient(api, 'Irena Szymańska', VILLAGE.silec);
    const jozef = await createClient(api, 'Józef Zieliński', VILLAGE.solanka);
    const book = async (clientId: string, date: string, arriveBy: string) => {
      const res = await api.post('/rides', { clientId, date, toPlaceId: centre, arriveBy });
      expect(res.status, res.text).toBe(201);
      return res.body.outbound.id as string;
    };
    const unassigned = await book(zofia, DAY, '09:00');
    const neverReported = await book(jan, DAY, '09:00');
    const completed = await book(helena, DAY, '10:00');
    const onBoard = await book(irena, DAY, '11:00');
    const plan = await planAndWait(api, DAY);
    expect(plan.unassigned.map((u: any) => u.rideId)).toEqual([unassigned]);
    const notPlanned = await book(jozef, DAY, '12:00');
    const tomorrow = await book(jan, '2026-11-25', '09:00');
    // Outcomes the drivers would have reported (their reports are tested in day-of-service).
    await t.db.ride.update({ where: { id: completed }, data: { status: 'COMPLETED' } });
    await t.db.ride.update({ where: { id: onBoard }, data: { status: 'IN_PROGRESS' } });
    const statusOf = async (id: string) => (await api.get(`/rides/${id}`)).body.status;
    expect(await statusOf(neverReported)).toBe('SCHEDULED');

    // Still Tuesday evening in Warsaw (22:30 UTC): the day has not ended, nothing is closed.
    expect((await closeMissedRides(t.db, org.id, new Date('2026-11-24T22:30:00Z'))).missed).toBe(0);

    // Wednesday 03:30 in Warsaw: the scheduled run.
    now = new Date('2026-11-25T02:30:00Z');
    const connection = createRedis(inject('redisUrl'), 'worker');
    const worker = createCloseMissedRidesWorker({ db: t.db, connection, prefix: t.prefix, log: createLogger('silent'), now: () => now });
    const queue = new Queue(RIDE_CLOSING_QUEUE, { connection: t.redis, prefix: t.prefix });
    try {
      const job = await queue.add(CLOSE_MISSED_RIDES_JOB, { organisationId: org.id });
      const done = await waitFor(async () => ((await job.isCompleted()) ? await queue.getJob(job.id!) : null));
      expect(done!.returnvalue).toEqual({ missed: 3, notClosed: [{ organisationId: org.id, rideId: onBoard, date: DAY }] });
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }

    const history = async (id: string) => (await api.get(`/rides/${id}`)).body.history as any[];
    expect((await history(unassigned)).at(-1)).toMatchObject({
      actor: 'system', from: 'APPROVED', to: 'MISSED', at: '2026-11-25T02:30:00.000Z',
      reason: "nieobsłużony: plan dnia go nie przydzielił (Żaden pojazd nie ma miejsca na wózek) / not served: the day's plan left it unassigned (No vehicle has a wheelchair place)",
    });
    expect((await history(neverReported)).at(-1)).toMatchObject({ actor: 'system', from: 'SCHEDULED', to: 'MISSED', reason: expect.stringContaining('the vehicle reported neither a pickup nor a no-show') });
    expect((await history(notPlanned)).at(-1)).toMatchObject({ actor: 'system', from: 'APPROVED', to: 'MISSED', reason: expect.stringContaining('it was in no plan of its day') });
    expect(await statusOf(completed)).toBe('COMPLETED');
    expect(await statusOf(onBoard)).toBe('IN_PROGRESS');
    expect(await statusOf(tomorrow)).toBe('APPROVED');

    // A second run (a retry, or the next morning) changes nothing: one MISSED entry per ride.
    const again = await closeMissedRides(t.db, org.id, new Date('2026-11-26T02:30:00Z'));
    expect(again.missed).toBe(1); // only Wednesday's ride, whose day has now ended
    expect(await statusOf(tomorrow)).toBe('MISSED');
    for (const id of [unassigned, neverReported, notPlanned]) {
      expect(await t.db.rideEvent.count({ where: { rideId: id, toStatus: 'MISSED' } })).toBe(1);
    }
    // Closed rides cannot be cancelled any more: they already have an outcome.
    expect((await api.post(`/rides/${notPlanned}/cancel`, { reason: 'za późno' })).status).toBe(409);

    const report = (await api.get('/reports?from=2026-11-01&to=2026-11-30')).body;
    // Zofia's with the plan's reason; Jan's, Józef's and Wednesday's as MISSED; Irena's still open.
    expect(report.rides).toEqual({ requested: 6, completed: 1, cancelled: 0, lateCancelled: null, noShows: 0, turnedDown: 0, unassigned: 4, open: 1 });
    expect(report.unmetDemand).toEqual([
      { code: 'MISSED', pl: 'Nieobsłużony w swoim dniu', en: 'Not served on its day', rides: 3 },
      expect.objectContaining({ code: 'capacity', rides: 1 }),
    ]);
  });
});
