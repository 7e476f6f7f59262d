import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DayLock } from '../../../src/queue/day-lock.js';

const redis = new Redis(inject('redisUrl'));
const key = () => `${inject('queuePrefix')}:lock-test:${randomBytes(4).toString('hex')}`;
afterAll(() => redis.disconnect());

describe('the day lock', () => {
  it('is held by one worker at a time and free again once released', async () => {
    const k = key();
    const first = await DayLock.acquire(redis, k, 5000);
    expect(first).not.toBeNull();
    expect(await DayLock.acquire(redis, k, 5000)).toBeNull();
    await first!.release();
    const again = await DayLock.acquire(redis, k, 5000);
    expect(again).not.toBeNull();
    await again!.release();
  });

  it('expires when its holder stops renewing it, and a late release does not free the next holder', async () => {
    const k = key();
    const dead = await DayLock.acquire(redis, k, 1000);
    // Simulate a dead holder: the key expires without renewal.
    await redis.pexpire(k, 1);
    await new Promise((r) => setTimeout(r, 20));
    const next = await DayLock.acquire(redis, k, 5000);
    expect(next).not.toBeNull();
    await dead!.release();
    expect(await redis.exists(k)).toBe(1);
    await next!.release();
    expect(await redis.exists(k)).toBe(0);
  });
});
