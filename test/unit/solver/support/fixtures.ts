import type { Instance, Request, Vehicle } from '../../../../src/solver/model/instance.js';
import { Rng } from '../../../../src/solver/alns/rng.js';

/** Euclidean travel times (= distances) between points; location l is points[l]. */
export function euclidean(points: readonly (readonly [number, number])[]): Float64Array {
  const size = points.length;
  const m = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) m[i * size + j] = Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]);
  }
  return m;
}

export interface RequestSpec {
  from: number;
  to: number;
  pickupWindow?: [number, number];
  dropoffWindow?: [number, number];
  load?: number[];
  maxRideTime?: number;
  service?: number;
  priority?: number;
  pinnedVehicle?: number;
}

export function request(spec: RequestSpec): Request {
  const [ps, pe] = spec.pickupWindow ?? [0, 1000];
  const [ds, de] = spec.dropoffWindow ?? [0, 1000];
  return {
    pickup: { location: spec.from, twStart: ps, twEnd: pe, serviceTime: spec.service ?? 0 },
    dropoff: { location: spec.to, twStart: ds, twEnd: de, serviceTime: spec.service ?? 0 },
    load: spec.load ?? [1],
    maxRideTime: spec.maxRideTime ?? Infinity,
    priority: spec.priority ?? 1,
    ...(spec.pinnedVehicle !== undefined ? { pinnedVehicle: spec.pinnedVehicle } : {}),
  };
}

export function vehicle(overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    startLocation: 0,
    endLocation: 0,
    shiftStart: 0,
    shiftEnd: 1000,
    maxDuration: Infinity,
    layouts: [[4]],
    fixedCost: 0,
    ...overrides,
  };
}

export function instance(
  points: readonly (readonly [number, number])[],
  requests: readonly Request[],
  vehicles: readonly Vehicle[],
  overrides: Partial<Instance> = {},
): Instance {
  const m = euclidean(points);
  return {
    loadDimensions: requests[0]?.load.length ?? vehicles[0]?.layouts[0]?.length ?? 1,
    requests,
    vehicles,
    size: points.length,
    durations: m,
    distances: m,
    objective: 'distance',
    unassignedPenalty: 10_000,
    ...overrides,
  };
}

/** Three requests along a line, one vehicle: the smallest useful dial-a-ride day. */
export function threeRequestsOneVehicle(): Instance {
  const points: [number, number][] = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0], [6, 0]];
  return instance(
    points,
    [
      request({ from: 1, to: 4, pickupWindow: [0, 50], maxRideTime: 20, service: 1 }),
      request({ from: 2, to: 5, pickupWindow: [0, 50], maxRideTime: 20, service: 1 }),
      request({ from: 3, to: 6, dropoffWindow: [10, 60], maxRideTime: 20, service: 1 }),
    ],
    [vehicle({ layouts: [[2]] })],
  );
}

/**
 * A random dial-a-ride day in a 20 × 20 square: windows, service times, ride-time limits,
 * capacities and a duration limit all bind sometimes. Deterministic in the seed.
 */
export function randomInstance(seed: number, requestCount = 12, vehicleCount = 3, rideLimits = true): Instance {
  const rng = new Rng(seed);
  const points: [number, number][] = [[10, 10]];
  const requests: Request[] = [];
  for (let r = 0; r < requestCount; r++) {
    points.push([rng.uniform(0, 20), rng.uniform(0, 20)]);
    points.push([rng.uniform(0, 20), rng.uniform(0, 20)]);
    const from = points.length - 2;
    const to = points.length - 1;
    const direct = Math.hypot(points[from]![0] - points[to]![0], points[from]![1] - points[to]![1]);
    const t = rng.uniform(20, 200);
    const onPickup = rng.next() < 0.5;
    requests.push(
      request({
        from,
        to,
        pickupWindow: onPickup ? [t, t + 15] : [0, 300],
        dropoffWindow: onPickup ? [0, 300] : [t + direct, t + direct + 15],
        load: [1 + rng.nextInt(2)],
        maxRideTime: rideLimits ? direct + rng.uniform(5, 30) : Infinity,
        service: rng.uniform(0, 3),
      }),
    );
  }
  const vehicles = Array.from({ length: vehicleCount }, () =>
    vehicle({ shiftEnd: 300, maxDuration: rideLimits ? 250 : Infinity, layouts: [[3]] }),
  );
  return instance(points, requests, vehicles);
}
