/**
 * Pure helpers for rides awaiting approval, shared by the booking page and the day board; no DOM,
 * so they are unit-tested in Node.
 */
import type { TimeLang } from './time.js';

/** A booking's answer: booked, or only sent to the dispatcher (a leg awaits approval). */
export function bookingOutcome(rides: readonly ({ readonly status: string } | null)[]): 'booked' | 'awaitingApproval' {
  return rides.some((r) => r?.status === 'REQUESTED') ? 'awaitingApproval' : 'booked';
}

/** The days with rides awaiting approval other than the one on the board, in date order. */
export function otherAwaitingDays<T extends { readonly date: string; readonly count: number }>(days: readonly T[], shown: string): T[] {
  return days.filter((d) => d.date !== shown && d.count > 0).sort((a, b) => a.date.localeCompare(b.date));
}

/** A short day for a button: "śr 25.11" / "Wed 25/11". */
export function shortDay(date: string, lang: TimeLang): string {
  // Noon UTC of a YYYY-MM-DD is the same calendar day in Warsaw in every season.
  const at = new Date(`${date}T12:00:00Z`);
  const weekday = new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { timeZone: 'Europe/Warsaw', weekday: 'short' }).format(at);
  const [, month, day] = date.split('-');
  return `${weekday.replace(/\.$/, '')} ${day}${lang === 'pl' ? '.' : '/'}${month}`;
}

/**
 * Who did something, for the page: the person's or token's name; a weekly pattern's daily job as
 * such; else the stored actor (the server names everyone it can).
 */
export function actorLabel(who: { readonly actor: string; readonly name: string | null }, words: { recurring: string; unknown: string }): string {
  if (who.name) return who.name;
  if (who.actor === 'recurring') return words.recurring;
  return who.actor || words.unknown;
}
