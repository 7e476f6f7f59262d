/** Which days a weekly pattern runs on (pure). */
import { polishHolidayOn } from '../common/polish-holidays.js';
import { addDays, isoWeekday } from '../common/time.js';

export interface WeeklyPattern {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
  readonly startDate: string;
  readonly endDate: string | null;
  readonly exceptDates: readonly string[];
}

/**
 * The pattern's days between `from` and `until` (both included): on its weekdays, inside its
 * dates, except its exceptions and Polish public holidays.
 */
export function patternDates(p: WeeklyPattern, from: string, until: string): string[] {
  const first = p.startDate > from ? p.startDate : from;
  const last = p.endDate && p.endDate < until ? p.endDate : until;
  const except = new Set(p.exceptDates);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (p.weekdays.includes(isoWeekday(d)) && !except.has(d) && polishHolidayOn(d) === null) days.push(d);
  }
  return days;
}
