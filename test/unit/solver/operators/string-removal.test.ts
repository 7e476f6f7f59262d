import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { insertByRegret } from '../../../../src/solver/operators/repair/regret-insertion.js';
import { neighbourLists, stringRemoval } from '../../../../src/solver/operators/destroy/string-removal.js';
import { destroyOperatorsFor, defaultDestroyOperators } from '../../../../src/solver/alns/index.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { LARGE_INSTANCE_REQUESTS } from '../../../../src/solver/alns/instance-size.js';
import type { Instance } from '../../../../src/solver/model/instance.js';
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

  it('centres half its removals on a servable request left waiting, so the routes near it make room', () => {
    /** Runs (of 40) in which the waiting request's nearest neighbour was removed. */
    const nearestRemoved = (instance: Instance, waiting: number, leaveWaiting: boolean): number => {
      const p = buildProblem(instance);
      const { width, list } = neighbourLists(p);
      const nearest = list[waiting * width]!;
      let hits = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const state = new SolutionState(p);
        insertByRegret(state, 2, null, 0);
        if (leaveWaiting) state.remove(waiting);
        expect(state.routeOf[nearest]).not.toBe(-1);
        stringRemoval.apply(state, new Rng(seed), 3);
        if (state.routeOf[nearest] === -1) hits++;
      }
      return hits;
    };
    const instance = randomInstance(5, 40, 10);
    const servedAtFirst = new SolutionState(buildProblem(instance));
    insertByRegret(servedAtFirst, 2, null, 0);
    expect(servedAtFirst.bank()).toEqual([]);
    const waiting = servedAtFirst.removable()[7]!;

    const focused = nearestRemoved(instance, waiting, true);
    const unfocused = nearestRemoved(instance, waiting, false);
    expect(focused).toBeGreaterThanOrEqual(15);
    expect(focused).toBeGreaterThan(unfocused + 8);

    // A request no vehicle can carry waits for ever: making room around it would be wasted.
    const impossible = 40;
    const withExtra = randomInstance(5, 41, 10);
    const tooBig: Instance = { ...withExtra, requests: withExtra.requests.map((r, k) => (k === impossible ? { ...r, load: [9] } : r)) };
    expect(nearestRemoved(tooBig, impossible, false)).toBeLessThan(focused - 8);
  });

  it('lists the nearest other requests by place of both stops and window opening, ties by id', () => {
    for (const [requests, seed] of [[30, 1], [150, 2]] as const) {
      const p = buildProblem(randomInstance(seed, requests, 4));
      const { width, list } = neighbourLists(p);
      expect(width).toBe(Math.min(100, requests - 1));
      const distance = (a: number, b: number): number =>
        p.travel[p.nodeLocation[2 * a]! * p.size + p.nodeLocation[2 * b]!]! +
        p.travel[p.nodeLocation[2 * a + 1]! * p.size + p.nodeLocation[2 * b + 1]!]! +
        Math.abs(p.nodeTwStart[2 * a]! - p.nodeTwStart[2 * b]!) +
        Math.abs(p.nodeTwStart[2 * a + 1]! - p.nodeTwStart[2 * b + 1]!);
      for (let a = 0; a < requests; a++) {
        const others = Array.from({ length: requests }, (_, b) => b).filter((b) => b !== a);
        others.sort((x, y) => distance(a, x) - distance(a, y) || x - y);
        expect(Array.from(list.subarray(a * width, a * width + width))).toEqual(others.slice(0, width));
      }
    }
  });

  it('is the only destroy operator of large instances, and one in the adaptive choice of small ones', () => {
    expect(destroyOperatorsFor(buildProblem(randomInstance(1, LARGE_INSTANCE_REQUESTS, 4))).map((o) => o.name)).toEqual([
      ...defaultDestroyOperators.map((o) => o.name),
      'string',
    ]);
    expect(destroyOperatorsFor(buildProblem(randomInstance(1, LARGE_INSTANCE_REQUESTS + 1, 4))).map((o) => o.name)).toEqual(['string']);
  });
});
