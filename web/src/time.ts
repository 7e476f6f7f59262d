/**
 * Times shown to people, always on the centre's clock (Europe/Warsaw), whatever the computer's
 * own zone. Pure (no DOM), so it is unit-tested in Node across the DST changes.
 */
export type TimeLang = 'pl' | 'en';

const ZONE = 'Europe/Warsaw';
const LOCALE: Record<TimeLang, string> = { pl: 'pl-PL', en: 'en-GB' };

/** Today's date in Warsaw (the service day), YYYY-MM-DD, plus `days`. */
export function warsawDate(days = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "HH:MM" → minutes after midnight. */
export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** HH:MM in Warsaw of an instant (ISO string or Date). */
export function warsawClock(instant: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** Day and time in Warsaw, in the page's language, e.g. "29.03.2026, 03:30" / "29/03/2026, 03:30". */
export function warsawDateTime(instant: string | Date, lang: TimeLang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** The Warsaw UTC offset of an instant, "+01:00" (winter) or "+02:00" (summer). */
export function warsawOffset(instant: string | Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName')?.value;
  return part === 'GMT' || !part ? '+00:00' : part.replace('GMT', '');
}

/** Seconds after the service day's midnight (the plan's clock) → HH:MM. */
export function clockOfSeconds(sec: number): string {
  const m = Math.round(sec / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** An API time that may be HH:MM already or an ISO instant → HH:MM in Warsaw. */
export function shownClock(value: string): string {
  return /^\d{2}:\d{2}$/.test(value) ? value : warsawClock(value);
}

/** A long day label, e.g. "niedziela, 29 marca 2026" / "Sunday 29 March 2026". */
export function dayLabel(date: string, lang: TimeLang): string {
  // Noon UTC of a YYYY-MM-DD is the same calendar day in Warsaw in every season.
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * How many minutes before its planned time a stop is being reported now, on its own day; 0 when
 * not early (or on another day: a report typed in the next day is no slip of the finger). A
 * pickup reported hours early (a 12:30 return "picked up" at 09:41) is almost always the wrong
 * card, and it would start the ride's clock.
 */
export function minutesEarly(stop: { date: string; time: string }, now: Date): number {
  if (stop.date !== warsawDate(0, now)) return 0;
  return Math.max(0, toMinutes(stop.time) - toMinutes(warsawClock(now)));
}

/**
 * A time a caseworker most likely mistyped (04:30 for 16:30): before 06:00 or after 21:00. The
 * booking form asks once before sending it; the API keeps such a ride with only a warning, as a
 * dispatcher may add a shift.
 */
export function isUnusualHour(hhmm: string): boolean {
  const m = toMinutes(hhmm);
  return m < 6 * 60 || m > 21 * 60;
}
