import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { RouteState } from '../../../../src/solver/route/route-state.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { randomInstance } from '../support/fixtures.js';

function expectSameState(actual: RouteState, expected: RouteState): void {
  const m = expected.stopCount;
  expect(actual.stopCount).toBe(m);
  expect(Array.from(actual.nodes.subarray(1, m + 1))).toEqual(Array.from(expected.nodes.subarray(1, m + 1)));
  for (let i = 0; i <= m + 1; i++) {
    expect(actual.earliest[i]).toBeCloseTo(expected.earliest[i]!, 9);
    expect(actual.latest[i]).toBeCloseTo(expected.latest[i]!, 9);
  }
  const dims = expected.problem.dims;
  expect(Array.from(actual.load.subarray(0, (m + 2) * dims))).toEqual(Array.from(expected.load.subarray(0, (m + 2) * dims)));
  expect(Array.from(actual.layoutFits)).toEqual(Array.from(expected.layoutFits));
  expect(actual.routeCost).toBeCloseTo(expected.routeCost, 9);
  expect(actual.rideLimitedRequests).toBe(expected.rideLimitedRequests);
}

describe('RouteState', () => {
  it('keeps its incremental state equal to a full recompute through random inserts and removals', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = buildProblem(randomInstance(seed, 10, 1));
      const rng = new Rng(seed);
      const route = new RouteState(p, 0);
      const onRoute: number[] = [];
      for (let step = 0; step < 40; step++) {
        const r = rng.nextInt(p.requestCount);
        if (onRoute.includes(r)) {
          route.removeRequest(r);
          onRoute.splice(onRoute.indexOf(r), 1);
        } else {
          const pick = 1 + rng.nextInt(route.stopCount + 1);
          const drop = pick + 1 + rng.nextInt(route.stopCount + 2 - pick);
          route.insertRequest(r, pick, drop);
          onRoute.push(r);
        }
        const fresh = new RouteState(p, 0);
        fresh.setStops(Array.from(route.nodes.subarray(1, route.stopCount + 1)));

        expectSameState(route, fresh);
      }
    }
  });

  it('keeps each request pickup before its drop-off after an insertion', () => {
    const p = buildProblem(randomInstance(3, 4, 1));
    const route = new RouteState(p, 0);

    route.insertRequest(0, 1, 2);
    route.insertRequest(1, 1, 3);
    route.insertRequest(2, 3, 6);

    expect(Array.from(route.nodes.subarray(1, 7))).toEqual([2, 0, 4, 3, 1, 5]);
  });

  it('copies another route exactly', () => {
    const p = buildProblem(randomInstance(5, 6, 1));
    const a = new RouteState(p, 0);
    a.insertRequest(0, 1, 2);
    a.insertRequest(3, 2, 4);
    const b = new RouteState(p, 0);

    b.copyFrom(a);

    expectSameState(b, a);
  });
});
