/**
 * A route of the live plan as the day stands (issue #8), pure: which stops are behind the
 * vehicle (driven), where and when it is now (its anchor), who is on board, and what remains.
 * Every live edit changes only what remains; the driven stops and on-board passengers are fixed.
 */
import type { StopEventKind } from '../../execution/stop-event.schema.js';
import { newestDelayReport } from '../../execution/stop-event.rules.js';
import type { PlanningRide, PlanningVehicle } from '../build-plan-instance.js';

export interface LiveStopEvent {
  readonly kind: StopEventKind;
  /** Seconds after the service day's midnight (wall clock). */
  readonly sec: number;
  readonly delayMin: number | null;
  /** DELAYED: when the driver expects to be at the stop (seconds after midnight); absent on older reports. */
  readonly expectedSec?: number | null;
  /** The stored report's id, when read from the database (names a delay on the board). */
  readonly id?: string;
}

export interface LiveStop {
  readonly id: string;
  readonly sequence: number;
  readonly kind: 'PICKUP' | 'DROPOFF';
  readonly rideId: string;
  readonly placeId: string;
  readonly arrivalSec: number;
  readonly serviceStartSec: number;
  readonly departureSec: number;
  readonly events: readonly LiveStopEvent[];
}

export interface LiveRouteInput {
  readonly routeId: string;
  readonly vehicle: PlanningVehicle & { readonly name: string };
  readonly locked: boolean;
  readonly outOfServiceMin: number | null;
  readonly startSec: number;
  readonly distanceM: number;
  readonly drivingSec: number;
  readonly stops: readonly LiveStop[];
  /**
   * A delay held back the anchor when the route was last written (the route row's lateFromSec):
   * free from `fromSec` at the driven stop `afterStopId` (null: at the depot). It binds while
   * that stop is still the last one reported; the DELAYED report may be on a stop that edit or
   * re-plan dropped (D56). `reportedSec`: when the report it comes from was made (null on rows
   * written before D62), so a newer report on the route replaces it.
   */
  readonly storedLate?: { readonly fromSec: number; readonly afterStopId: string | null; readonly reportedSec?: number | null } | null;
}

/** A driver's delay as reported on a stop of the route (the newest DELAYED report counts, D62). */
export interface Announcement {
  readonly stopId: string;
  /** When the driver expects to be at that stop, seconds after midnight. */
  readonly expectedSec: number;
  readonly delayMin: number;
  /** When the report was made, seconds after midnight. */
  readonly reportedSec: number;
  readonly eventId: string | null;
}

export interface LiveRoute extends LiveRouteInput {
  /** Stops up to the last one the driver reported on (arrived, picked up, dropped off, no-show): they never move. */
  readonly driven: readonly LiveStop[];
  /** The stops still ahead, in order. */
  readonly remaining: readonly LiveStop[];
  /** Where the vehicle is and from when it is free to go on. */
  readonly anchor: { readonly placeId: string; readonly sec: number };
  /** When a driver's announced delay holds the anchor back (D55): free from then, and no earlier. */
  readonly lateFromSec: number | null;
  /** When the report behind lateFromSec was made (null with it, or for a hold stored before D62). */
  readonly lateReportedSec: number | null;
  /**
   * The delay that counts on this route, when it is a report on a stop still ahead: the newest
   * such report, unless the route row's hold comes from a newer one (whose stop has gone). Null
   * when none counts.
   */
  readonly announced: Announcement | null;
  /** Rides picked up and not yet dropped off: their drop-offs stay on this vehicle. */
  readonly onBoard: readonly { readonly rideId: string; readonly pickedUpSec: number }[];
}

const MOVES_VEHICLE: readonly StopEventKind[] = ['ARRIVED', 'PICKED_UP', 'DROPPED_OFF', 'NO_SHOW'];
const DONE: readonly StopEventKind[] = ['PICKED_UP', 'DROPPED_OFF', 'NO_SHOW'];

/** A stop is behind the vehicle once the driver reported being there; a DELAYED report is not. */
export const isReported = (s: LiveStop): boolean => s.events.some((e) => MOVES_VEHICLE.includes(e.kind));

export function doneSecOf(s: LiveStop): number | null {
  const done = s.events.filter((e) => DONE.includes(e.kind)).map((e) => e.sec);
  return done.length ? Math.min(...done) : null;
}

/** When a DELAYED report makes the driver expected at `s`; older reports carry only minutes, counted from the stop's planned time. */
const expectedOf = (s: LiveStop, e: LiveStopEvent & { delayMin: number }): number => e.expectedSec ?? s.serviceStartSec + e.delayMin * 60;

/**
 * When the driver said they would be at this stop (DELAYED): the newest such report, which
 * replaces the earlier ones (D62: 15 min, then 40 as the jam grows, then 25); null when none.
 */
export function announcedSecOf(s: LiveStop): number | null {
  const newest = newestDelayReport(s.events, (e) => e.sec);
  return newest ? expectedOf(s, newest) : null;
}

/**
 * The delay the driver reported last on any of `stops` (those still ahead): it is the vehicle's
 * lateness now. An older report on another stop (made before an edit put a stop in front of it)
 * is what the driver said then, not now.
 */
export function newestAnnouncement(stops: readonly LiveStop[]): Announcement | null {
  const reports = stops.flatMap((s) => s.events.map((e) => ({ ...e, stop: s })));
  const newest = newestDelayReport(reports, (e) => e.sec);
  if (!newest) return null;
  return { stopId: newest.stop.id, expectedSec: expectedOf(newest.stop, newest), delayMin: newest.delayMin, reportedSec: newest.sec, eventId: newest.id ?? null };
}

/**
 * The earliest the vehicle can be free at its anchor, given what its driver announced (D55): a
 * driver "20 min late" at a stop ahead cannot be there before that, so the vehicle is not free
 * before that time less the planned driving and service between the anchor and that stop (waits
 * left out: a delay eats them). The delay belongs to the vehicle, so any edit or re-plan that
 * starts from the anchor plans with it, whichever stops stay on the route.
 */
function announcedFloor(remaining: readonly LiveStop[], departedSec: number, announced: Announcement): number {
  let needed = 0;
  let previousDeparture = departedSec;
  for (const s of remaining) {
    // Planned legs: arrival = the previous departure + driving (waits sit before service start).
    needed += Math.max(0, s.arrivalSec - previousDeparture);
    if (s.id === announced.stopId) return announced.expectedSec - needed;
    needed += s.departureSec - s.serviceStartSec;
    previousDeparture = s.departureSec;
  }
  return -Infinity;
}

export function arrivedSecOf(s: LiveStop): number | null {
  const arrived = s.events.filter((e) => e.kind === 'ARRIVED').map((e) => e.sec);
  return arrived.length ? Math.min(...arrived) : null;
}

/**
 * Splits a route at its last reported stop. `nowSec` (null for a day not yet begun) is the
 * earliest the vehicle can do anything more: nothing is planned in the past.
 */
export function liveRouteOf(input: LiveRouteInput, nowSec: number | null): LiveRoute {
  let last = -1;
  input.stops.forEach((s, i) => {
    if (isReported(s)) last = i;
  });
  const driven = input.stops.slice(0, last + 1);
  const remaining = input.stops.slice(last + 1);
  const lastStop = driven.at(-1);
  const floor = nowSec ?? -Infinity;
  let anchor: LiveRoute['anchor'];
  // The stored delay still holds while the vehicle has reported nothing since it was written. A
  // report on a stop ahead made after the one it came from replaces it, smaller or larger (D62):
  // the newest word of the driver counts. A hold stored before D62 does not know its report's
  // time and gives way to any report on the route.
  const stored = input.storedLate && input.storedLate.afterStopId === (lastStop?.id ?? null) ? input.storedLate : null;
  const reported = newestAnnouncement(remaining);
  const storedWins = stored !== null && (reported === null || (stored.reportedSec ?? -Infinity) > reported.reportedSec);
  const announced = storedWins ? null : reported;
  const late = storedWins ? stored.fromSec : announced ? announcedFloor(remaining, lastStop ? lastStop.departureSec : input.startSec, announced) : -Infinity;
  if (lastStop) {
    const done = doneSecOf(lastStop);
    const arrived = arrivedSecOf(lastStop);
    // Arrived but not yet done: the service still takes its planned time from arrival.
    const free = done ?? (arrived !== null ? arrived + (lastStop.departureSec - lastStop.serviceStartSec) : lastStop.departureSec);
    anchor = { placeId: lastStop.placeId, sec: Math.max(free, floor, late) };
  } else {
    anchor = { placeId: input.vehicle.depotPlaceId, sec: Math.max(input.vehicle.shiftStartMin * 60, floor, late) };
  }
  // A driven pickup whose drop-off is still ahead: the client is on board (or being helped in).
  const onBoard = driven
    .filter((s) => s.kind === 'PICKUP' && !s.events.some((e) => e.kind === 'NO_SHOW') && remaining.some((r) => r.rideId === s.rideId && r.kind === 'DROPOFF'))
    .map((s) => ({ rideId: s.rideId, pickedUpSec: doneSecOf(s) ?? arrivedSecOf(s) ?? s.serviceStartSec }));
  const binds = anchor.sec === late;
  const lateReportedSec = storedWins ? (stored.reportedSec ?? null) : (announced?.reportedSec ?? null);
  return { ...input, driven, remaining, anchor, onBoard, lateFromSec: binds ? late : null, lateReportedSec: binds ? lateReportedSec : null, announced };
}

/** What the instance builder needs of each ride in the live plan. */
export type LiveRide = PlanningRide & { readonly fromName: string; readonly toName: string };
