import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { RouteState } from '../../../../src/solver/route/route-state.js';
import { canInsert } from '../../../../src/solver/feasibility/can-insert.js';
import { createInsertion, findBestInsertion } from '../../../../src/solver/feasibility/best-insertion.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { randomInstance } from '../support/fixtures.js';

/** Cheapest feasible insertion by trying every position pair with the slow exact test. */
function bruteForceBest(route: RouteState, r: number): number {
  let best = Infinity;
  for (let pick = route.lockedCount + 1; pick <= route.stopCount + 1; pick++) {
    for (let drop = pick + 1; drop <= route.stopCount + 2; drop++) {
      const result = canInsert(route, r, pick, drop);
      if (result.ok && result.delta < best) best = result.delta;
    }
  }
  return best;
}

describe('findBestInsertion', () => {
  for (const rideLimits of [true, false]) {
    it(`finds the same cheapest insertion as exhaustive exact testing (${rideLimits ? 'with' : 'without'} ride limits)`, () => {
      let compared = 0;
      for (let seed = 1; seed <= 25; seed++) {
        const p = buildProblem(randomInstance(seed, 12, 1, rideLimits));
        const rng = new Rng(seed * 7);
        const route = new RouteState(p, 0);
        const out = createInsertion();
        // Grow a route with random feasible insertions, comparing at every step.
        for (let step = 0; step < 12; step++) {
          const r = step;
          const expected = bruteForceBest(route, r);
          const found = findBestInsertion(route, r, out);
          if (expected === Infinity) {
            expect(found).toBe(false);
            continue;
          }
          compared++;
          expect(found).toBe(true);
          expect(out.cost).toBeCloseTo(expected, 9);
          const check = canInsert(route, r, out.pickupPos, out.dropoffPos);
          expect(check.ok).toBe(true);
          if (rng.next() < 0.8) route.insertRequest(r, out.pickupPos, out.dropoffPos);
        }
      }
      expect(compared).toBeGreaterThan(50);
    });
  }

  it('refuses a request pinned to another vehicle', () => {
    const inst = randomInstance(2, 3, 2);
    const pinned = { ...inst, requests: inst.requests.map((req, r) => (r === 0 ? { ...req, pinnedVehicle: 1 } : req)) };
    const p = buildProblem(pinned);

    expect(findBestInsertion(new RouteState(p, 0), 0, createInsertion())).toBe(false);
  });
});
