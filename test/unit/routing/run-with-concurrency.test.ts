import { describe, expect, it } from 'vitest';
import { runWithConcurrency } from '../../../src/routing/run-with-concurrency.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('runWithConcurrency', () => {
  it('runs every item with no more than the limit in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: number[] = [];
    await runWithConcurrency(Array.from({ length: 20 }, (_, i) => i), 4, async (item) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick();
      inFlight--;
      done.push(item);
    });
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(4);
  });

  it('rejects with the first failure and starts no new task after it', async () => {
    const started: number[] = [];
    const run = runWithConcurrency(Array.from({ length: 10 }, (_, i) => i), 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 1) throw new Error('block 1 failed');
    });
    await expect(run).rejects.toThrow('block 1 failed');
    expect(started.length).toBeLessThan(10);
  });
});
