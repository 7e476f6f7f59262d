/**
 * Rules a booking must pass, pure (issue #5): the horizon, the cut-off and no two overlapping
 * rides for one client. Dates "YYYY-MM-DD", times minutes after midnight (Warsaw wall clock).
 */
import type { OrganisationRules } from '../organisation/organisation-rules.js';
import { addDays, formatMinutes, isWorkingDay, minutesNowIn, parseTimeOfDay, todayIn } from '../common/time.js';

/** The last moment a ride on `date` may be booked: [date, minutes], or null when there is no cut-off. */
export function bookingDeadline(date: string, rules: OrganisationRules): [string, number] | null {
  if (!rules.bookingCutoff) return null;
  let d = date;
  for (let k = 0; k < rules.bookingCutoff.workingDaysBefore; k++) {
    do d = addDays(d, -1);
    while (!isWorkingDay(d));
  }
  return [d, parseTimeOfDay(rules.bookingCutoff.time)];
}

export function isPastDeadline(date: string, now: { date: string; minutes: number }, rules: OrganisationRules): boolean {
  const deadline = bookingDeadline(date, rules);
  if (!deadline) return false;
  return now.date > deadline[0] || (now.date === deadline[0] && now.minutes > deadline[1]);
}

/**
 * Whether a cancellation made at `cancelledAt` of a ride on `date` is late: after the booking
 * cut-off of that day, on the centre's wall clock. null when the centre has no cut-off (late is
 * then not defined). The ONE rule behind the ride's flag and the report's count.
 */
export function isLateCancellation(date: string, cancelledAt: Date, rules: OrganisationRules, timeZone: string): boolean | null {
  if (!rules.bookingCutoff) return null;
  return isPastDeadline(date, { date: todayIn(timeZone, cancelledAt), minutes: minutesNowIn(timeZone, cancelledAt) }, rules);
}

export function isBeyondHorizon(date: string, today: string, rules: OrganisationRules): boolean {
  return date > addDays(today, rules.bookingHorizonDays);
}

/** When a ride keeps the client busy: [from, to] in minutes, from its time and the direct travel time. */
export function busyInterval(ride: { timeMode: 'ARRIVE_BY' | 'DEPART_AFTER'; timeMin: number }, directMin: number): [number, number] {
  return ride.timeMode === 'ARRIVE_BY' ? [ride.timeMin - directMin, ride.timeMin] : [ride.timeMin, ride.timeMin + directMin];
}

export function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

export function describeInterval([from, to]: [number, number]): string {
  return `${formatMinutes(Math.max(0, from))}–${formatMinutes(Math.min(24 * 60 - 1, to))}`;
}

/** A ride waits for a dispatcher when it leaves the gmina and the organisation asks for approval. */
export function needsApproval(rules: OrganisationRules, from: { insideGmina: boolean | null }, to: { insideGmina: boolean | null }): boolean {
  return rules.outOfGminaNeedsApproval && (from.insideGmina === false || to.insideGmina === false);
}

export function initialStatus(awaits: boolean): { status: 'REQUESTED' | 'APPROVED'; reason: string } {
  return awaits
    ? { status: 'REQUESTED', reason: 'poza gminą: czeka na zatwierdzenie / leaves the gmina: awaiting approval' }
    : { status: 'APPROVED', reason: 'zarezerwowany / booked' };
}

/**
 * The purpose a ride is counted under when the booking does not say (weekly rides never do): from
 * the kind of place it goes to. Without it every ride to a clinic was counted as "social".
 */
export function purposeOfDestination(kind: string): 'SOCIAL' | 'EDUCATIONAL' | 'HEALTH' {
  if (kind === 'HEALTH' || kind === 'HOSPITAL' || kind === 'REHAB') return 'HEALTH';
  if (kind === 'SCHOOL') return 'EDUCATIONAL';
  return 'SOCIAL';
}
