import { describe, expect, it } from 'vitest';
import { buildLiveInstance, travelTimeGroups } from '../../../../../src/domain/plan/live/live-instance.js';
import { routeWrite } from '../../../../../src/domain/plan/live/live-edit.js';
import { liveMatrix } from '../../../../../src/domain/plan/live/live-matrix.js';
import { createTravelTimeProvider } from '../../../../../src/routing/create-travel-time-provider.js';
import { liveRouteOf, type LiveRide, type LiveRouteInput, type LiveStop } from '../../../../../src/domain/plan/live/live-route.js';
import type { LiveMatrix } from '../../../../../src/domain/plan/live/live-matrix.js';
import { bestInsertionOverRoutes, type FixedRoute } from '../../../../../src/solver/live/fixed-routes.js';
import { defaultRideRules } from '../../../../../src/domain/booking/ride.rules.js';
import { solve } from '../../../../../src/solver/index.js';

const H = 3600;
const places = ['depot', 'homeA', 'centre', 'homeB', 'homeC'];
/** Places on a line, 300 s (and 5 km) apart. */
const matrix: LiveMatrix = (() => {
  const size = places.length;
  const d = new Float64Array(size * size);
  const m = new Float64Array(size * size);
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) {
    d[a * size + b] = Math.abs(a - b) * 300;
    m[a * size + b] = Math.abs(a - b) * 5000;
  }
  return { placeIds: places, size, durationsSec: d, distancesM: m, source: 'estimate' };
})();

const ride = (id: string, from: string, timeMin: number): LiveRide => ({
  id, fromPlaceId: from, toPlaceId: 'centre', timeMode: 'ARRIVE_BY', timeMin, wheelchair: false, assistant: false, mobility: 'WALKS', outboundRideId: null, fromName: from, toName: 'centre',
});
const stop = (sequence: number, kind: 'PICKUP' | 'DROPOFF', rideId: string, placeId: string, at: number, events: LiveStop['events'] = []): LiveStop => ({
  id: `s${sequence}`, sequence, kind, rideId, placeId, arrivalSec: at - 30, serviceStartSec: at, departureSec: at + 60, events,
});

describe('the live instance', () => {
  it('starts each vehicle at its anchor and keeps a passenger on board locked to it', () => {
    const input: LiveRouteInput = {
      routeId: 'r', locked: false, outOfServiceMin: null, startSec: 7 * H, distanceM: 20_000, drivingSec: 1200,
      vehicle: { id: 'v', name: 'Bus', depotPlaceId: 'depot', seats: 4, wheelchairPlaces: 0, shiftStartMin: 7 * 60, shiftEndMin: 16 * 60 },
      stops: [
        stop(0, 'PICKUP', 'a', 'homeA', 8 * H, [{ kind: 'PICKED_UP', sec: 8 * H + 100, delayMin: null }]),
        stop(1, 'PICKUP', 'b', 'homeB', 8.2 * H),
        stop(2, 'DROPOFF', 'a', 'centre', 8.4 * H),
        stop(3, 'DROPOFF', 'b', 'centre', 8.4 * H + 60),
      ],
    };
    const route = liveRouteOf(input, null);
    const rides = new Map([['a', ride('a', 'homeA', 9 * 60)], ['b', ride('b', 'homeB', 9 * 60)], ['c', ride('c', 'homeC', 10 * 60)]]);
    const li = buildLiveInstance({ routes: [route], rides, toPlace: ['c'], matrix, rules: defaultRideRules });
    const a = li.requestOf.get('a')!;
    const veh = li.problem.instance.vehicles[0]!;
    expect(veh.startLocation).toBe(places.indexOf('homeA'));
    expect(veh.shiftStart).toBe(8 * H + 100);
    const req = li.problem.instance.requests[a]!;
    expect(req.pickup).toMatchObject({ location: places.indexOf('homeA'), twStart: 8 * H + 100, twEnd: 8 * H + 100, serviceTime: 0 });
    expect(req.pinnedVehicle).toBe(0);
    expect(li.onBoard.has(a)).toBe(true);
    expect(li.fixed[0]!.lockedCount).toBe(1);
    expect(li.fixed[0]!.stops[0]).toBe(2 * a);
    // Picked up early, the passenger may arrive early: the route stays drivable.
    expect(li.problem.instance.requests[a]!.dropoff.twStart).toBe(8 * H + 100);
    // A new ride goes after the locked head, never before the passenger on board.
    const best = bestInsertionOverRoutes(li.problem, li.fixed, li.requestOf.get('c')!);
    expect(best).not.toBeNull();
    expect(best!.pickupPos).toBeGreaterThan(1);
  });
});

describe('passengers on board when the day runs late', () => {
  const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
  // A and B are in the car at 08:50, both due at the centre (places 300 s apart on a line) by
  // 08:30 and 08:40; C, still to be picked up, is on time.
  const input: LiveRouteInput = {
    routeId: 'r', locked: false, outOfServiceMin: null, startSec: m(7, 50), distanceM: 20_000, drivingSec: 1200,
    vehicle: { id: 'v', name: 'Bus', depotPlaceId: 'depot', seats: 4, wheelchairPlaces: 0, shiftStartMin: 7 * 60, shiftEndMin: 9 * 60 },
    stops: [
      stop(0, 'PICKUP', 'a', 'homeA', m(8, 0), [{ kind: 'PICKED_UP', sec: m(8, 40), delayMin: null }]),
      stop(1, 'PICKUP', 'b', 'homeB', m(8, 10), [{ kind: 'PICKED_UP', sec: m(8, 50), delayMin: null }]),
      stop(2, 'DROPOFF', 'b', 'centre', m(8, 20)),
      stop(3, 'DROPOFF', 'a', 'centre', m(8, 21)),
    ],
  };
  const rides = new Map([['a', ride('a', 'homeA', 8 * 60 + 30)], ['b', ride('b', 'homeB', 8 * 60 + 40)], ['c', ride('c', 'homeC', 11 * 60)]]);
  const li = buildLiveInstance({ routes: [liveRouteOf(input, m(8, 55))], rides, toPlace: ['c'], matrix, rules: defaultRideRules });
  const req = (id: string) => li.problem.instance.requests[li.requestOf.get(id)!]!;

  it('widens only the limits the day has already broken, so their drop-offs can still be planned', () => {
    // Straight from B's home (08:55) to the centre: 09:00, the first drop-off by either deadline.
    expect(req('a').dropoff.twEnd).toBe(m(9, 0));
    expect(req('b').dropoff.twEnd).toBeGreaterThanOrEqual(m(9, 0));
    expect(req('a').maxRideTime).toBeGreaterThanOrEqual(300);
    // The shift ended at 09:00; the vehicle may still take them and come back to the depot.
    expect(li.problem.instance.vehicles[0]!.shiftEnd).toBeGreaterThanOrEqual(m(9, 0) + 2 * 60 + 600);
    // A's drop-off is due first, so A's pickup heads the route: the order of last resort.
    expect(li.fixed[0]!.stops.slice(0, 2)).toEqual([2 * li.requestOf.get('a')!, 2 * li.requestOf.get('b')!]);
  });

  it('lets a re-plan keep both of them on the vehicle (their pickups locked, as the re-plan does)', () => {
    const instance = {
      ...li.problem.instance,
      vehicles: li.problem.instance.vehicles.map((veh, v) => ({ ...veh, lockedStops: li.fixed[v]!.stops.slice(0, li.fixed[v]!.lockedCount).map((n) => ({ request: n >> 1, kind: 'pickup' as const })) })),
    };
    const solution = solve(instance, { maxIterations: 50, seed: 1 });
    const onBoard = [li.requestOf.get('a')!, li.requestOf.get('b')!];
    expect(solution.unassigned.map((u) => u.request)).not.toEqual(expect.arrayContaining([onBoard[0]]));
    const served = solution.routes.flatMap((r) => r.stops.filter((s) => s.kind === 'dropoff').map((s) => s.request));
    expect(served).toEqual(expect.arrayContaining(onBoard));
  });

  it('keeps every limit of a passenger who is on time', () => {
    const early = liveRouteOf({ ...input, stops: input.stops.map((s, i) => (i < 2 ? { ...s, events: [{ kind: 'PICKED_UP' as const, sec: s.serviceStartSec, delayMin: null }] } : s)) }, m(8, 10));
    const onTime = buildLiveInstance({ routes: [early], rides, toPlace: [], matrix, rules: defaultRideRules });
    const a = onTime.problem.instance.requests[onTime.requestOf.get('a')!]!;
    const base = buildLiveInstance({ routes: [liveRouteOf({ ...input, stops: input.stops.map((s) => ({ ...s, events: [] })) }, null)], rides, toPlace: [], matrix, rules: defaultRideRules });
    expect(a.dropoff.twEnd).toBe(base.problem.instance.requests[base.requestOf.get('a')!]!.dropoff.twEnd);
    expect(onTime.problem.instance.vehicles[0]!.shiftEnd).toBe(9 * H);
  });
});

describe('times after a live edit', () => {
  it('never moves a planned pickup earlier than planned when the driver is early, nor when a ride leaves', () => {
    const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
    const input: LiveRouteInput = {
      routeId: 'r', locked: false, outOfServiceMin: null, startSec: m(6, 50), distanceM: 20_000, drivingSec: 1200,
      vehicle: { id: 'v', name: 'Bus', depotPlaceId: 'depot', seats: 4, wheelchairPlaces: 0, shiftStartMin: 6 * 60, shiftEndMin: 16 * 60 },
      stops: [
        // A's ride was done 25 minutes before the plan said (an early driver, or early taps).
        stop(0, 'PICKUP', 'a', 'homeA', m(7, 5), [{ kind: 'PICKED_UP', sec: m(6, 40), delayMin: null }]),
        stop(1, 'DROPOFF', 'a', 'centre', m(7, 15), [{ kind: 'DROPPED_OFF', sec: m(6, 47), delayMin: null }]),
        stop(2, 'PICKUP', 'c', 'homeC', m(8, 10)),
        stop(3, 'PICKUP', 'b', 'homeB', m(8, 20)),
        stop(4, 'DROPOFF', 'b', 'centre', m(8, 26)),
        stop(5, 'DROPOFF', 'c', 'centre', m(8, 27)),
      ],
    };
    const rides = new Map([['a', ride('a', 'homeA', 7 * 60 + 30)], ['b', ride('b', 'homeB', 9 * 60)], ['c', ride('c', 'homeC', 9 * 60)]]);
    const li = buildLiveInstance({ routes: [liveRouteOf(input, null)], rides, toPlace: [], matrix, rules: defaultRideRules });
    const pickupAt = (write: ReturnType<typeof routeWrite>, id: string) => write.next.find((x) => x.rideId === id && x.kind === 'PICKUP')!.serviceStartSec;
    // Their windows alone would let C be picked up at 08:00 and B at 08:07:30 (arrive by 09:00,
    // at most 30 min early, within the ride-time limit): the planned times bind instead.
    expect(li.problem.instance.requests[li.requestOf.get('c')!]!.pickup.twStart).toBe(m(8, 10));
    expect(li.problem.instance.requests[li.requestOf.get('b')!]!.pickup.twStart).toBe(m(8, 20));
    const same = routeWrite(li, 0, li.fixed[0]!.stops);
    expect(same.feasible).toBe(true);
    expect(pickupAt(same, 'c')).toBeGreaterThanOrEqual(m(8, 10));
    expect(pickupAt(same, 'b')).toBeGreaterThanOrEqual(m(8, 20));
    // C cancels: B is still picked up when planned, not earlier.
    const c = li.requestOf.get('c')!;
    const without = routeWrite(li, 0, li.fixed[0]!.stops.filter((n) => n >> 1 !== c));
    expect(without.feasible).toBe(true);
    expect(pickupAt(without, 'b')).toBeGreaterThanOrEqual(m(8, 20));
  });
});

describe('the travel times a live edit asks for', () => {
  // Two routes sharing only the depot: the car drives A to the pharmacy in the morning, the bus B
  // to the centre and, after 10:00, C from her home to the clinic.
  const at = new Map([
    ['depot', { lat: 54.213, lon: 21.519, name: 'Baza' }],
    ['homeA', { lat: 54.19, lon: 21.576, name: 'A' }],
    ['pharmacy', { lat: 54.171, lon: 21.519, name: 'Apteka' }],
    ['homeB', { lat: 54.258, lon: 21.501, name: 'B' }],
    ['centre', { lat: 54.2134, lon: 21.5192, name: 'Centrum' }],
    ['homeC', { lat: 54.205, lon: 21.461, name: 'C' }],
    ['clinic', { lat: 54.2118, lon: 21.5151, name: 'Przychodnia' }],
  ]);
  const vehicle = (id: string) => ({ id, name: id, depotPlaceId: 'depot', seats: 4, wheelchairPlaces: 0, shiftStartMin: 7 * 60, shiftEndMin: 15 * 60 });
  const rides = new Map<string, LiveRide>([
    ['a', { ...ride('a', 'homeA', 8.5 * 60), toPlaceId: 'pharmacy', toName: 'pharmacy' }],
    ['b', ride('b', 'homeB', 8.5 * 60)],
    ['c', { ...ride('c', 'homeC', 10 * 60), toPlaceId: 'clinic', toName: 'clinic', timeMode: 'DEPART_AFTER' }],
  ]);
  const car = liveRouteOf({
    routeId: 'car', locked: false, outOfServiceMin: null, startSec: 7.8 * H, distanceM: 0, drivingSec: 0, vehicle: vehicle('car'),
    stops: [stop(0, 'PICKUP', 'a', 'homeA', 8 * H), stop(1, 'DROPOFF', 'a', 'pharmacy', 8.3 * H)],
  }, null);
  const bus = liveRouteOf({
    routeId: 'bus', locked: false, outOfServiceMin: null, startSec: 7.8 * H, distanceM: 0, drivingSec: 0, vehicle: vehicle('bus'),
    stops: [stop(0, 'PICKUP', 'b', 'homeB', 8 * H), stop(1, 'DROPOFF', 'b', 'centre', 8.4 * H), stop(2, 'PICKUP', 'c', 'homeC', 10 * H), stop(3, 'DROPOFF', 'c', 'clinic', 10.3 * H)],
  }, null);
  /** Where C can go on the car (vehicle 0) once taken off the bus, with `placing` as the edit's rides to place. */
  const carFor = async (placing: LiveRide[]) => {
    const groups = travelTimeGroups([car, bus], rides, placing);
    const matrix = await liveMatrix(createTravelTimeProvider({}), groups, at);
    const li = buildLiveInstance({ routes: [car, bus], rides, toPlace: [], matrix, rules: defaultRideRules });
    const c = li.requestOf.get('c')!;
    const base: FixedRoute = { ...li.fixed[0]!, stops: li.fixed[0]!.stops.filter((n) => n >> 1 !== c) };
    return { groups, best: bestInsertionOverRoutes(li.problem, [base], c) };
  };

  it('puts the places of a ride moved off one route into every route’s group, so it fits in the other’s idle gap', async () => {
    const { groups, best } = await carFor([rides.get('c')!]);
    for (const g of groups.slice(0, 2)) expect(g).toEqual(expect.arrayContaining(['homeC', 'clinic']));
    // After the pharmacy (8:30) the car is free: C goes at the end, pickup then drop-off.
    expect(best).toMatchObject({ vehicle: 0, pickupPos: 3, dropoffPos: 4 });
  });

  it('without it, the car knows no time from its stops to C’s home and nothing fits', async () => {
    const { groups, best } = await carFor([]);
    expect(groups[0]).not.toContain('homeC');
    expect(best).toBeNull();
  });
});
