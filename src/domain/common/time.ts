import { polishHolidayOn } from './polish-holidays.js';

/**
 * Dates and times of the service day. A service date is a calendar date in the organisation's
 * time zone (Europe/Warsaw); times of day are wall-clock minutes after its midnight. Plans use
 * seconds after the same midnight. Rides run between about 05:00 and 22:00, never across the
 * 02:00–03:00 DST change, so wall-clock arithmetic is exact for them (docs/DECISIONS.md).
 */

/** "HH:MM" → minutes after midnight. The input must already be validated. */
export function parseTimeOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes after midnight → "HH:MM". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Seconds after midnight → "HH:MM" (rounded to the nearest minute). */
export function formatSeconds(seconds: number): string {
  return formatMinutes(Math.round(seconds / 60));
}

/** True when "YYYY-MM-DD" names a real calendar date. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** "YYYY-MM-DD" → the Date Prisma stores in a DATE column (UTC midnight of that date). */
export function toDbDate(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

/** A DATE column's value → "YYYY-MM-DD". */
export function fromDbDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date in the given time zone, "YYYY-MM-DD". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The wall-clock time of day in the given time zone, minutes after midnight. */
export function minutesNowIn(timeZone: string, now: Date = new Date()): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return get('hour') * 60 + get('minute');
}

/** Whole days from one "YYYY-MM-DD" to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDbDate(to).getTime() - toDbDate(from).getTime()) / 86_400_000);
}

/**
 * An instant as seconds after the service day's midnight, on the organisation's wall clock (D4):
 * 09:30 on the day itself is 34,200; 01:00 the next day 90,000 (a report entered afterwards
 * stays after everything that happened that day, never back at the day's start).
 */
export function secondsAfterServiceMidnight(timeZone: string, serviceDate: string, at: Date): number {
  const days = daysBetween(serviceDate, todayIn(timeZone, at));
  return days * 86_400 + minutesNowIn(timeZone, at) * 60 + at.getUTCSeconds();
}

/**
 * "Now" in a service day's seconds: the time of day when the day is today, the whole day (24 h)
 * once it is over, null before it begins. What live edits and a plan of a day under way start from.
 */
export function serviceDayNowSec(timeZone: string, serviceDate: string, now: Date): number | null {
  const today = todayIn(timeZone, now);
  return serviceDate === today ? secondsAfterServiceMidnight(timeZone, serviceDate, now) : serviceDate < today ? 24 * 3600 : null;
}

/** ISO weekday of a "YYYY-MM-DD": 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return toDbDate(date).getUTCDay() || 7;
}

/** "YYYY-MM-DD" plus a number of days. */
export function addDays(date: string, days: number): string {
  const d = toDbDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromDbDate(d);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && polishHolidayOn(date) === null;
}

/** The next working day after the given date. */
export function nextWorkingDay(date: string): string {
  let d = addDays(date, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
