/**
 * Fixed-window counters in Redis, shared by every API process: failed logins per address and
 * bookings per account. A window starts at the first hit and lasts windowSec.
 */
import type { Redis } from 'ioredis';
import { AppError } from '../errors.js';

export interface RateLimit {
  readonly limit: number;
  readonly windowSec: number;
}

export async function hits(redis: Redis, key: string): Promise<number> {
  return Number((await redis.get(key)) ?? 0);
}

/** Counts one hit and answers how many the window holds now. */
export async function countHit(redis: Redis, key: string, windowSec: number): Promise<number> {
  const [[, count]] = (await redis.multi().incr(key).expire(key, windowSec, 'NX').exec()) as [[unknown, number], unknown];
  return count;
}

export function tooMany(retryMinutes: number): AppError {
  return new AppError('RATE_LIMITED', `Za dużo prób; spróbuj ponownie za ${retryMinutes} min`, {
    messageEn: `Too many attempts; try again in ${retryMinutes} min`,
  });
}
