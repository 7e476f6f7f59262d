import { describe, expect, it } from 'vitest';
import { easterSunday, polishHolidayOn, polishHolidays } from '../../../../src/domain/common/polish-holidays.js';
import { nextWorkingDay } from '../../../../src/domain/common/time.js';

describe('Polish public holidays', () => {
  it.each([
    [2024, [3, 31]],
    [2025, [4, 20]],
    [2026, [4, 5]],
    [2027, [3, 28]],
    [2038, [4, 25]],
  ])('puts Easter %i on %j', (year, date) => {
    expect(easterSunday(year)).toEqual(date);
  });

  it('has the 13 statutory holidays, and Christmas Eve from 2025', () => {
    expect(polishHolidays(2024).size).toBe(13);
    expect(polishHolidays(2026).size).toBe(14);
    expect(polishHolidayOn('2024-12-24')).toBeNull();
    expect(polishHolidayOn('2026-12-24')).toBe('Wigilia Bożego Narodzenia');
  });

  it('moves Corpus Christi and Pentecost with Easter', () => {
    expect(polishHolidayOn('2026-06-04')).toBe('Boże Ciało');
    expect(polishHolidayOn('2026-05-24')).toBe('Zielone Świątki');
    expect(polishHolidayOn('2026-04-06')).toBe('Poniedziałek Wielkanocny');
  });

  it('skips holidays when looking for the next working day', () => {
    expect(nextWorkingDay('2026-11-10')).toBe('2026-11-12'); // 11 November
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07'); // Friday → Easter Monday → Tuesday
  });
});
