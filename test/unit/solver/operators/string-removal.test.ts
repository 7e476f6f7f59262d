import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { insertByRegret } from '../../../../src/solver/operators/repair/regret-insertion.js';
import { stringRemoval } from '../../../../src/solver/operators/destroy/string-removal.js';
import { destroyOperatorsFor, defaultDestroyOperators } from '../../../../src/solver/alns/index.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { randomInstance } from '../support/fixtures.js';

/** Each route's stops (node ids) before the removal. */
const stopsOf = (state: SolutionState): number[][] => state.routes.map((route) => Array.from(route.nodes.subarray(1, route.stopCount + 1)));

describe('string removal', () => {
  it('cuts one string of consecutive stops from each route it touches: every stop in the string leaves, and nothing else does', () => {
    let touchedRoutes = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const state = new SolutionState(buildProblem(randomInstance(seed, 24, 4)));
      insertByRegret(state, 2, null, 0);
      const before = stopsOf(state);
      const served = new Set(state.removable());

      stringRemoval.apply(state, new Rng(seed), 6);

      const gone = new Set([...served].filter((r) => state.routeOf[r] === -1));
      expect(gone.size).toBeGreaterThanOrEqual(Math.min(6, served.size));
      for (const stops of before) {
        const cut = stops.map((node) => gone.has(node >> 1));
        const first = cut.indexOf(true);
        if (first < 0) continue;
        touchedRoutes++;
        // A removed request's partner stop may lie outside the string, but one run of consecutive
        // removed stops (the string) must hold a stop of every request this route lost.
        const last = cut.lastIndexOf(true);
        const requestsInRoute = new Set(stops.filter((node) => gone.has(node >> 1)).map((node) => node >> 1));
        let covered = false;
        for (let a = first; a <= last && !covered; a++) {
          if (!cut[a] || (a > 0 && cut[a - 1])) continue;
          let b = a;
          while (b + 1 < stops.length && cut[b + 1]) b++;
          const inRun = new Set(stops.slice(a, b + 1).map((node) => node >> 1));
          covered = [...requestsInRoute].every((r) => inRun.has(r));
        }
        expect(covered).toBe(true);
      }
    }
    expect(touchedRoutes).toBeGreaterThan(20);
  });

  it('starts from a random request and moves to the routes of its neighbours, so one seed gives one result', () => {
    const instance = randomInstance(3, 24, 4);
    const runs = [1, 1, 2].map((seed) => {
      const state = new SolutionState(buildProblem(instance));
      insertByRegret(state, 2, null, 0);
      stringRemoval.apply(state, new Rng(seed), 5);
      return state.bank().join(',');
    });
    expect(runs[0]).toBe(runs[1]);
    expect(runs[0]).not.toBe('');
  });

  it('is the destroy operator of large instances only', () => {
    expect(destroyOperatorsFor(buildProblem(randomInstance(1, 24, 4)))).toBe(defaultDestroyOperators);
    expect(destroyOperatorsFor(buildProblem(randomInstance(1, 201, 4))).map((o) => o.name)).toEqual(['string']);
  });
});
