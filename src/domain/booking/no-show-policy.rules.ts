/**
 * The no-show policy, pure (issue #5): `warnAfter` no-shows within `periodDays` days bring a
 * warning, `suspendAfter` a suspension of `suspensionDays` days starting the next day. Counted are
 * no-shows on service days in the period and after the dispatcher's last override.
 */
import type { NoShowPolicy } from '../organisation/organisation-rules.js';
import { addDays } from '../common/time.js';

/** The first service day counted for a no-show on `date`: the period, not before the override. */
export function countingFrom(policy: NoShowPolicy, date: string, overrideDate: string | null): string {
  const periodStart = addDays(date, -(policy.periodDays - 1));
  return overrideDate && overrideDate >= periodStart ? addDays(overrideDate, 1) : periodStart;
}

export type PolicyStep =
  | { readonly action: 'NONE' }
  | { readonly action: 'WARNING'; readonly noShows: number }
  | { readonly action: 'SUSPENSION'; readonly noShows: number; readonly from: string; readonly until: string };

export function decideNoShowStep(
  policy: NoShowPolicy,
  state: { noShows: number; warned: boolean; suspendedUntil: string | null; date: string },
): PolicyStep {
  if (!policy.enabled) return { action: 'NONE' };
  const from = addDays(state.date, 1);
  if (state.noShows >= policy.suspendAfter) {
    // Already suspended past tomorrow: the suspension stands, it is not stretched by each no-show.
    if (state.suspendedUntil && state.suspendedUntil >= from) return { action: 'NONE' };
    return { action: 'SUSPENSION', noShows: state.noShows, from, until: addDays(state.date, policy.suspensionDays) };
  }
  if (state.noShows >= policy.warnAfter && !state.warned) return { action: 'WARNING', noShows: state.noShows };
  return { action: 'NONE' };
}

export function suspensionReason(noShows: number, periodDays: number): string {
  return `${noShows} nieobecności (no-show) w ciągu ${periodDays} dni — zawieszenie automatyczne / ${noShows} no-shows within ${periodDays} days — automatic suspension`;
}

export function warningReason(noShows: number, periodDays: number): string {
  return `${noShows} nieobecności (no-show) w ciągu ${periodDays} dni — ostrzeżenie / ${noShows} no-shows within ${periodDays} days — warning`;
}
