import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { insertByRegret } from '../../../../src/solver/operators/repair/regret-insertion.js';
import { computeRemovalGains, updateRouteRemovalGains } from '../../../../src/solver/route/request-positions.js';
import { createInsertion, findBestInsertion } from '../../../../src/solver/feasibility/best-insertion.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { randomInstance } from '../support/fixtures.js';

describe('updateRouteRemovalGains', () => {
  it('keeps every position and saving right while requests leave and join routes', () => {
    let checked = 0;
    let joined = 0;
    const insertion = createInsertion();
    for (let seed = 1; seed <= 10; seed++) {
      const random = randomInstance(seed, 30, 4, true);
      // A fixed cost per vehicle: taking out a route's last request saves it too.
      const p = buildProblem({ ...random, vehicles: random.vehicles.map((v) => ({ ...v, fixedCost: 50 })) });
      const state = new SolutionState(p);
      insertByRegret(state, 2, null, 0);
      const n = p.requestCount;
      const pick = new Int32Array(n);
      const drop = new Int32Array(n);
      const gains = new Float64Array(n);
      computeRemovalGains(state, pick, drop, gains);
      const rng = new Rng(seed);
      for (let step = 0; step < 40; step++) {
        const served = state.removable();
        if (served.length === 0) break;
        const r = served[rng.nextInt(served.length)]!;
        const v = state.routeOf[r]!;
        expect(state.remove(r)).toBe(true);
        gains[r] = -Infinity;
        updateRouteRemovalGains(state, v, pick, drop, gains);
        // Every other step the request joins another route again, where it fits best.
        const to = (v + 1 + rng.nextInt(p.vehicleCount - 1)) % p.vehicleCount;
        if (step % 2 === 1 && findBestInsertion(state.routes[to]!, r, insertion)) {
          state.insert(r, to, insertion.pickupPos, insertion.dropoffPos);
          updateRouteRemovalGains(state, to, pick, drop, gains);
          joined++;
        }

        // Reference, sharing no code with the function: what taking each request out really saves.
        for (let q = 0; q < n; q++) {
          const route = state.routeOf[q]!;
          if (route === -1) {
            expect(gains[q]).toBe(-Infinity);
            continue;
          }
          const without = state.clone();
          expect(without.remove(q)).toBe(true);
          expect(gains[q]).toBeCloseTo(state.routes[route]!.totalCost - without.routes[route]!.totalCost, 9);
          expect(state.routes[route]!.nodes[pick[q]!]).toBe(2 * q);
          expect(state.routes[route]!.nodes[drop[q]!]).toBe(2 * q + 1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(joined).toBeGreaterThan(20);
  });
});
