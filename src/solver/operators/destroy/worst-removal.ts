import { computeRemovalGains, updateRouteRemovalGains } from '../../route/request-positions.js';
import type { DestroyOperator } from '../operator.js';
import { selectKth, swapRemove } from './select-kth.js';

/** Randomness of the choice: the k-th most expensive request is taken with index ⌊y^p · n⌋ (Ropke & Pisinger: p = 3). */
const DETERMINISM = 3;

/**
 * Removes requests that cost the most where they are (largest saving when removed), with a
 * random bias so that the same ones are not always chosen. Savings change when a neighbour
 * leaves: after each removal those of the touched route are recomputed (the others stay).
 */
export const worstRemoval: DestroyOperator = {
  name: 'worst',
  apply(state, rng, count) {
    const n = state.problem.requestCount;
    /** Index = request: position of its pickup / drop-off in its route (−1 when unassigned). */
    const pickupPos = new Int32Array(n);
    const dropoffPos = new Int32Array(n);
    /** Index = request: objective saved by removing it. */
    const gains = new Float64Array(n);
    const candidates = state.removable();
    computeRemovalGains(state, pickupPos, dropoffPos, gains);
    for (let k = 0; k < count && candidates.length > 0; k++) {
      const idx = Math.floor(Math.pow(rng.next(), DETERMINISM) * candidates.length);
      const r = selectKth(candidates, idx, gains, -1);
      swapRemove(candidates, idx);
      const v = state.routeOf[r]!;
      if (state.remove(r)) {
        gains[r] = -Infinity;
        updateRouteRemovalGains(state, v, pickupPos, dropoffPos, gains);
      }
    }
  },
};
