/** What both phases serving the requests construction left waiting promise (ejectionSearch, serveBank). */
import { describe, expect, it } from 'vitest';
import { ejectionSearch } from '../../../../src/solver/alns/ejection-search.js';
import { serveBank } from '../../../../src/solver/alns/serve-bank.js';
import { toSolution } from '../../../../src/solver/route/to-solution.js';
import { checkSolution } from '../../../helpers/check-solution.js';
import { constructed, runPhase, type ServePhase } from '../support/serve-phase.js';

describe.each([
  // On these small days serveBank always places at least one; the ejection search may find none to place.
  { name: 'ejectionSearch', phase: ejectionSearch as ServePhase, alwaysFewer: false },
  { name: 'serveBank', phase: serveBank as ServePhase, alwaysFewer: true },
])('$name', ({ phase, alwaysFewer }) => {
  it('places requests construction left waiting, keeps every route feasible and leaves the start alone', () => {
    const { instance, state } = constructed(10);
    const before = state.bank();
    const startCost = state.cost();

    const served = runPhase(phase, state, 1);

    expect(before.length).toBe(2);
    expect(served.unassignedCount).toBe(0);
    expect(checkSolution(instance, toSolution(served))).toEqual([]);
    expect(state.bank()).toEqual(before);
    expect(state.cost()).toBe(startCost);
  });

  it('never ends with more waiting than it started with, keeps routes feasible and repeats itself for a seed', () => {
    for (const seed of [1, 3, 7]) {
      const { instance, state } = constructed(seed);

      const a = runPhase(phase, state, 5);
      const b = runPhase(phase, state, 5);

      if (alwaysFewer) expect(a.unassignedCount).toBeLessThan(state.unassignedCount);
      else expect(a.unassignedCount).toBeLessThanOrEqual(state.unassignedCount);
      expect(checkSolution(instance, toSolution(a))).toEqual([]);
      expect(Array.from(b.routeOf)).toEqual(Array.from(a.routeOf));
      expect(b.cost()).toBe(a.cost());
    }
  });
});
