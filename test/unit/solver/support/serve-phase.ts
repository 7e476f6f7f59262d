/**
 * Shared set-up for the tests of the phases that serve requests construction left waiting
 * (ejectionSearch, serveBank): both take (alns, rng, start, endFraction) and keep `start` as it is.
 */
import { Alns } from '../../../../src/solver/alns/alns.js';
import { defaultDestroyOperators, defaultRepairOperators } from '../../../../src/solver/alns/index.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { StopCriteria } from '../../../../src/solver/alns/stop-criteria.js';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { insertByRegret } from '../../../../src/solver/operators/repair/regret-insertion.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { randomInstance } from './fixtures.js';

export type ServePhase = (alns: Alns, rng: Rng, start: SolutionState, endFraction: number) => SolutionState;

/** 30 requests on 3 vehicles: regret insertion leaves some waiting that the vehicles could serve. */
export function constructed(seed: number) {
  const instance = randomInstance(seed, 30, 3);
  const state = new SolutionState(buildProblem(instance));
  insertByRegret(state, 3, null, 0);
  return { instance, state };
}

/** Runs `phase` from `start` with an iteration limit and no clock (deterministic for a seed). */
export function runPhase(phase: ServePhase, start: SolutionState, seed: number, iterations = 300): SolutionState {
  const rng = new Rng(seed);
  const alns = new Alns({
    rng,
    stop: new StopCriteria(undefined, undefined, iterations),
    destroys: defaultDestroyOperators,
    repairs: defaultRepairOperators,
    hasClock: false,
  });
  return phase(alns, rng, start, 1);
}
