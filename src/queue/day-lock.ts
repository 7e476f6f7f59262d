import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A lease in Redis that keeps two workers (on any machine) from planning the same organisation
 * and day at once. The holder renews it while working; if the holder dies the lease expires.
 * Released only by its holder (compare-and-delete), never by someone whose lease ran out.
 */
export class DayLock {
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly redis: Redis,
    readonly key: string,
    private readonly token: string,
    private readonly ttlMs: number,
  ) {}

  static async acquire(redis: Redis, key: string, ttlMs = 60_000): Promise<DayLock | null> {
    const token = randomUUID();
    const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return null;
    const lock = new DayLock(redis, key, token, ttlMs);
    lock.timer = setInterval(() => void lock.renew(), Math.floor(ttlMs / 3));
    lock.timer.unref();
    return lock;
  }

  private async renew(): Promise<void> {
    await this.redis
      .eval(`if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`, 1, this.key, this.token, this.ttlMs)
      .catch(() => undefined);
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.redis.eval(`if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`, 1, this.key, this.token);
  }
}

export function planDayLockKey(prefix: string, organisationId: string, date: string): string {
  return `${prefix}:lock:plan-day:${organisationId}:${date}`;
}
