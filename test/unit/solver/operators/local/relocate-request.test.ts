import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../../src/solver/model/problem.js';
import { SolutionState } from '../../../../../src/solver/route/solution-state.js';
import { toSolution } from '../../../../../src/solver/route/to-solution.js';
import { applyRelocate, createRelocateMove, evaluateRelocate } from '../../../../../src/solver/operators/local/relocate-request.js';
import { computeRemovalGains } from '../../../../../src/solver/route/request-positions.js';
import { localSearch } from '../../../../../src/solver/operators/local/local-search.js';
import { randomRemoval } from '../../../../../src/solver/operators/destroy/random-removal.js';
import { insertByRegret } from '../../../../../src/solver/operators/repair/regret-insertion.js';
import { Rng } from '../../../../../src/solver/alns/rng.js';
import { checkSolution } from '../../../../helpers/check-solution.js';
import { instance, randomInstance, request, vehicle } from '../../support/fixtures.js';

describe('relocate-request', () => {
  it('moves a request to the route where it costs less', () => {
    // Vehicle 0 is based at x=0, vehicle 1 at x=100; the request lives near x=100 but starts on vehicle 0.
    const points: [number, number][] = [[0, 0], [100, 0], [101, 0], [102, 0]];
    const inst = instance(points, [request({ from: 2, to: 3 })], [vehicle(), vehicle({ startLocation: 1, endLocation: 1 })]);
    const state = new SolutionState(buildProblem(inst));
    state.insert(0, 0, 1, 2);
    const move = createRelocateMove();
    const n = state.problem.requestCount;
    const gains = new Float64Array(n);
    computeRemovalGains(state, new Int32Array(n), new Int32Array(n), gains);

    expect(evaluateRelocate(state, 0, gains[0]!, move)).toBe(true);
    expect(state.routeOf[0]).toBe(0); // evaluation leaves the solution as it was
    expect(applyRelocate(state, move)).toBe(true);

    expect(move.vehicle).toBe(1);
    expect(move.gain).toBeCloseTo(204 - 4, 9);
    expect(state.routeOf[0]).toBe(1);
    expect(state.cost()).toBeCloseTo(4, 9);
  });

  it('local search only lowers the cost and keeps every route feasible', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const inst = randomInstance(seed, 18, 3);
      const state = new SolutionState(buildProblem(inst));
      const rng = new Rng(seed);
      insertByRegret(state, 1, rng, 20); // a deliberately noisy start
      randomRemoval.apply(state, rng, 3);
      insertByRegret(state, 1, rng, 20);
      const before = state.cost();
      const servedBefore = state.unassignedCount;

      localSearch(state, rng);

      expect(state.cost()).toBeLessThanOrEqual(before + 1e-9);
      expect(state.unassignedCount).toBe(servedBefore);
      expect(checkSolution(inst, toSolution(state))).toEqual([]);
    }
  });
});
