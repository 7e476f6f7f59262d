import type { Problem } from '../model/problem.js';

/**
 * Up to this many requests (Cordeau, Li & Lim, a gmina's day) iterations are plentiful and the
 * search is tuned for them. Above it (the regional day: 1,000 requests) every iteration counts and
 * the search runs differently (DECISIONS D33, D36): see Alns.run and destroyOperatorsFor.
 */
export const LARGE_INSTANCE_REQUESTS = 200;

export function isLargeInstance(p: Problem): boolean {
  return p.requestCount > LARGE_INSTANCE_REQUESTS;
}
