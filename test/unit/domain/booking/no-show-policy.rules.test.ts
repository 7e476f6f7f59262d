import { describe, expect, it } from 'vitest';
import { countingFrom, decideNoShowStep } from '../../../../src/domain/booking/no-show-policy.rules.js';
import { NoShowPolicySchema } from '../../../../src/domain/organisation/organisation-rules.js';

const policy = NoShowPolicySchema.parse({ periodDays: 30, warnAfter: 2, suspendAfter: 3, suspensionDays: 14 });
const state = { warned: false, suspendedUntil: null, date: '2026-03-10' };

describe('no-show policy', () => {
  it('warns at warnAfter, once; suspends at suspendAfter from the next day', () => {
    expect(decideNoShowStep(policy, { ...state, noShows: 1 })).toEqual({ action: 'NONE' });
    expect(decideNoShowStep(policy, { ...state, noShows: 2 })).toEqual({ action: 'WARNING', noShows: 2 });
    expect(decideNoShowStep(policy, { ...state, noShows: 2, warned: true })).toEqual({ action: 'NONE' });
    expect(decideNoShowStep(policy, { ...state, noShows: 3, warned: true })).toEqual({ action: 'SUSPENSION', noShows: 3, from: '2026-03-11', until: '2026-03-24' });
  });

  it('does not stretch a standing suspension, and does nothing when disabled', () => {
    expect(decideNoShowStep(policy, { ...state, noShows: 4, suspendedUntil: '2026-03-20' })).toEqual({ action: 'NONE' });
    expect(decideNoShowStep(policy, { ...state, noShows: 4, suspendedUntil: '2026-03-01' }).action).toBe('SUSPENSION');
    expect(decideNoShowStep({ ...policy, enabled: false }, { ...state, noShows: 9 })).toEqual({ action: 'NONE' });
  });

  it('counts the period, and only after the last override', () => {
    expect(countingFrom(policy, '2026-03-10', null)).toBe('2026-02-09');
    expect(countingFrom(policy, '2026-03-10', '2026-03-05')).toBe('2026-03-06');
    expect(countingFrom(policy, '2026-03-10', '2025-12-01')).toBe('2026-02-09');
  });

  it('refuses a suspension before the warning', () => {
    expect(NoShowPolicySchema.safeParse({ warnAfter: 3, suspendAfter: 2 }).success).toBe(false);
  });
});
