/** The web app's times are Warsaw's, also on the nights the clocks change (issue #6). */
import { describe, expect, it } from 'vitest';
import { isUnusualHour, clockOfSeconds, dayLabel, minutesEarly, shownClock, warsawClock, warsawDateTime, warsawOffset } from '../../web/src/time.js';

describe('Warsaw times in the web app', () => {
  it('moves the clock forward on 2026-03-29: 02:00 CET becomes 03:00 CEST', () => {
    expect(warsawClock('2026-03-29T00:30:00Z')).toBe('01:30');
    expect(warsawOffset('2026-03-29T00:30:00Z')).toBe('+01:00');
    // One real hour later the clock skips 02:xx.
    expect(warsawClock('2026-03-29T01:30:00Z')).toBe('03:30');
    expect(warsawOffset('2026-03-29T01:30:00Z')).toBe('+02:00');
    expect(warsawDateTime('2026-03-29T01:30:00Z', 'pl')).toBe('29.03.2026, 03:30');
    expect(warsawDateTime('2026-03-29T01:30:00Z', 'en')).toBe('29/03/2026, 03:30');
  });

  it('moves the clock back on 2026-10-25: 02:30 happens twice, an hour apart', () => {
    expect(warsawClock('2026-10-25T00:30:00Z')).toBe('02:30');
    expect(warsawOffset('2026-10-25T00:30:00Z')).toBe('+02:00');
    expect(warsawClock('2026-10-25T01:30:00Z')).toBe('02:30');
    expect(warsawOffset('2026-10-25T01:30:00Z')).toBe('+01:00');
    expect(warsawClock('2026-10-25T02:30:00Z')).toBe('03:30');
    // Late evening UTC is already the next day in Warsaw.
    expect(warsawDateTime('2026-10-24T22:30:00Z', 'pl')).toBe('25.10.2026, 00:30');
    expect(warsawDateTime('2026-10-25T23:30:00Z', 'pl')).toBe('26.10.2026, 00:30');
  });

  it('names the service day itself, whatever the season', () => {
    expect(dayLabel('2026-03-29', 'pl')).toBe('niedziela, 29 marca 2026');
    expect(dayLabel('2026-10-25', 'en')).toMatch(/^Sunday,? 25 October 2026$/);
  });

  it('reads plan seconds and API clocks', () => {
    expect(clockOfSeconds(8 * 3600 + 5 * 60)).toBe('08:05');
    expect(clockOfSeconds(8 * 3600 + 5 * 60 + 31)).toBe('08:06');
    expect(shownClock('07:45')).toBe('07:45');
    expect(shownClock('2026-03-29T05:15:00Z')).toBe('07:15');
  });

  it('says how early a report comes against the stop’s planned time, on the stop’s own day only', () => {
    // 09:41 in Warsaw (CET) on the 24th, a 12:30 return.
    const now = new Date('2026-11-24T08:41:00Z');
    expect(minutesEarly({ date: '2026-11-24', time: '12:30' }, now)).toBe(169);
    expect(minutesEarly({ date: '2026-11-24', time: '09:30' }, now)).toBe(0);
    // Typed in the next day, or the day before: not a slip of the finger on the road.
    expect(minutesEarly({ date: '2026-11-25', time: '12:30' }, now)).toBe(0);
    expect(minutesEarly({ date: '2026-11-23', time: '12:30' }, now)).toBe(0);
  });
});

describe('isUnusualHour', () => {
  it('flags the small hours and the late evening, not the day', () => {
    expect(['04:30', '05:59', '21:01', '23:15'].map(isUnusualHour)).toEqual([true, true, true, true]);
    expect(['06:00', '08:30', '16:30', '21:00'].map(isUnusualHour)).toEqual([false, false, false, false]);
  });
});
