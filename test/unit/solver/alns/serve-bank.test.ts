import { describe, expect, it } from 'vitest';
import { serveBank } from '../../../../src/solver/alns/serve-bank.js';
import { buildProblem } from '../../../../src/solver/model/problem.js';
import { SolutionState } from '../../../../src/solver/route/solution-state.js';
import { toSolution } from '../../../../src/solver/route/to-solution.js';
import { checkSolution } from '../../../helpers/check-solution.js';
import { instance, request, vehicle } from '../support/fixtures.js';
import { runPhase } from '../support/serve-phase.js';

const run = (start: SolutionState, seed: number): SolutionState => runPhase(serveBank, start, seed);

describe('serveBank', () => {
  it('frees a minibus layout taken by morning seats for an afternoon wheelchair ride', () => {
    const points: [number, number][] = [[0, 0], [5, 0], [10, 0], [15, 0], [20, 0]];
    const day = instance(
      points,
      [
        request({ from: 1, to: 2, pickupWindow: [0, 50], dropoffWindow: [0, 80], load: [3, 0] }),
        request({ from: 1, to: 2, pickupWindow: [0, 50], dropoffWindow: [0, 80], load: [3, 0] }),
        request({ from: 3, to: 4, pickupWindow: [500, 560], dropoffWindow: [500, 600], load: [1, 1] }),
      ],
      [vehicle({ layouts: [[8, 0], [4, 2]] }), vehicle({ layouts: [[4, 0]] })],
    );
    const state = new SolutionState(buildProblem(day));
    // Both morning rides share the minibus: six seats fit only its eight-seat layout, which has
    // no wheelchair place, so the afternoon wheelchair ride waits though the minibus is free then.
    state.insert(0, 0, 1, 2);
    state.insert(1, 0, 2, 3);
    expect(state.bank()).toEqual([2]);

    const served = toSolution(run(state, 1));

    expect(served.unassigned).toEqual([]);
    expect(checkSolution(day, served)).toEqual([]);
    const minibus = served.routes.find((route) => route.vehicle === 0)!;
    expect(minibus.layout).toBe(1);
    expect(minibus.stops.map((stop) => stop.request)).toContain(2);
  });
});
