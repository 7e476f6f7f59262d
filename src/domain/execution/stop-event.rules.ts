/**
 * What a driver's report at a stop does to the ride, pure (issue #8). A ride moves
 * SCHEDULED → IN_PROGRESS (picked up) → COMPLETED (dropped off), or SCHEDULED → NO_SHOW at the
 * pickup; COMPLETED and NO_SHOW are final, so every ride ends in exactly one final state.
 * A ride closed as MISSED overnight (no report came) is reopened by a late report from a phone
 * that was offline: the driver's report is what happened, and nothing a driver sent is lost.
 * Reports in the wrong order are refused with the reason, in Polish and English.
 */
import type { RideStatus } from '../booking/ride.schema.js';
import type { StopEventKind } from './stop-event.schema.js';
import { isCancelled } from '../booking/ride.rules.js';
import { formatMinutes, formatSeconds, todayIn } from '../common/time.js';

export type StopKind = 'PICKUP' | 'DROPOFF';

export type StopEventDecision =
  | { readonly ok: true; readonly move: { readonly from: RideStatus; readonly to: RideStatus } | null }
  | { readonly ok: false; readonly pl: string; readonly en: string };

export const FINAL_RIDE_STATUSES: readonly RideStatus[] = ['COMPLETED', 'NO_SHOW'];
export const isFinalRideStatus = (s: RideStatus): boolean => FINAL_RIDE_STATUSES.includes(s);

const refuse = (pl: string, en: string): StopEventDecision => ({ ok: false, pl, en });
const stay: StopEventDecision = { ok: true, move: null };

/** Decides whether a report of `kind` at a `stopKind` stop may be stored, and how the ride's status moves. */
export function decideStopEvent(kind: StopEventKind, stopKind: StopKind, rideStatus: RideStatus): StopEventDecision {
  if (isCancelled(rideStatus)) return refuse('Przejazd został odwołany — nie zgłasza się na nim zdarzeń', 'The ride was cancelled — no events can be reported on it');
  if (isFinalRideStatus(rideStatus)) {
    const what = rideStatus === 'COMPLETED' ? { pl: 'zakończony', en: 'completed' } : { pl: 'nieobecność klienta', en: 'a no-show' };
    return refuse(`Przejazd ma już stan końcowy (${what.pl}); drugi stan końcowy jest niemożliwy`, `The ride already has its final state (${what.en}); a second final state is not possible`);
  }
  if (rideStatus !== 'SCHEDULED' && rideStatus !== 'IN_PROGRESS' && rideStatus !== 'MISSED') {
    return refuse(`Przejazd nie jest w planie dnia (status: ${rideStatus})`, `The ride is not in the day's plan (status: ${rideStatus})`);
  }
  switch (kind) {
    case 'ARRIVED':
    case 'DELAYED':
      return stay;
    case 'PICKED_UP':
      if (stopKind !== 'PICKUP') return refuse('„Odebrany” zgłasza się na przystanku odbioru, nie wysiadki', '“Picked up” is reported at a pickup stop, not a drop-off');
      if (rideStatus === 'IN_PROGRESS') return refuse('Klient został już odebrany', 'The client has already been picked up');
      return { ok: true, move: { from: rideStatus, to: 'IN_PROGRESS' } };
    case 'NO_SHOW':
      if (stopKind !== 'PICKUP') return refuse('Nieobecność zgłasza się na przystanku odbioru', 'A no-show is reported at the pickup stop');
      if (rideStatus === 'IN_PROGRESS') return refuse('Klient jest już w pojeździe — nie może być nieobecny', 'The client is already on board — cannot be a no-show');
      return { ok: true, move: { from: rideStatus, to: 'NO_SHOW' } };
    case 'DROPPED_OFF':
      if (stopKind !== 'DROPOFF') return refuse('„Wysadzony” zgłasza się na przystanku wysiadki, nie odbioru', '“Dropped off” is reported at a drop-off stop, not a pickup');
      if (rideStatus !== 'IN_PROGRESS') return refuse('Nie można wysadzić klienta przed jego odebraniem', 'A client cannot be dropped off before being picked up');
      return { ok: true, move: { from: 'IN_PROGRESS', to: 'COMPLETED' } };
  }
}

/**
 * A stop's state as the driver reported it. SKIPPED: the drop-off of a ride whose client was not
 * there; CANCELLED: the ride was cancelled (in time or late) after the plan was made.
 */
export type StopState = 'PLANNED' | 'ARRIVED' | 'DONE' | 'NO_SHOW' | 'SKIPPED' | 'CANCELLED';

export interface ReportedEvent {
  readonly kind: StopEventKind;
  readonly at: Date;
  /** DELAYED: the minutes the driver gave, and when that makes them expected (seconds after midnight; null on older reports). */
  readonly delayMin?: number | null;
  readonly expectedSec?: number | null;
}

export interface StopProgress {
  readonly state: StopState;
  /** When the driver reported arriving (first report), and when the stop was done (picked up, dropped off or no-show). */
  readonly arrivedAt: Date | null;
  readonly doneAt: Date | null;
  readonly delayed: boolean;
  /** The delay the driver reported here last (newestDelayReport), or null. */
  readonly delay: { readonly minutes: number; readonly expectedSec: number | null } | null;
}

/**
 * The delay report that counts among a stop's (or a route's) reports: the newest, by when it was
 * made (`timeOf`); reports at the same time count in list order (the lists come oldest first,
 * then by arrival at the server). A driver whose jam gets worse, or clears, reports again, and
 * that replaces the earlier figure everywhere (D62): the manifest, the estimates, the hold on the
 * vehicle and the board's alert. Reports without minutes (none since D62) do not count.
 */
export function newestDelayReport<E extends { readonly kind: StopEventKind; readonly delayMin?: number | null }>(events: readonly E[], timeOf: (e: E) => number): (E & { readonly delayMin: number }) | null {
  let newest: (E & { readonly delayMin: number }) | null = null;
  for (const e of events) {
    if (e.kind !== 'DELAYED' || e.delayMin === null || e.delayMin === undefined) continue;
    if (newest === null || timeOf(e) >= timeOf(newest)) newest = e as E & { readonly delayMin: number };
  }
  return newest;
}

/**
 * When a driver reporting `delayMin` minutes late at a stop is expected there, seconds after
 * midnight. Every delay at one stop counts from the same time: the stop's planned start when the
 * first delay there was reported (its expected time less its minutes). An edit since then planned
 * the stop from the late vehicle, so counting from the stop's planned start now would add the
 * earlier delay again (15 min, then "40 min" would make 55), and a smaller figure could never be
 * given. `earlier`: the stop's newest earlier delay, null when none.
 */
export function expectedSecOfDelay(plannedStartSec: number, earlier: { readonly delayMin: number; readonly expectedSec: number | null } | null, delayMin: number): number {
  const base = earlier && earlier.expectedSec !== null ? earlier.expectedSec - earlier.delayMin * 60 : plannedStartSec;
  return base + delayMin * 60;
}

/** Folds a stop's reports (any order) and its ride's status into the stop's state and actual times. */
export function stopProgress(stopKind: StopKind, rideStatus: RideStatus, events: readonly ReportedEvent[]): StopProgress {
  const first = (k: StopEventKind) => events.filter((e) => e.kind === k).reduce<Date | null>((m, e) => (m && m <= e.at ? m : e.at), null);
  const arrivedAt = first('ARRIVED');
  const doneAt = first(stopKind === 'PICKUP' ? 'PICKED_UP' : 'DROPPED_OFF');
  const noShowAt = stopKind === 'PICKUP' ? first('NO_SHOW') : null;
  const delayed = events.some((e) => e.kind === 'DELAYED');
  const newest = newestDelayReport(events, (e) => e.at.getTime());
  const reported = { delayed, delay: newest ? { minutes: newest.delayMin, expectedSec: newest.expectedSec ?? null } : null };
  if (doneAt) return { state: 'DONE', arrivedAt, doneAt, ...reported };
  if (noShowAt) return { state: 'NO_SHOW', arrivedAt, doneAt: noShowAt, ...reported };
  if (stopKind === 'DROPOFF' && rideStatus === 'NO_SHOW') return { state: 'SKIPPED', arrivedAt, doneAt: null, ...reported };
  if (isCancelled(rideStatus)) return { state: 'CANCELLED', arrivedAt, doneAt: null, ...reported };
  return { state: arrivedAt ? 'ARRIVED' : 'PLANNED', arrivedAt, doneAt: null, ...reported };
}

/** How far ahead of the server's clock a phone's clock may run before its report is refused. */
export const REPORT_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Whether a report's time can be true of a stop of `serviceDate`: not before that day (in the
 * organisation's time zone) and not in the future beyond a phone's clock skew. A wrong time would
 * re-time the day's route from the wrong hour (the live plan counts from the service day's
 * midnight), so it is refused with the reason rather than stored; the driver's phone keeps the
 * refused report on screen. A report entered on a later day (the office catching up) is allowed.
 */
export function checkReportTime(serviceDate: string, timeZone: string, at: Date, now: Date): { pl: string; en: string } | null {
  const day = todayIn(timeZone, at);
  if (day < serviceDate) {
    return { pl: `zgłoszenie z ${day}, a przejazd jest ${serviceDate}: zdarzenie nie mogło się wydarzyć przed dniem przejazdu`, en: `the report is dated ${day} but the ride is on ${serviceDate}: it cannot have happened before the day of the ride` };
  }
  if (at.getTime() > now.getTime() + REPORT_CLOCK_SKEW_MS) {
    return { pl: 'czas zgłoszenia jest w przyszłości (sprawdź zegar telefonu)', en: 'the report’s time is in the future (check the phone’s clock)' };
  }
  return null;
}

/**
 * The minute from which a no-show may be reported at a pickup: the start of the window the client
 * was told, else the planned pickup minute (whole minutes: the phone shows the planned time
 * rounded, and a report at that minute counts). The manifest gives it to the phone, which refuses
 * an earlier tap at once, offline too (D57).
 */
export function noShowFromMin(plannedSec: number, told: { readonly fromMin: number } | null): number {
  return told ? told.fromMin : Math.floor(plannedSec / 60);
}

/**
 * A no-show may be reported only once the client had to be ready: from the start of the pickup
 * window they were last told, or, never told, from the planned pickup. A driver early at the door
 * (a walk saw one 46 minutes before the told 18:25–18:55) has not met an absent client, and a
 * no-show counts toward warnings and suspension (no-show policy) and takes the return off the plan.
 * `atSec` and `plannedSec` are seconds after the service day's midnight.
 */
export function checkNoShowTime(atSec: number, plannedSec: number, told: { readonly fromMin: number; readonly toMin: number } | null): { pl: string; en: string } | null {
  if (atSec >= noShowFromMin(plannedSec, told) * 60) return null;
  const from = told ? formatMinutes(told.fromMin) : formatSeconds(plannedSec);
  const why = told
    ? { pl: `klient ma być gotowy od ${from} (podane okno odbioru ${from}–${formatMinutes(told.toMin)})`, en: `the client was told to be ready from ${from} (pickup window ${from}–${formatMinutes(told.toMin)})` }
    : { pl: `odbiór zaplanowano na ${from}`, en: `the pickup is planned for ${from}` };
  return {
    pl: `Za wcześnie na zgłoszenie nieobecności: ${why.pl}. Zaczekaj do tej godziny albo zadzwoń do dyspozytora.`,
    en: `Too early to report a no-show: ${why.en}. Wait until then, or call the dispatcher.`,
  };
}
