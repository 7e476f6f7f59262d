import type { DestroyOperator } from '../operator.js';

/** Removes `count` requests chosen uniformly at random (diversification). */
export const randomRemoval: DestroyOperator = {
  name: 'random',
  apply(state, rng, count) {
    const candidates = state.removable();
    for (let k = 0; k < count && candidates.length > 0; k++) {
      const idx = rng.nextInt(candidates.length);
      const r = candidates[idx]!;
      candidates[idx] = candidates[candidates.length - 1]!;
      candidates.pop();
      state.remove(r);
    }
  },
};
