import { describe, expect, it } from 'vitest';
import { patternDates } from '../../../../src/domain/booking/recurring-dates.js';

describe('the days a weekly pattern runs on', () => {
  it('takes its weekdays inside its dates, skipping public holidays and exceptions', () => {
    // Mondays and Wednesdays; 11 November 2026 (a Wednesday) is Independence Day.
    const days = patternDates({ weekdays: [1, 3], startDate: '2026-11-01', endDate: '2026-11-20', exceptDates: ['2026-11-16'] }, '2026-10-01', '2026-12-31');
    expect(days).toEqual(['2026-11-02', '2026-11-04', '2026-11-09', '2026-11-18']);
  });

  it('runs to the end of the range when the pattern has no end', () => {
    expect(patternDates({ weekdays: [5], startDate: '2026-01-01', endDate: null, exceptDates: [] }, '2026-12-01', '2026-12-31')).toEqual([
      '2026-12-04', '2026-12-11', '2026-12-18', // 25 December is a holiday
    ]);
  });

  it('gives nothing outside the pattern’s dates', () => {
    expect(patternDates({ weekdays: [1, 2, 3, 4, 5], startDate: '2027-01-01', endDate: null, exceptDates: [] }, '2026-12-01', '2026-12-31')).toEqual([]);
  });
});
