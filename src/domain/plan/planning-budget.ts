/**
 * How long the optimiser may search for one day's plan. A gmina's day of 30 rides reaches its best
 * plan within about 2 s, while a regional day of 1,000 rides is still 5.5 % cheaper at 60 s than at
 * 10 s (DECISIONS D39): one fixed budget either keeps a small centre's dispatcher waiting for nothing or
 * leaves a large day's plan dear. So the budget grows with the day, between a floor and the
 * installation's limit.
 */

/**
 * Rides per second of optimiser time: 100 rides get 10 s, as every day did before D39. A divisor
 * rather than 0.1 s per ride, so that 33 rides get 3.3 s and not 3.3000000000000003.
 */
export const RIDES_PER_SECOND = 10;

export interface PlanningBudget {
  /** The most one solve may take (PLAN_TIME_LIMIT_SEC). */
  readonly limitSec: number;
  /** The least one solve is given, however small the day (PLAN_MIN_TIME_SEC); never above the limit. */
  readonly minSec: number;
}

/**
 * A re-solve that starts from the routes of its own round before (solveLinkedRides: the same day
 * with a few returns taken out) gets this share of the first round's time: it keeps that plan
 * unless it finds better. (A re-plan starting from the previous plan gets the whole budget, D41.)
 */
export const FROM_PLAN_SHARE = 0.25;

/** Seconds of search for a day of `rides` rides (requests in the optimiser's instance). */
export function planningSeconds(rides: number, budget: PlanningBudget, isResolve = false): number {
  const within = (seconds: number) => Math.min(budget.limitSec, Math.max(budget.minSec, seconds));
  const full = within(rides / RIDES_PER_SECOND);
  return isResolve ? within(full * FROM_PLAN_SHARE) : full;
}
