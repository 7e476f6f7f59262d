import { describe, expect, it } from 'vitest';
import type { Instance, Request, Vehicle } from '../../../src/solver/model/instance.js';
import type { PlannedRoute, PlannedStop, Solution } from '../../../src/solver/model/solution.js';
import { checkSolution, evaluateRoutes, findSchedule, type StopRef } from '../../helpers/check-solution.js';

// Tiny instances on a line: location l sits at x = 10·l, so travel time = distance = 10·|a − b|.
const LOCATIONS = 4;
function lineMatrix(): Float64Array {
  const matrix = new Float64Array(LOCATIONS * LOCATIONS);
  for (let a = 0; a < LOCATIONS; a++) for (let b = 0; b < LOCATIONS; b++) matrix[a * LOCATIONS + b] = 10 * Math.abs(a - b);
  return matrix;
}

function request(pickup: [number, number, number], dropoff: [number, number, number], extra: Partial<Request> = {}): Request {
  return {
    pickup: { location: pickup[0], twStart: pickup[1], twEnd: pickup[2], serviceTime: 0 },
    dropoff: { location: dropoff[0], twStart: dropoff[1], twEnd: dropoff[2], serviceTime: 0 },
    load: [1],
    maxRideTime: Infinity,
    priority: 1,
    ...extra,
  };
}

const DEPOT_VEHICLE: Vehicle = {
  startLocation: 0,
  endLocation: 0,
  shiftStart: 0,
  shiftEnd: 1000,
  maxDuration: Infinity,
  layouts: [[2]],
  fixedCost: 0,
};

function lineInstance(requests: Request[], vehicles: Vehicle[] = [DEPOT_VEHICLE], loadDimensions = 1): Instance {
  const matrix = lineMatrix();
  return { loadDimensions, requests, vehicles, size: LOCATIONS, durations: matrix, distances: matrix, objective: 'distance', unassignedPenalty: 10_000 };
}

type TimedStop = [request: number, kind: 'pickup' | 'dropoff', serviceStart: number];

/** Builds the route a correct solver would report for these service start times. */
function plannedRoute(instance: Instance, vehicle: number, start: number, timed: TimedStop[], layout = 0): PlannedRoute {
  const v = instance.vehicles[vehicle]!;
  const at = (from: number, to: number) => instance.durations[from * instance.size + to]!;
  let location = v.startLocation;
  let departure = start;
  let distance = 0;
  const onBoard = new Array<number>(instance.loadDimensions).fill(0);
  const stops: PlannedStop[] = timed.map(([r, kind, serviceStart]) => {
    const spec = kind === 'pickup' ? instance.requests[r]!.pickup : instance.requests[r]!.dropoff;
    const arrival = departure + at(location, spec.location);
    distance += instance.distances[location * instance.size + spec.location]!;
    instance.requests[r]!.load.forEach((value, d) => (onBoard[d]! += kind === 'pickup' ? value : -value));
    location = spec.location;
    departure = serviceStart + spec.serviceTime;
    return { request: r, kind, arrival, serviceStart, departure, loadAfter: [...onBoard] };
  });
  distance += instance.distances[location * instance.size + v.endLocation]!;
  return { vehicle, layout, start, end: departure + at(location, v.endLocation), stops, distance, travelTime: distance };
}

function solutionOf(instance: Instance, routes: PlannedRoute[], unassigned: number[] = []): Solution {
  const distance = routes.reduce((sum, route) => sum + route.distance, 0);
  const fixed = routes.reduce((sum, route) => sum + (route.stops.length > 0 ? instance.vehicles[route.vehicle]!.fixedCost : 0), 0);
  return {
    routes,
    unassigned: unassigned.map((r) => ({ request: r, reason: 'busy' as const })),
    cost: distance + fixed + unassigned.length * instance.unassignedPenalty,
    distance,
    travelTime: distance,
  };
}

const rules = (violations: { rule: string }[]) => violations.map((violation) => violation.rule);

// A ride limited to 15 whose drop-off window opens at 50: leaving at once means riding 40,
// leaving the depot at 30 means riding 10.
const delayedDepartureRequest = request([1, 0, 100], [2, 50, 60], { maxRideTime: 15 });

describe('checkSolution', () => {
  it('accepts a ride-time-feasible route whose schedule needs a delayed departure', () => {
    const instance = lineInstance([delayedDepartureRequest]);
    const route = plannedRoute(instance, 0, 30, [[0, 'pickup', 40], [0, 'dropoff', 50]]);

    const violations = checkSolution(instance, solutionOf(instance, [route]));

    expect(violations).toEqual([]);
  });

  it('rejects reported times that leave at once and so ride too long, although the order is feasible', () => {
    const instance = lineInstance([delayedDepartureRequest]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 10], [0, 'dropoff', 50]]);

    const violations = checkSolution(instance, solutionOf(instance, [route]));

    expect(rules(violations)).toEqual(['reportedTimes']);
    expect(violations[0]!.message).toMatch(/rides 40, more than 15/);
  });

  it('rejects a ride-time violation that no schedule avoids', () => {
    // The pickup must start by 10, the drop-off not before 50: every schedule rides ≥ 40 > 15.
    const instance = lineInstance([request([1, 0, 10], [2, 50, 60], { maxRideTime: 15 })]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 10], [0, 'dropoff', 50]]);

    const violations = checkSolution(instance, solutionOf(instance, [route]));

    expect(rules(violations)).toContain('maxRideTime');
    expect(violations.find((v) => v.rule === 'maxRideTime')!.route).toBe(0);
  });

  it('measures ride time from the end of pickup service', () => {
    // Service 5 at the pickup: start 40, leave 45, arrive 55 → ride 10, within 12 only if measured from the end of service.
    const withService: Request = { ...request([1, 0, 100], [2, 50, 60], { maxRideTime: 12 }), pickup: { location: 1, twStart: 0, twEnd: 100, serviceTime: 5 } };
    const instance = lineInstance([withService]);
    const route = plannedRoute(instance, 0, 30, [[0, 'pickup', 40], [0, 'dropoff', 55]]);

    expect(checkSolution(instance, solutionOf(instance, [route]))).toEqual([]);
  });

  it('rejects a load above the capacity of the route layout', () => {
    const instance = lineInstance([request([1, 0, 1000], [3, 0, 1000]), request([1, 0, 1000], [2, 0, 1000])], [{ ...DEPOT_VEHICLE, layouts: [[1]] }]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 10], [1, 'pickup', 10], [1, 'dropoff', 20], [0, 'dropoff', 30]]);

    expect(rules(checkSolution(instance, solutionOf(instance, [route])))).toEqual(['capacity']);
  });

  it('checks each load dimension against the chosen layout', () => {
    const minibus: Vehicle = { ...DEPOT_VEHICLE, layouts: [[8, 0], [4, 2]] };
    const wheelchair = request([1, 0, 1000], [2, 0, 1000], { load: [0, 1] });
    const instance = lineInstance([wheelchair], [minibus], 2);
    const stops: TimedStop[] = [[0, 'pickup', 10], [0, 'dropoff', 20]];

    const seatsOnly = checkSolution(instance, solutionOf(instance, [plannedRoute(instance, 0, 0, stops, 0)]));
    const withWheelchairPlaces = checkSolution(instance, solutionOf(instance, [plannedRoute(instance, 0, 0, stops, 1)]));

    expect(rules(seatsOnly)).toEqual(['capacity']);
    expect(withWheelchairPlaces).toEqual([]);
  });

  it('rejects a drop-off before its pickup', () => {
    const instance = lineInstance([request([1, 0, 1000], [2, 0, 1000])]);
    const route = plannedRoute(instance, 0, 0, [[0, 'dropoff', 20], [0, 'pickup', 30]]);

    expect(rules(checkSolution(instance, solutionOf(instance, [route])))).toContain('precedence');
  });

  it('rejects a request picked up on one route and dropped off on another', () => {
    const instance = lineInstance([request([1, 0, 1000], [2, 0, 1000])], [DEPOT_VEHICLE, DEPOT_VEHICLE]);
    const routes = [plannedRoute(instance, 0, 0, [[0, 'pickup', 10]]), plannedRoute(instance, 1, 0, [[0, 'dropoff', 20]])];

    expect(rules(checkSolution(instance, solutionOf(instance, routes))).filter((rule) => rule === 'precedence')).toHaveLength(2);
  });

  it('rejects a window that cannot be reached in time', () => {
    // Location 3 is 30 away from the depot; its window closes at 20.
    const instance = lineInstance([request([3, 0, 20], [2, 0, 1000])]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 20], [0, 'dropoff', 30]]);

    const violations = checkSolution(instance, solutionOf(instance, [route]));

    expect(rules(violations)).toEqual(['timeWindow', 'reportedTimes']);
  });

  it('rejects a route longer than the vehicle maximum duration even with the best departure', () => {
    const instance = lineInstance([request([3, 0, 1000], [1, 0, 1000])], [{ ...DEPOT_VEHICLE, maxDuration: 50 }]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 30], [0, 'dropoff', 50]]);

    expect(rules(checkSolution(instance, solutionOf(instance, [route])))).toEqual(['maxDuration', 'reportedTimes']);
  });

  it('rejects a request served twice', () => {
    const instance = lineInstance([request([1, 0, 1000], [2, 0, 1000])], [DEPOT_VEHICLE, DEPOT_VEHICLE]);
    const stops: TimedStop[] = [[0, 'pickup', 10], [0, 'dropoff', 20]];
    const routes = [plannedRoute(instance, 0, 0, stops), plannedRoute(instance, 1, 0, stops)];

    expect(rules(checkSolution(instance, solutionOf(instance, routes)))).toEqual(['duplicate', 'duplicate']);
  });

  it('rejects a request both served and unassigned, and one that is neither', () => {
    const instance = lineInstance([request([1, 0, 1000], [2, 0, 1000]), request([1, 0, 1000], [2, 0, 1000])]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 10], [0, 'dropoff', 20]]);

    const violations = checkSolution(instance, solutionOf(instance, [route], [0]));

    expect(violations.map((v) => [v.rule, v.request])).toEqual([['duplicate', 0], ['missing', 1]]);
  });

  it('rejects a reported distance that differs from the recomputed one', () => {
    const instance = lineInstance([request([1, 0, 1000], [2, 0, 1000])]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 10], [0, 'dropoff', 20]]);
    const correct = solutionOf(instance, [route]);

    const violations = checkSolution(instance, { ...correct, routes: [{ ...route, distance: 41 }] });

    expect(rules(violations)).toEqual(['distance']);
    expect(violations[0]!.message).toMatch(/reports distance 41, recomputed 40/);
  });

  it('rejects an arrival that is not the previous departure plus the travel time', () => {
    const instance = lineInstance([request([1, 0, 1000], [2, 0, 1000])]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 10], [0, 'dropoff', 20]]);
    const tampered = { ...route, stops: [route.stops[0]!, { ...route.stops[1]!, arrival: 15, serviceStart: 15, departure: 15 }], end: 35 };

    expect(rules(checkSolution(instance, solutionOf(instance, [tampered])))).toEqual(['reportedTimes']);
  });

  it('rejects a wrong cost and a request served by a vehicle it is not pinned to', () => {
    const instance = lineInstance([request([1, 0, 1000], [2, 0, 1000], { pinnedVehicle: 1 })], [DEPOT_VEHICLE, DEPOT_VEHICLE]);
    const route = plannedRoute(instance, 0, 0, [[0, 'pickup', 10], [0, 'dropoff', 20]]);

    const violations = checkSolution(instance, { ...solutionOf(instance, [route]), cost: 1 });

    expect(rules(violations)).toEqual(['pinned', 'cost']);
  });
});

describe('findSchedule', () => {
  it('finds a schedule that departs late enough to keep the ride short', () => {
    const instance = lineInstance([delayedDepartureRequest]);
    const stops: StopRef[] = [{ request: 0, kind: 'pickup' }, { request: 0, kind: 'dropoff' }];

    const schedule = findSchedule(instance, 0, stops);

    expect(schedule.isFeasible).toBe(true);
    if (!schedule.isFeasible) return;
    const [pickupStart, dropoffStart] = schedule.serviceStarts as [number, number];
    expect(dropoffStart - pickupStart).toBeLessThanOrEqual(15);
    expect(dropoffStart).toBeGreaterThanOrEqual(50);
    expect(pickupStart - schedule.departure).toBeGreaterThanOrEqual(10);
  });

  it('names the conflicting rules when no schedule exists', () => {
    const instance = lineInstance([request([1, 0, 10], [2, 50, 60], { maxRideTime: 15 })]);

    const schedule = findSchedule(instance, 0, [{ request: 0, kind: 'pickup' }, { request: 0, kind: 'dropoff' }]);

    expect(schedule).toMatchObject({ isFeasible: false, rule: 'maxRideTime' });
  });
});

describe('evaluateRoutes', () => {
  it('picks any layout that fits and lists unserved requests', () => {
    const instance = lineInstance(
      [request([1, 0, 1000], [3, 0, 1000]), request([1, 0, 1000], [2, 0, 1000]), request([1, 0, 1000], [2, 0, 1000])],
      [{ ...DEPOT_VEHICLE, layouts: [[1], [2]] }],
    );
    const stops: StopRef[] = [
      { request: 0, kind: 'pickup' }, { request: 1, kind: 'pickup' }, { request: 1, kind: 'dropoff' }, { request: 0, kind: 'dropoff' },
    ];

    const evaluation = evaluateRoutes(instance, [{ vehicle: 0, stops }]);

    expect(evaluation.violations).toEqual([]);
    expect(evaluation.routes[0]).toMatchObject({ layout: 1, isSchedulable: true, distance: 60 });
    expect(evaluation.unserved).toEqual([2]);
  });
});

describe('findSchedule on random stop orders', () => {
  // A seeded loop: whenever a schedule is claimed, it must satisfy every rule when checked by
  // plain arithmetic, so a wrong edge in the constraint graph cannot pass unnoticed.
  function createRng(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  it('returns only schedules that meet windows, ride times, shift and duration', () => {
    const random = createRng(42);
    const size = 9;
    const xs = Array.from({ length: size }, () => random() * 50);
    const matrix = new Float64Array(size * size);
    for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) matrix[a * size + b] = Math.abs(xs[a]! - xs[b]!);
    let feasibleCount = 0;
    for (let trial = 0; trial < 300; trial++) {
      const requests: Request[] = Array.from({ length: 3 }, () => {
        const window = (): [number, number] => {
          const start = random() * 150;
          return [start, start + 60 + random() * 150];
        };
        const [ps, pe] = window();
        const [ds, de] = window();
        return {
          pickup: { location: 1 + Math.floor(random() * 8), twStart: ps, twEnd: pe, serviceTime: random() * 5 },
          dropoff: { location: 1 + Math.floor(random() * 8), twStart: ds, twEnd: de, serviceTime: random() * 5 },
          load: [1],
          maxRideTime: 30 + random() * 100,
          priority: 1,
        };
      });
      const vehicle: Vehicle = { ...DEPOT_VEHICLE, shiftStart: random() * 50, shiftEnd: 250 + random() * 100, maxDuration: 100 + random() * 200 };
      const instance: Instance = { loadDimensions: 1, requests, vehicles: [vehicle], size, durations: matrix, distances: matrix, objective: 'distance', unassignedPenalty: 1e6 };
      // A random order with every pickup before its drop-off.
      const pending: StopRef[] = requests.map((_, request) => ({ request, kind: 'pickup' }));
      const stops: StopRef[] = [];
      while (pending.length > 0) {
        const next = pending.splice(Math.floor(random() * pending.length), 1)[0]!;
        stops.push(next);
        if (next.kind === 'pickup') pending.push({ request: next.request, kind: 'dropoff' });
      }

      const schedule = findSchedule(instance, 0, stops);

      if (!schedule.isFeasible) continue;
      feasibleCount++;
      const slack = 1e-6;
      const specs = stops.map((stop) => (stop.kind === 'pickup' ? requests[stop.request]!.pickup : requests[stop.request]!.dropoff));
      let time = schedule.departure;
      let location = 0;
      let service = 0;
      expect(schedule.departure).toBeGreaterThanOrEqual(vehicle.shiftStart - slack);
      specs.forEach((spec, k) => {
        const start = schedule.serviceStarts[k]!;
        expect(start).toBeGreaterThanOrEqual(time + service + matrix[location * size + spec.location]! - slack);
        expect(start).toBeGreaterThanOrEqual(spec.twStart - slack);
        expect(start).toBeLessThanOrEqual(spec.twEnd + slack);
        time = start;
        location = spec.location;
        service = spec.serviceTime;
      });
      expect(schedule.end).toBeGreaterThanOrEqual(time + service + matrix[location * size]! - slack);
      expect(schedule.end).toBeLessThanOrEqual(vehicle.shiftEnd + slack);
      expect(schedule.end - schedule.departure).toBeLessThanOrEqual(vehicle.maxDuration + slack);
      requests.forEach((request, r) => {
        const pickupAt = stops.findIndex((stop) => stop.request === r && stop.kind === 'pickup');
        const dropoffAt = stops.findIndex((stop) => stop.request === r && stop.kind === 'dropoff');
        const ride = schedule.serviceStarts[dropoffAt]! - (schedule.serviceStarts[pickupAt]! + request.pickup.serviceTime);
        expect(ride).toBeLessThanOrEqual(request.maxRideTime + slack);
      });
    }
    // The loop must exercise both outcomes to mean anything.
    expect(feasibleCount).toBeGreaterThan(10);
    expect(feasibleCount).toBeLessThan(300);
  });
});
