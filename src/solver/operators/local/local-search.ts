import type { Rng } from '../../alns/rng.js';
import { computeRemovalGains, updateRouteRemovalGains } from '../../route/request-positions.js';
import type { SolutionState } from '../../route/solution-state.js';
import { applyRelocate, createRelocateMove, evaluateRelocate } from './relocate-request.js';

/** Smallest gain worth a move, relative to the solution cost (floating-point ties are not moves). */
const MIN_RELATIVE_GAIN = 1e-9;

/**
 * Descends to a local optimum of the relocate-request neighbourhood: the movable requests are
 * visited in a random order and each is moved to its best place in another route when that lowers
 * the cost, until a full pass finds nothing or `maxPasses` is reached. Returns whether anything
 * improved.
 */
export function localSearch(state: SolutionState, rng: Rng, maxPasses = 10): boolean {
  const n = state.problem.requestCount;
  const move = createRelocateMove();
  /** Index = request: position of its pickup / drop-off in its route (−1 when unassigned). */
  const pickupPos = new Int32Array(n);
  const dropoffPos = new Int32Array(n);
  /** Index = request: objective saved by removing it. */
  const gains = new Float64Array(n);
  const order = state.removable();
  let improvedAny = false;
  for (let pass = 0; pass < maxPasses; pass++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = rng.nextInt(k + 1);
      const t = order[k]!;
      order[k] = order[j]!;
      order[j] = t;
    }
    let improved = false;
    const threshold = MIN_RELATIVE_GAIN * Math.max(1, state.cost());
    // A move changes the savings of its two routes only: those are brought up to date.
    computeRemovalGains(state, pickupPos, dropoffPos, gains);
    for (const r of order) {
      const from = state.routeOf[r]!;
      if (evaluateRelocate(state, r, gains[r]!, move) && move.gain > threshold && applyRelocate(state, move)) {
        improved = true;
        updateRouteRemovalGains(state, from, pickupPos, dropoffPos, gains);
        updateRouteRemovalGains(state, move.vehicle, pickupPos, dropoffPos, gains);
      }
    }
    if (!improved) break;
    improvedAny = true;
  }
  return improvedAny;
}
