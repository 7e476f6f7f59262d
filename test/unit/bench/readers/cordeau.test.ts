import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stopOfNode } from '../../../../bench/readers/benchmark-instance.js';
import { parseCordeau } from '../../../../bench/readers/cordeau.js';
import { evaluateRoutes, type RouteOrder } from '../../../helpers/check-solution.js';

const A2_16 = readFileSync(fileURLToPath(new URL('../../../fixtures/benchmarks/darp-cordeau/a2-16.txt', import.meta.url)), 'utf8');

// The proven-optimal a2-16 routes (cost 294.2480) from the Rist & Forbes run log named in
// ../shared/benchmarks/darp-cordeau/bks.csv (RF0-a2-16_soln.json), file node ids, depots excluded.
const A2_16_OPTIMAL_ROUTES = [
  [10, 5, 26, 21, 14, 30, 15, 31, 7, 16, 23, 32],
  [12, 6, 28, 22, 4, 11, 27, 20, 3, 19, 13, 29, 9, 8, 25, 24, 2, 18, 1, 17],
];

describe('parseCordeau', () => {
  it('reads the header, the fleet and one request per pickup/drop-off pair', () => {
    const { instance, header, pickupNode, dropoffNode } = parseCordeau(A2_16, 'a2-16');

    expect(header).toEqual({ vehicleCount: 2, requestCount: 16, maxRouteDuration: 480, capacity: 3, maxRideTime: 30 });
    expect(instance.size).toBe(34);
    expect(instance.requests).toHaveLength(16);
    expect(instance.vehicles).toHaveLength(2);
    expect(instance.vehicles[0]).toMatchObject({ startLocation: 0, endLocation: 33, shiftStart: 0, shiftEnd: 480, maxDuration: 480, layouts: [[3]], fixedCost: 0 });
    expect(pickupNode[0]).toBe(1);
    expect(dropoffNode[0]).toBe(17);
    expect(instance.objective).toBe('distance');
  });

  it('maps file node 1 to the first pickup with its window, service time, load and ride limit', () => {
    const { instance } = parseCordeau(A2_16);

    expect(instance.requests[0]).toEqual({
      pickup: { location: 1, twStart: 0, twEnd: 1440, serviceTime: 3 },
      dropoff: expect.objectContaining({ location: 17 }),
      load: [1],
      maxRideTime: 30,
      priority: 1,
    });
  });

  it('uses unrounded Euclidean distances as travel times', () => {
    const { instance } = parseCordeau(A2_16);

    const depotToFirstPickup = Math.sqrt(1.198 ** 2 + 5.164 ** 2);
    expect(instance.distances[0 * 34 + 1]).toBe(depotToFirstPickup);
    expect(instance.durations[1 * 34 + 0]).toBe(depotToFirstPickup);
  });

  it('maps file node ids back to request stops', () => {
    const bench = parseCordeau(A2_16);

    expect(stopOfNode(bench, 5)).toEqual({ request: 4, kind: 'pickup' });
    expect(stopOfNode(bench, 21)).toEqual({ request: 4, kind: 'dropoff' });
    expect(stopOfNode(bench, 0)).toBeUndefined();
    expect(stopOfNode(bench, 33)).toBeUndefined();
  });

  it('reproduces the best-known cost of a2-16 from its optimal routes, all rules satisfied', () => {
    const bench = parseCordeau(A2_16);
    const orders: RouteOrder[] = A2_16_OPTIMAL_ROUTES.map((nodes, vehicle) => ({ vehicle, stops: nodes.map((node) => stopOfNode(bench, node)!) }));

    const evaluation = evaluateRoutes(bench.instance, orders, []);

    expect(evaluation.violations).toEqual([]);
    expect(evaluation.distance).toBeCloseTo(294.2480, 4);
  });

  it('accepts CRLF line endings and tabs between fields', () => {
    const crlfTabs = A2_16.split('\n').map((line) => line.trim().split(/\s+/).join('\t')).join('\r\n');

    expect(parseCordeau(crlfTabs)).toEqual(parseCordeau(A2_16));
  });

  it('rejects a file with a missing node line', () => {
    const truncated = A2_16.trimEnd().split('\n').slice(0, -1).join('\n');

    expect(() => parseCordeau(truncated)).toThrow(/expected 34 node lines/);
  });

  it('rejects a non-numeric field with its line number', () => {
    expect(() => parseCordeau(A2_16.replace('-1.198', 'x1.198'))).toThrow(/line 3: "x1.198" is not a number/);
  });
});

describe('the ride-time convention', () => {
  it('makes the a2-16 optimum infeasible if ride time were measured from the start of pickup service', () => {
    const bench = parseCordeau(A2_16);
    const fromStartOfService = {
      ...bench.instance,
      requests: bench.instance.requests.map((request) => ({ ...request, maxRideTime: request.maxRideTime - request.pickup.serviceTime })),
    };
    const orders: RouteOrder[] = A2_16_OPTIMAL_ROUTES.map((nodes, vehicle) => ({ vehicle, stops: nodes.map((node) => stopOfNode(bench, node)!) }));

    const evaluation = evaluateRoutes(fromStartOfService, orders, []);

    expect(evaluation.violations.map((violation) => violation.rule)).toEqual(['maxRideTime', 'maxRideTime']);
  });
});
