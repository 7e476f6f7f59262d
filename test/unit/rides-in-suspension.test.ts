import { describe, expect, it } from 'vitest';
import { suspensionAhead, suspensionCancelReason } from '../../src/domain/booking/rides-in-suspension.js';

describe('the days of a suspension still ahead', () => {
  const s = { from: '2026-11-20', until: '2026-11-30', reason: 'szpital' };
  it('start today when the suspension began earlier, and on its first day otherwise', () => {
    expect(suspensionAhead(s, '2026-11-23')).toEqual({ from: '2026-11-23', until: '2026-11-30' });
    expect(suspensionAhead(s, '2026-11-01')).toEqual({ from: '2026-11-20', until: '2026-11-30' });
    expect(suspensionAhead(s, '2026-11-30')).toEqual({ from: '2026-11-30', until: '2026-11-30' });
  });
  it('are none once it has ended or when there is none', () => {
    expect(suspensionAhead(s, '2026-12-01')).toBeNull();
    expect(suspensionAhead(null, '2026-11-23')).toBeNull();
  });
  it('name the suspension in the cancellation, with its reason when there is one', () => {
    expect(suspensionCancelReason(' szpital ')).toBe('zawieszenie klienta: szpital');
    expect(suspensionCancelReason('')).toBe('zawieszenie klienta');
  });
});
