import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPrintedRoutes } from '../../../bench/check-printed-routes.js';
import { parseCordeau } from '../../../bench/readers/cordeau.js';
import type { SolveOutput } from '../../../bench/solve-output.js';

const bench = parseCordeau(readFileSync(fileURLToPath(new URL('../../fixtures/benchmarks/darp-cordeau/a2-16.txt', import.meta.url)), 'utf8'));
// Proven-optimal a2-16 routes (see test/unit/bench/readers/cordeau.test.ts for the source).
const OPTIMAL: SolveOutput = {
  routes: [
    [10, 5, 26, 21, 14, 30, 15, 31, 7, 16, 23, 32],
    [12, 6, 28, 22, 4, 11, 27, 20, 3, 19, 13, 29, 9, 8, 25, 24, 2, 18, 1, 17],
  ],
  unassigned: [],
  distance: 294.24795014249145,
  vehicles: 2,
  seconds: 1,
};

describe('checkPrintedRoutes', () => {
  it('accepts the optimal a2-16 routes as printed', () => {
    expect(checkPrintedRoutes(bench, OPTIMAL)).toEqual([]);
  });

  it('reports a wrong distance, an unknown node and a request left out', () => {
    const broken: SolveOutput = { ...OPTIMAL, routes: [OPTIMAL.routes[0]!.filter((node) => node !== 7 && node !== 23).concat(40), OPTIMAL.routes[1]!], distance: 290 };

    const problems = checkPrintedRoutes(bench, broken);

    expect(problems).toContain('printed node 40 is not a pickup or drop-off');
    expect(problems).toContain('request 6 is neither served nor listed as unassigned');
    expect(problems.some((problem) => problem.startsWith('printed distance 290, recomputed'))).toBe(true);
  });

  it('reports more routes than the instance has vehicles', () => {
    const threeRoutes: SolveOutput = { ...OPTIMAL, routes: [OPTIMAL.routes[0]!, OPTIMAL.routes[1]!.slice(0, 4), OPTIMAL.routes[1]!.slice(4)], vehicles: 3 };

    expect(checkPrintedRoutes(bench, threeRoutes).some((problem) => problem.includes('unknown vehicle 2'))).toBe(true);
  });
});
