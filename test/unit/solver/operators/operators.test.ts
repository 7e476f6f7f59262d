import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { insertByRegret } from '../../../../src/solver/operators/repair/regret-insertion.js';
import { toSolution } from '../../../../src/solver/route/to-solution.js';
import { allDestroyOperators, defaultDestroyOperators, defaultRepairOperators } from '../../../../src/solver/alns/index.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { createInsertion, findBestInsertion } from '../../../../src/solver/feasibility/best-insertion.js';
import { checkSolution } from '../../../helpers/check-solution.js';
import { validateSolution } from '../support/validate-solution.js';
import { randomInstance } from '../support/fixtures.js';

function expectFeasible(state: SolutionState): void {
  const scratch = new Float64Array(2 * state.problem.requestCount + 2);
  for (const route of state.routes) expect(route.isFeasible(scratch)).toBe(true);
  const solution = toSolution(state);
  expect(validateSolution(state.problem.instance, solution)).toEqual([]);
  expect(checkSolution(state.problem.instance, solution)).toEqual([]);
}

describe('destroy and repair operators', () => {
  for (const destroy of allDestroyOperators) {
    it(`${destroy.name} removal takes requests out into the bank and keeps routes feasible`, () => {
      for (let seed = 1; seed <= 8; seed++) {
        const state = new SolutionState(buildProblem(randomInstance(seed, 15, 3)));
        insertByRegret(state, 2, null, 0);
        const served = state.removable().length;

        destroy.apply(state, new Rng(seed), 4);

        const removed = served - state.removable().length;
        expect(removed).toBeGreaterThan(0);
        // Route removal empties a route whatever the count; string removal cuts whole strings, so it may take more.
        if (destroy.name === 'string') expect(removed).toBeGreaterThanOrEqual(Math.min(4, served));
        else if (destroy.name !== 'route') expect(removed).toBe(Math.min(4, served));
        expectFeasible(state);
      }
    });
  }

  for (const repair of defaultRepairOperators) {
    for (const noise of [0, 5]) {
      it(`${repair.name} insertion${noise ? ' with noise' : ''} refills the bank and keeps routes feasible`, () => {
        for (let seed = 1; seed <= 8; seed++) {
          const state = new SolutionState(buildProblem(randomInstance(seed, 15, 3)));
          const rng = new Rng(seed);
          insertByRegret(state, 1, null, 0);
          const servedBefore = state.removable().length;
          defaultDestroyOperators[0]!.apply(state, rng, 6);

          repair.apply(state, rng, noise);

          expectFeasible(state);
          // Without noise, whatever fitted before fits again (the greedy order may differ, so allow a margin).
          if (noise === 0) expect(state.removable().length).toBeGreaterThanOrEqual(servedBefore - 2);
        }
      });
    }
  }

  it('regret insertion never leaves a request in the bank that fits somewhere', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const state = new SolutionState(buildProblem(randomInstance(seed, 15, 2)));

      insertByRegret(state, 3, null, 0);

      for (const r of state.bank()) {
        for (const route of state.routes) expect(findBestInsertion(route, r, createInsertion())).toBe(false);
      }
    }
  });
});
