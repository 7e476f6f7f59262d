import { describe, expect, it } from 'vitest';
import { ejectionSearch } from '../../../../src/solver/alns/ejection-search.js';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { insertByRegret } from '../../../../src/solver/operators/repair/regret-insertion.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { toSolution } from '../../../../src/solver/route/to-solution.js';
import { checkSolution } from '../../../helpers/check-solution.js';
import { instance, request, vehicle } from '../support/fixtures.js';
import { runPhase } from '../support/serve-phase.js';

const run = (start: SolutionState, seed: number, iterations?: number): SolutionState => runPhase(ejectionSearch, start, seed, iterations);

describe('ejectionSearch', () => {
  it('ejects a seated rider from the only wheelchair vehicle and finds the rider another seat', () => {
    const points: [number, number][] = [[0, 0], [5, 0], [10, 0]];
    const day = instance(
      points,
      [
        request({ from: 1, to: 2, pickupWindow: [5, 6], dropoffWindow: [10, 12], load: [1, 0] }),
        request({ from: 1, to: 2, pickupWindow: [5, 6], dropoffWindow: [10, 12], load: [1, 1] }),
      ],
      [vehicle({ layouts: [[1, 1]] }), vehicle({ layouts: [[1, 0]] })],
    );
    const state = new SolutionState(buildProblem(day));
    // Both ride at the same time: the seated rider took the van's only seat, and the wheelchair
    // rider, whom only the van carries, waits.
    state.insert(0, 0, 1, 2);
    expect(state.bank()).toEqual([1]);

    const served = toSolution(run(state, 1));

    expect(served.unassigned).toEqual([]);
    expect(checkSolution(day, served)).toEqual([]);
    expect(served.routes.find((route) => route.vehicle === 0)!.stops.map((stop) => stop.request)).toEqual([1, 1]);
    expect(served.routes.find((route) => route.vehicle === 1)!.stops.map((stop) => stop.request)).toEqual([0, 0]);
  });

  it('gives up within its budget when no ejection makes room, returning a plan no worse than the start', () => {
    const points: [number, number][] = [[0, 0], [5, 0], [10, 0]];
    // Three wheelchair riders at the same time, one wheelchair place: two must wait.
    const rider = () => request({ from: 1, to: 2, pickupWindow: [0, 10], dropoffWindow: [0, 30], load: [1, 1] });
    const day = instance(points, [rider(), rider(), rider()], [vehicle({ layouts: [[4, 1]] })]);
    const state = new SolutionState(buildProblem(day));
    insertByRegret(state, 3, null, 0);
    expect(state.unassignedCount).toBe(2);

    const result = run(state, 3, 50);

    expect(result.unassignedCount).toBe(2);
    expect(result.cost()).toBeLessThanOrEqual(state.cost());
    expect(checkSolution(day, toSolution(result))).toEqual([]);
  });
});
