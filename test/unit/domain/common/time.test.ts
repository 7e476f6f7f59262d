import { describe, expect, it } from 'vitest';
import { daysBetween, formatMinutes, formatSeconds, isCalendarDate, nextWorkingDay, parseTimeOfDay, secondsAfterServiceMidnight, todayIn, serviceDayNowSec } from '../../../../src/domain/common/time.js';

describe('service-day time', () => {
  it('says where now falls in a service day: its time on the day, the whole day after, nothing before', () => {
    const now = new Date('2026-11-24T07:10:00Z'); // 08:10 in Warsaw
    expect(serviceDayNowSec('Europe/Warsaw', '2026-11-24', now)).toBe(8 * 3600 + 10 * 60);
    expect(serviceDayNowSec('Europe/Warsaw', '2026-11-23', now)).toBe(24 * 3600);
    expect(serviceDayNowSec('Europe/Warsaw', '2026-11-25', now)).toBeNull();
  });

  it('converts between HH:MM and minutes after midnight', () => {
    expect(parseTimeOfDay('08:30')).toBe(510);
    expect(formatMinutes(510)).toBe('08:30');
    expect(formatSeconds(8 * 3600 + 29 * 60 + 40)).toBe('08:30');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('takes today in Warsaw, not in UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Warsaw (summer time, UTC+2).
    expect(todayIn('Europe/Warsaw', new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(todayIn('UTC', new Date('2026-03-31T23:30:00Z'))).toBe('2026-03-31');
  });

  it('skips the weekend to find the next working day', () => {
    expect(nextWorkingDay('2026-11-20')).toBe('2026-11-23'); // Friday → Monday
    expect(nextWorkingDay('2026-11-23')).toBe('2026-11-24');
  });

  it('counts an instant from the service day’s midnight on the Warsaw clock, past midnight too', () => {
    expect(daysBetween('2026-11-24', '2026-11-25')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the spring DST change
    // 09:30 in Warsaw (UTC+1) on the day itself.
    expect(secondsAfterServiceMidnight('Europe/Warsaw', '2026-11-24', new Date('2026-11-24T08:30:15Z'))).toBe(9 * 3600 + 30 * 60 + 15);
    // Entered at 01:00 the next day: after the whole day, not back at its start.
    expect(secondsAfterServiceMidnight('Europe/Warsaw', '2026-11-24', new Date('2026-11-25T00:00:00Z'))).toBe(25 * 3600);
    // The evening before is negative: before anything of the day.
    expect(secondsAfterServiceMidnight('Europe/Warsaw', '2026-11-24', new Date('2026-11-23T21:00:00Z'))).toBe(-2 * 3600);
  });
});
