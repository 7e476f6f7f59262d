import { describe, expect, it } from 'vitest';
import { solve } from '../../../../src/solver/index.js';
import type { SolveProgress } from '../../../../src/solver/index.js';
import { OperatorWeights } from '../../../../src/solver/alns/operator-weights.js';
import { SimulatedAnnealing } from '../../../../src/solver/alns/acceptance.js';
import { StopCriteria, DEFAULT_MAX_ITERATIONS } from '../../../../src/solver/alns/stop-criteria.js';
import { Rng } from '../../../../src/solver/alns/rng.js';
import { Alns, annealingFor, FROM_PLAN_START_WORSE } from '../../../../src/solver/alns/alns.js';
import { LARGE_INSTANCE_REQUESTS } from '../../../../src/solver/alns/instance-size.js';
import { isVehiclesFirst, minimiseVehicles } from '../../../../src/solver/alns/vehicle-minimisation.js';
import { defaultDestroyOperators, defaultRepairOperators } from '../../../../src/solver/alns/index.js';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { toSolution } from '../../../../src/solver/route/to-solution.js';
import { insertByRegret } from '../../../../src/solver/operators/repair/regret-insertion.js';
import { checkSolution } from '../../../helpers/check-solution.js';
import { instance, randomInstance, request, vehicle } from '../support/fixtures.js';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());

    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('OperatorWeights', () => {
  it('shifts weight towards the operator that scores', () => {
    const weights = new OperatorWeights(2);
    for (let k = 0; k < 50; k++) {
      weights.reward(0, 33);
      weights.reward(1, 0);
    }

    weights.endSegment();

    expect(weights.weights[0]).toBeGreaterThan(weights.weights[1]!);
  });
});

describe('SimulatedAnnealing', () => {
  it('always accepts improvements and accepts a 5 % worse solution about half the time at the start', () => {
    const sa = new SimulatedAnnealing(100, 0.05, 0.002);
    const rng = new Rng(1);
    let accepted = 0;
    for (let k = 0; k < 2000; k++) if (sa.accepts(105, 100, 0, rng)) accepted++;

    expect(sa.accepts(99, 100, 0.5, rng)).toBe(true);
    expect(accepted / 2000).toBeGreaterThan(0.45);
    expect(accepted / 2000).toBeLessThan(0.55);
    expect(sa.temperature(1)).toBeLessThan(sa.temperature(0) / 100);
  });

  it('ends cold enough at every size that a plan 40 units worse in a million is rarely taken at the end', () => {
    const small = annealingFor(buildProblem(randomInstance(1, LARGE_INSTANCE_REQUESTS, 4)), 1_000_000);
    const large = annealingFor(buildProblem(randomInstance(1, LARGE_INSTANCE_REQUESTS + 1, 4)), 1_000_000);
    const acceptanceRate = (sa: SimulatedAnnealing, worse: number, fraction: number): number => {
      const rng = new Rng(7);
      let accepted = 0;
      for (let k = 0; k < 4000; k++) if (sa.accepts(1_000_000 + worse, 1_000_000, fraction, rng)) accepted++;
      return accepted / 4000;
    };

    expect(large.temperature(0)).toBe(small.temperature(0));
    expect(large.temperature(1)).toBe(small.temperature(1));
    // At the start 40 units worse is taken almost always; at the very end (about 13 units) rarely.
    expect(acceptanceRate(small, 40, 0)).toBeGreaterThan(0.9);
    expect(acceptanceRate(small, 40, 1)).toBeLessThan(0.1);
    expect(acceptanceRate(large, 40, 1)).toBeLessThan(0.1);
  });

  it('starts ten times cooler from a given plan above LARGE_INSTANCE_REQUESTS only', () => {
    const smallProblem = buildProblem(randomInstance(1, LARGE_INSTANCE_REQUESTS, 4));
    const largeProblem = buildProblem(randomInstance(1, LARGE_INSTANCE_REQUESTS + 1, 4));

    expect(annealingFor(smallProblem, 1_000_000, true).temperature(0)).toBe(annealingFor(smallProblem, 1_000_000).temperature(0));
    expect(annealingFor(largeProblem, 1_000_000, true).temperature(0)).toBeCloseTo(annealingFor(largeProblem, 1_000_000).temperature(0) / 10, 6);
    expect(annealingFor(largeProblem, 1_000_000, true).temperature(0)).toBeCloseTo((FROM_PLAN_START_WORSE * 1_000_000) / Math.LN2, 6);
  });
});

describe('StopCriteria', () => {
  it('stops at the time limit measured with the injected clock', () => {
    let clock = 1000;
    const stop = new StopCriteria(() => clock, 2, undefined);

    clock = 1200;
    expect(stop.shouldStop(10_000)).toBe(false);
    clock = 2500;
    expect(stop.fraction(0)).toBeCloseTo(0.75);
    clock = 3000;
    expect(stop.shouldStop(0)).toBe(true);
  });

  it('reads a clock asked many times a millisecond only every few calls, and a standing one at least every 64 calls', () => {
    let clock = 0;
    let readings = 0;
    const stop = new StopCriteria(() => {
      readings++;
      return (clock += 0.001); // a fast search: 1 µs between questions
    }, 1, undefined);
    for (let i = 0; i < 10_000; i++) stop.elapsedMs();
    expect(readings).toBeLessThan(10_000 / 32);
    expect(stop.elapsedMs()).toBeGreaterThan(0);

    clock = 5_000; // the budget is over: the next reading, at most 64 calls away, says so
    let calls = 1;
    while (!stop.shouldStop(0)) calls++;
    expect(calls).toBeLessThanOrEqual(64);
  });

  it('stops at the iteration limit, and at a small default budget without limits', () => {
    expect(new StopCriteria(undefined, undefined, 5).shouldStop(5)).toBe(true);
    expect(new StopCriteria(undefined, undefined, undefined).shouldStop(DEFAULT_MAX_ITERATIONS)).toBe(true);
    expect(new StopCriteria(undefined, undefined, undefined).shouldStop(DEFAULT_MAX_ITERATIONS - 1)).toBe(false);
  });
});

describe('solve with ALNS', () => {
  it('stops when the injected clock passes the time limit and reports progress', () => {
    let clock = 0;
    const reports: SolveProgress[] = [];
    const inst = randomInstance(4, 20, 3);

    const solution = solve(inst, {
      seed: 3,
      timeLimitSec: 1,
      now: () => (clock += 5), // every reading advances 5 ms
      onProgress: (p) => reports.push(p),
    });

    expect(checkSolution(inst, solution)).toEqual([]);
    expect(reports.length).toBeGreaterThan(1);
    const last = reports[reports.length - 1]!;
    expect(last.elapsedSec).toBeGreaterThanOrEqual(1);
    expect(last.bestCost).toBeCloseTo(solution.cost, 6);
    for (let k = 1; k < reports.length; k++) expect(reports[k]!.bestCost).toBeLessThanOrEqual(reports[k - 1]!.bestCost);
  });

  it('improves on the first insertion plan', () => {
    const inst = randomInstance(9, 25, 4);

    const first = solve(inst, { seed: 1, maxIterations: 0 });
    const improved = solve(inst, { seed: 1, maxIterations: 400 });

    expect(checkSolution(inst, improved)).toEqual([]);
    expect(improved.cost).toBeLessThan(first.cost);
  });

  it('drops a vehicle when vehicles carry a fixed cost and the others can absorb its requests', () => {
    // Six requests along a line that one vehicle serves in a sweep; the start plan uses two vehicles.
    const points: [number, number][] = Array.from({ length: 13 }, (_, k) => [k, 0]);
    const reqs = Array.from({ length: 6 }, (_, k) => request({ from: 2 * k + 1, to: 2 * k + 2 }));
    const inst = instance(points, reqs, [vehicle({ fixedCost: 1000, layouts: [[2]] }), vehicle({ fixedCost: 1000, layouts: [[2]] })]);
    const start = new SolutionState(buildProblem(inst));
    for (let r = 0; r < 6; r++) start.insert(r, r < 3 ? 0 : 1, start.routes[r < 3 ? 0 : 1]!.stopCount + 1, start.routes[r < 3 ? 0 : 1]!.stopCount + 2);
    const alns = new Alns({
      rng: new Rng(1),
      stop: new StopCriteria(undefined, undefined, 300),
      destroys: defaultDestroyOperators,
      repairs: defaultRepairOperators,
      hasClock: false,
    });

    const best = minimiseVehicles(alns, start, 1);

    expect(start.usedVehicles()).toBe(2);
    expect(best.usedVehicles()).toBe(1);
    expect(best.unassignedCount).toBe(0);
    expect(checkSolution(inst, toSolution(best))).toEqual([]);
  });

  it('spends a fleet phase only when one vehicle less beats any saving in travel', () => {
    const points: [number, number][] = Array.from({ length: 13 }, (_, k) => [k, 0]);
    const reqs = Array.from({ length: 6 }, (_, k) => request({ from: 2 * k + 1, to: 2 * k + 2 }));
    const planWith = (fixedCosts: number[]) => {
      const state = new SolutionState(buildProblem(instance(points, reqs, fixedCosts.map((fixedCost) => vehicle({ fixedCost })))));
      insertByRegret(state, 2, null, 0);
      return state;
    };
    // The routes cost 24 here (12 out along the line and back).
    expect(planWith([25, 25]).routingCost()).toBe(24);
    expect(isVehiclesFirst(planWith([25, 25]))).toBe(true);
    expect(isVehiclesFirst(planWith([10, 10]))).toBe(false);
    expect(isVehiclesFirst(planWith([25, 0]))).toBe(false);
  });
});
