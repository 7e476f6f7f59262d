/**
 * A cancellation is late when made after the booking cut-off of the ride's day, on the centre's
 * wall clock (the rule behind a ride's lateCancelled and the report's count).
 */
import { describe, expect, it } from 'vitest';
import { isLateCancellation } from '../../../../src/domain/booking/booking.rules.js';
import { readRules } from '../../../../src/domain/organisation/organisation-rules.js';

const WARSAW = 'Europe/Warsaw';
// Book by 12:00 on the working day before.
const rules = readRules({ bookingCutoff: { time: '12:00', workingDaysBefore: 1 } });

describe('isLateCancellation', () => {
  it('is late only after the cut-off minute, in Warsaw time', () => {
    // Tuesday 2026-11-24's rides close on Monday 23rd at 12:00 Warsaw (11:00 UTC in winter).
    expect(isLateCancellation('2026-11-24', new Date('2026-11-23T11:00:00Z'), rules, WARSAW)).toBe(false);
    expect(isLateCancellation('2026-11-24', new Date('2026-11-23T11:01:00Z'), rules, WARSAW)).toBe(true);
    expect(isLateCancellation('2026-11-24', new Date('2026-11-24T06:00:00Z'), rules, WARSAW)).toBe(true);
    // 23:30 UTC on the 22nd is already Monday 00:30 in Warsaw: still in time.
    expect(isLateCancellation('2026-11-24', new Date('2026-11-22T23:30:00Z'), rules, WARSAW)).toBe(false);
  });

  it('skips the weekend: Monday’s rides close on Friday', () => {
    expect(isLateCancellation('2026-11-30', new Date('2026-11-27T10:59:00Z'), rules, WARSAW)).toBe(false);
    expect(isLateCancellation('2026-11-30', new Date('2026-11-28T08:00:00Z'), rules, WARSAW)).toBe(true);
  });

  it('is not defined without a cut-off', () => {
    expect(isLateCancellation('2026-11-24', new Date('2026-11-24T08:00:00Z'), readRules({}), WARSAW)).toBeNull();
  });
});
