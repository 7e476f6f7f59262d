import { describe, expect, it } from 'vitest';
import { selectKth, swapRemove } from '../../../../src/solver/operators/destroy/select-kth.js';
import { Rng } from '../../../../src/solver/alns/rng.js';

describe('selectKth', () => {
  it('picks what a full sort by key then id would put at k, ties and all', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.nextInt(60);
      // Few distinct keys, so ties (broken by id) are common.
      const key = Float64Array.from({ length: n }, () => rng.nextInt(5) - 2);
      const items = Array.from({ length: n }, (_, r) => r);
      for (let k = items.length - 1; k > 0; k--) {
        const j = rng.nextInt(k + 1);
        [items[k], items[j]] = [items[j]!, items[k]!];
      }
      for (const sign of [1, -1] as const) {
        const sorted = [...items].sort((a, b) => sign * key[a]! - sign * key[b]! || a - b);
        const k = rng.nextInt(n);
        const work = [...items];
        expect(selectKth(work, k, key, sign)).toBe(sorted[k]);
        expect(work[k]).toBe(sorted[k]);
        expect([...work].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }
    }
  });

  it('removes one item by swapping the last into its place', () => {
    const items = [4, 5, 6, 7];
    swapRemove(items, 1);
    expect(items).toEqual([4, 7, 6]);
    swapRemove(items, 2);
    expect(items).toEqual([4, 7]);
  });
});
