/**
 * How the day board and the driver's page read the plan after change messages (web/src/serialised.ts,
 * D28): one read at a time, a burst of messages during a read costs one more read, never more,
 * and that read starts after the running one — so the last read is never older than the last message.
 */
import { describe, expect, it } from 'vitest';
import { serialised } from '../../web/src/serialised.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('serialised reads', () => {
  it('runs one read at a time and folds a burst into one more read after it', async () => {
    const reads: ReturnType<typeof deferred>[] = [];
    let running = 0;
    let most = 0;
    const load = serialised(() => {
      running++;
      most = Math.max(most, running);
      const d = deferred();
      reads.push(d);
      return d.promise.finally(() => running--);
    });
    void load();
    for (let i = 0; i < 5; i++) void load();
    expect(reads).toHaveLength(1);
    reads[0]!.resolve();
    await tick();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve();
    await tick();
    expect(reads).toHaveLength(2);
    expect(most).toBe(1);
    // Quiet again: the next message reads at once.
    void load();
    expect(reads).toHaveLength(3);
  });

  it('a failed read does not stop the next one', async () => {
    let calls = 0;
    const first = deferred();
    const load = serialised(() => (++calls === 1 ? first.promise : Promise.resolve()));
    const a = load();
    void load();
    first.reject(new Error('offline'));
    await expect(a).resolves.toBeUndefined();
    await tick();
    expect(calls).toBe(2);
  });
});
