import { describe, expect, it } from 'vitest';
import { overallFraction, solveLinkedRides } from '../../../../src/domain/plan/solve-linked-rides.js';
import { solve } from '../../../../src/solver/index.js';
import type { Instance, Request } from '../../../../src/solver/model/instance.js';

// Locations: 0 depot, 1 home, 2 clinic; 10 minutes apart.
const d = new Float64Array([0, 600, 600, 600, 0, 600, 600, 600, 0]);
const req = (from: number, to: number, start: number, load: number[]): Request => ({
  pickup: { location: from, twStart: start, twEnd: start + 1800, serviceTime: 60 },
  dropoff: { location: to, twStart: start, twEnd: start + 7200, serviceTime: 60 },
  load,
  maxRideTime: 3600,
  priority: 1,
});

/** As in the first test (a return whose outbound cannot be placed), plus an independent ride 2 that the car serves in both rounds. */
function withOrphanAndOther() {
  const instance: Instance = {
    loadDimensions: 2,
    requests: [req(1, 2, 8 * 3600, [0, 1]), req(2, 1, 12 * 3600, [1, 0]), req(1, 2, 9 * 3600, [1, 0])],
    vehicles: [{ startLocation: 0, endLocation: 0, shiftStart: 7 * 3600, shiftEnd: 16 * 3600, maxDuration: Infinity, layouts: [[4, 0]], fixedCost: 0 }],
    size: 3, durations: d, distances: d, objective: 'duration', unassignedPenalty: 1e8,
  };
  const rides = [{ id: 'out', outboundRideId: null }, { id: 'back', outboundRideId: 'out' }, { id: 'other', outboundRideId: null }];
  return { instance, rides };
}

describe('a client taken out is brought back', () => {
  // 0 depot, 1 B's home, 2 clinic, 3 A's home (far). One car with one seat.
  const far = [0, 600, 600, 1200, 600, 0, 600, 1200, 600, 600, 0, 1200, 1200, 1200, 1200, 0];
  const ride = (from: number, to: number, start: number, pickupSlack: number): Request => ({
    pickup: { location: from, twStart: start, twEnd: start + pickupSlack, serviceTime: 60 },
    dropoff: { location: to, twStart: start, twEnd: start + 7200, serviceTime: 60 },
    load: [1],
    maxRideTime: 3600,
    priority: 1,
  });
  const instance: Instance = {
    loadDimensions: 1,
    // A to the clinic at 08:00 and home at 12:00; B to the clinic at 12:00: the car cannot do both at noon.
    requests: [ride(3, 2, 8 * 3600, 1800), ride(2, 3, 12 * 3600, 300), ride(1, 2, 12 * 3600, 300)],
    vehicles: [{ startLocation: 0, endLocation: 0, shiftStart: 7 * 3600, shiftEnd: 16 * 3600, maxDuration: Infinity, layouts: [[1]], fixedCost: 0 }],
    size: 4, durations: Float64Array.from(far), distances: Float64Array.from(far), objective: 'duration', unassignedPenalty: 1e8,
  };
  const rides = [{ id: 'a-out', outboundRideId: null }, { id: 'a-back', outboundRideId: 'a-out' }, { id: 'b', outboundRideId: null }];

  it('gives the return of a placed outbound the car B would have had (B is cheaper, and alone it wins)', async () => {
    const alone = solve(instance, { seed: 1, maxIterations: 100 });
    expect(alone.unassigned.map((u) => u.request)).toEqual([1]);
    const priorities: number[][] = [];
    const { solution } = await solveLinkedRides(instance, rides, async (i, _p, start) => {
      priorities.push(i.requests.map((r) => r.priority));
      return solve(i, { seed: 1, maxIterations: 100, ...(start ? { initialRoutes: start.routes } : {}) });
    }, () => undefined);
    expect(solution.unassigned.map((u) => u.request)).toEqual([2]);
    expect(priorities).toEqual([[1, 1, 1], [1, 1.5, 1]]);
  });
});

describe('return rides follow their outbound ride', () => {
  it('takes out a placed return whose outbound could not be placed', async () => {
    // Outbound needs a wheelchair place the only car lacks; the return (seat only, by mistake) would fit.
    const instance: Instance = {
      loadDimensions: 2,
      requests: [req(1, 2, 8 * 3600, [0, 1]), req(2, 1, 12 * 3600, [1, 0])],
      vehicles: [{ startLocation: 0, endLocation: 0, shiftStart: 7 * 3600, shiftEnd: 16 * 3600, maxDuration: Infinity, layouts: [[4, 0]], fixedCost: 0 }],
      size: 3, durations: d, distances: d, objective: 'duration', unassignedPenalty: 1e8,
    };
    const rides = [{ id: 'out', outboundRideId: null }, { id: 'back', outboundRideId: 'out' }];

    const { solution, orphanedReturns } = await solveLinkedRides(instance, rides, async (i) => solve(i, { seed: 1, maxIterations: 50 }), () => undefined);

    expect(solution.unassigned.map((u) => [u.request, u.reason])).toEqual([[0, 'capacity']]);
    expect(orphanedReturns).toEqual([1]);
    expect(solution.routes.every((r) => r.stops.length === 0)).toBe(true);
  });

  it('starts the next round from the last round\'s routes without the return taken out', async () => {
    const { instance, rides } = withOrphanAndOther();
    const starts: unknown[] = [];

    const { solution, orphanedReturns } = await solveLinkedRides(
      instance,
      rides,
      async (i, _progress, start) => {
        starts.push(start);
        return solve(i, { seed: 1, maxIterations: 50, ...(start ? { initialRoutes: start.routes } : {}) });
      },
      () => undefined,
    );

    expect(orphanedReturns).toEqual([1]);
    // Round 2 solves requests [0, 2] of the day: ride 2 is its request 1, on the car as before.
    expect(starts).toEqual([undefined, { from: 'last-round', routes: [{ vehicle: 0, stops: [{ request: 1, kind: 'pickup' }, { request: 1, kind: 'dropoff' }] }] }]);
    expect(solution.routes.flatMap((r) => r.stops.map((s) => s.request))).toEqual([2, 2]);
  });

  it("starts the first round from the day's previous plan, and a later round from its own last round", async () => {
    const { instance, rides } = withOrphanAndOther();
    const previous = [{ vehicle: 0, stops: [{ request: 2, kind: 'pickup' as const }, { request: 2, kind: 'dropoff' as const }] }];
    const starts: unknown[] = [];

    await solveLinkedRides(
      instance,
      rides,
      async (i, _progress, start) => {
        starts.push(start?.from);
        return solve(i, { seed: 1, maxIterations: 50, ...(start ? { initialRoutes: start.routes } : {}) });
      },
      () => undefined,
      { routes: previous, unplaced: new Set() },
    );

    expect(starts).toEqual(['previous-plan', 'last-round']);
  });

  it('leaves out of the first round a return whose outbound the previous plan could not place, so the re-plan is one round from that plan', async () => {
    const { instance, rides } = withOrphanAndOther();
    const previous = [{ vehicle: 0, stops: [{ request: 2, kind: 'pickup' as const }, { request: 2, kind: 'dropoff' as const }] }];
    const rounds: { requests: number; start: unknown }[] = [];

    const { solution, orphanedReturns } = await solveLinkedRides(
      instance,
      rides,
      async (i, _progress, start) => {
        rounds.push({ requests: i.requests.length, start });
        return solve(i, { seed: 1, maxIterations: 50, ...(start ? { initialRoutes: start.routes } : {}) });
      },
      () => undefined,
      { routes: previous, unplaced: new Set([0, 1]) },
    );

    // Requests 0 and 2 of the day are the round's 0 and 1: the previous plan's ride 2 is its request 1.
    expect(rounds).toEqual([
      { requests: 2, start: { from: 'previous-plan', routes: [{ vehicle: 0, stops: [{ request: 1, kind: 'pickup' }, { request: 1, kind: 'dropoff' }] }] } },
    ]);
    expect(orphanedReturns).toEqual([1]);
    expect(solution.unassigned.map((u) => [u.request, u.reason])).toEqual([[0, 'capacity']]);
  });

  it('lets such a return back in when its outbound is placed this time', async () => {
    // The previous plan could not place the outbound; now the car has a wheelchair place.
    const { instance: before, rides } = withOrphanAndOther();
    const instance: Instance = { ...before, vehicles: [{ ...before.vehicles[0]!, layouts: [[4, 1]] }] };
    const requestsPerRound: number[] = [];

    const { solution, orphanedReturns } = await solveLinkedRides(
      instance,
      rides,
      async (i, _progress, start) => {
        requestsPerRound.push(i.requests.length);
        return solve(i, { seed: 1, maxIterations: 50, ...(start ? { initialRoutes: start.routes } : {}) });
      },
      () => undefined,
      { routes: [], unplaced: new Set([0, 1]) },
    );

    expect(requestsPerRound).toEqual([2, 3]);
    expect(orphanedReturns).toEqual([]);
    expect(solution.unassigned).toEqual([]);
    expect(solution.routes.flatMap((r) => r.stops.map((s) => s.request)).sort()).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('keeps both when both are placed, with request numbers of the full day', async () => {
    const instance: Instance = {
      loadDimensions: 2,
      requests: [req(1, 2, 8 * 3600, [1, 0]), req(2, 1, 12 * 3600, [1, 0])],
      vehicles: [{ startLocation: 0, endLocation: 0, shiftStart: 7 * 3600, shiftEnd: 16 * 3600, maxDuration: Infinity, layouts: [[4, 0]], fixedCost: 0 }],
      size: 3, durations: d, distances: d, objective: 'duration', unassignedPenalty: 1e8,
    };
    const { solution, orphanedReturns } = await solveLinkedRides(
      instance,
      [{ id: 'out', outboundRideId: null }, { id: 'back', outboundRideId: 'out' }],
      async (i) => solve(i, { seed: 1, maxIterations: 50 }),
      () => undefined,
    );
    expect(orphanedReturns).toEqual([]);
    expect(solution.routes.flatMap((r) => r.stops.map((s) => s.request)).sort()).toEqual([0, 0, 1, 1]);
  });
});

describe('progress over re-solving rounds', () => {
  it('never runs backwards and ends at 1', () => {
    const points = [0, 1, 2].flatMap((round) => [0, 0.5, 1].map((f) => overallFraction(round, f)));
    expect(points).toEqual([...points].sort((a, b) => a - b));
    expect(points[0]).toBe(0);
    expect(points[points.length - 1]).toBeCloseTo(1);
  });
});
