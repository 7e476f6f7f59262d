import { describe, expect, it } from 'vitest';
import { blockRequestLayout, chunkIndices, planMatrixBlocks } from '../../../src/routing/matrix-blocks.js';

describe('planMatrixBlocks', () => {
  it('covers every (from, to) pair exactly once', () => {
    const indices = Array.from({ length: 23 }, (_, i) => i);
    const seen = new Map<string, number>();
    for (const block of planMatrixBlocks(indices, 5)) {
      for (const from of block.from) for (const to of block.to) seen.set(`${from}:${to}`, (seen.get(`${from}:${to}`) ?? 0) + 1);
    }
    expect(seen.size).toBe(23 * 23);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
  });

  it('keeps sources × destinations within the square of the max table size, as osrm-routed checks', () => {
    const blocks = planMatrixBlocks(Array.from({ length: 2000 }, (_, i) => i), 100);
    expect(blocks).toHaveLength(400);
    expect(Math.max(...blocks.map((b) => b.from.length * b.to.length))).toBe(100 * 100);
  });

  it('plans nothing for no points', () => {
    expect(planMatrixBlocks([], 100)).toEqual([]);
  });

  it('refuses a block size that is not a positive integer', () => {
    expect(() => chunkIndices([1, 2], 0)).toThrow(RangeError);
  });
});

describe('blockRequestLayout', () => {
  it('sends a diagonal block once without sources or destinations', () => {
    const chunk = [4, 5, 6];
    expect(blockRequestLayout({ from: chunk, to: chunk })).toEqual({ coordinateIndices: [4, 5, 6] });
  });

  it('sends an off-diagonal block as sources then destinations', () => {
    expect(blockRequestLayout({ from: [0, 1], to: [7, 8, 9] })).toEqual({
      coordinateIndices: [0, 1, 7, 8, 9],
      sources: [0, 1],
      destinations: [2, 3, 4],
    });
  });
});
