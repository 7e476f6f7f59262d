import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stopOfNode } from '../../../../bench/readers/benchmark-instance.js';
import { parseLiLim } from '../../../../bench/readers/lilim.js';
import { evaluateRoutes, type RouteOrder } from '../../../helpers/check-solution.js';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/benchmarks/pdptw-lilim/${name}`, import.meta.url)), 'utf8');
const LC101 = read('lc101.txt');
const LC201 = read('lc201.txt');

// The best-known lc201 solution (3 vehicles, 591.5566; Hasle & Kloster) as mirrored in
// rogalski-wmii-uni-lodz-pl/vrp-benchmarks, best_known_solutions/LiLim/2001-01-01/lc201.3_591.5566.txt.
const LC201_BEST_KNOWN_ROUTES = [
  [93, 5, 75, 2, 1, 99, 100, 97, 92, 94, 95, 98, 7, 3, 4, 89, 91, 88, 84, 86, 83, 82, 102, 85, 76, 71, 70, 73, 80, 79, 81, 78, 77, 96, 87, 90],
  [67, 63, 62, 74, 72, 61, 64, 66, 69, 68, 65, 49, 55, 54, 53, 56, 58, 60, 59, 57, 40, 44, 46, 45, 51, 50, 52, 47, 43, 42, 41, 48],
  [20, 22, 24, 27, 30, 29, 6, 32, 33, 31, 35, 37, 38, 39, 36, 34, 28, 26, 101, 23, 18, 19, 16, 14, 12, 15, 17, 13, 25, 9, 11, 10, 8, 21],
];

describe('parseLiLim', () => {
  it('reads the CRLF/TAB file: header, depot shift and one request per pickup task', () => {
    const { instance, header } = parseLiLim(LC101, 'lc101');

    expect(LC101).toContain('\r\n');
    expect(header).toEqual({ vehicleCount: 25, capacity: 200, speed: 1 });
    expect(instance.size).toBe(107);
    expect(instance.requests).toHaveLength(53);
    expect(instance.vehicles).toHaveLength(25);
    expect(instance.vehicles[0]).toMatchObject({ startLocation: 0, endLocation: 0, shiftStart: 0, shiftEnd: 1236, maxDuration: Infinity, layouts: [[200]] });
  });

  it('pairs pickups with deliveries by task number, in ascending pickup order', () => {
    // lc101 task 1 is a delivery (demand −10) whose pickup is task 11; task 2's pickup is task 6.
    const bench = parseLiLim(LC101);

    expect(stopOfNode(bench, 1)).toEqual({ request: bench.pickupNode.indexOf(11), kind: 'dropoff' });
    expect(bench.dropoffNode[bench.pickupNode.indexOf(6)]).toBe(2);
    expect(bench.pickupNode).toEqual([...bench.pickupNode].sort((a, b) => a - b));
    const request = bench.instance.requests[bench.pickupNode.indexOf(11)]!;
    expect(request.dropoff).toEqual({ location: 1, twStart: 912, twEnd: 967, serviceTime: 90 });
    expect(request.load).toEqual([10]);
    expect(request.maxRideTime).toBe(Infinity);
  });

  it('uses unrounded Euclidean distances: depot (40, 50) to task 1 (45, 68)', () => {
    const { instance } = parseLiLim(LC101);

    expect(instance.distances[1]).toBe(Math.sqrt(5 * 5 + 18 * 18));
  });

  it('makes one vehicle more cost more than any distance saving', () => {
    const { instance } = parseLiLim(LC101);
    let longestLeg = 0;
    for (const value of instance.distances) longestLeg = Math.max(longestLeg, value);
    const anyTotalDistance = (2 * instance.requests.length + instance.vehicles.length) * longestLeg;

    expect(instance.vehicles[0]!.fixedCost).toBeGreaterThan(anyTotalDistance);
    expect(instance.unassignedPenalty).toBeGreaterThan(anyTotalDistance + instance.vehicles.length * instance.vehicles[0]!.fixedCost);
  });

  it('reproduces the best-known distance of lc201 from its routes, all rules satisfied', () => {
    const bench = parseLiLim(LC201);
    const orders: RouteOrder[] = LC201_BEST_KNOWN_ROUTES.map((nodes, vehicle) => ({ vehicle, stops: nodes.map((node) => stopOfNode(bench, node)!) }));

    const evaluation = evaluateRoutes(bench.instance, orders, []);

    expect(evaluation.violations).toEqual([]);
    expect(evaluation.distance).toBeCloseTo(591.5566, 3);
  });

  it('reads the same instance from LF and single-space separated text', () => {
    const lfSpaces = LC101.replace(/\r\n/g, '\n').replace(/\t/g, ' ');

    expect(parseLiLim(lfSpaces)).toEqual(parseLiLim(LC101));
  });

  it('rejects a delivery that does not name its pickup back', () => {
    const broken = LC101.replace(/^1\t45\t68\t-10\t912\t967\t90\t11\t0/m, '1\t45\t68\t-10\t912\t967\t90\t12\t0');

    expect(broken).not.toBe(LC101);
    expect(() => parseLiLim(broken)).toThrow(/pickup 11 names delivery 1, which does not name it back/);
  });
});
