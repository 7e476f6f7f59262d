/**
 * The centre's figures for a period (issue #8), what funders ask for: demand, delivery, unmet
 * demand with reasons, people served, where and why people travelled, vehicle use, fees.
 */
import { z } from 'zod';
import { DateSchema } from '../common/schemas.js';

/** Minutes late an arrive-by drop-off may be and still count in `withinTolerance` (fixed default, per request). */
export const DEFAULT_LATE_TOLERANCE_MIN = 5;

export const ReportQuerySchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    format: z.enum(['json', 'csv']).default('json'),
    lateToleranceMin: z.coerce.number().int().min(0).max(60).default(DEFAULT_LATE_TOLERANCE_MIN),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], error: 'period.order' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { path: ['to'], error: 'period.tooLong' });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** One ride of the period, as the aggregation needs it. */
export interface ReportRide {
  readonly id: string;
  readonly date: string;
  readonly clientId: string;
  readonly eligibilityGroup: string;
  readonly status: string;
  readonly purpose: string;
  readonly fundingSource: string;
  readonly distanceBand: string | null;
  /** Both ends inside the gmina: true; either end outside: false; null when a place is not classified. */
  readonly insideGmina: boolean | null;
  readonly feeGrosze: number | null;
  /** Cancelled as LATE_CANCELLED (after the cut-off when it was cancelled); null when not cancelled. */
  readonly lateCancelled: boolean | null;
  /** ARRIVE_BY: timeMin is the appointment; DEPART_AFTER: the earliest pickup (minutes after midnight). */
  readonly timeMode: 'ARRIVE_BY' | 'DEPART_AFTER';
  readonly timeMin: number;
}

/** A stop of a route as planned: times in seconds after the day's midnight. */
export interface ReportStop {
  readonly kind: 'PICKUP' | 'DROPOFF';
  readonly rideId: string;
  readonly arrivalSec: number;
  readonly serviceStartSec: number;
  readonly departureSec: number;
  /** People on board after this stop: seats taken (passengers and assistants) plus wheelchair users. */
  readonly onBoardAfter: number;
}

/** The first pickup or drop-off a driver reported for a ride, in seconds after its day's midnight. */
export interface ReportStopEvent {
  readonly rideId: string;
  readonly kind: 'PICKED_UP' | 'DROPPED_OFF';
  readonly sec: number;
}

/** A ride the newest finished plan of its day left unassigned, with the solver's reason. */
export interface ReportUnassigned {
  readonly rideId: string;
  readonly rideStatus: string;
  readonly reasonCode: string;
  readonly reasonPl: string;
  readonly reasonEn: string;
}

/** A vehicle's route in the newest finished plan of a day. */
export interface ReportRoute {
  readonly date: string;
  readonly vehicleId: string;
  readonly vehicleName: string;
  readonly distanceM: number;
  readonly startSec: number;
  readonly endSec: number;
  /** Time spent driving (depot legs included), as the plan stored it. */
  readonly drivingSec: number;
  /** The vehicle's places: seats plus wheelchair places. */
  readonly places: number;
  /** In order of the route. */
  readonly stops: readonly ReportStop[];
}

export interface ReportInput {
  readonly from: string;
  readonly to: string;
  readonly rides: readonly ReportRide[];
  readonly unassigned: readonly ReportUnassigned[];
  readonly routes: readonly ReportRoute[];
  /** Whether the centre has a booking cut-off (late cancellations are defined only then). */
  readonly hasCutoff: boolean;
  readonly events: readonly ReportStopEvent[];
  /** The centre's pickup window of depart-after rides: [time, time + this] (organisation rules). */
  readonly pickupWindowMin: number;
  /** Minutes late an arrive-by drop-off may be and count in `withinTolerance`. */
  readonly lateToleranceMin: number;
}

/**
 * Occupancy of the plans (the newest published, else newest finished, plan of each day): people
 * on board while driving. A leg from one stop to the next carries the people on board after the
 * first stop, for its planned travel time (next arrival − departure; waiting at a stop is not
 * driving). Depot legs carry no one. passengerHours = Σ people × leg hours; drivingHours = the
 * routes' driving time; averageOnBoard = passengerHours / drivingHours; placeHours = (seats +
 * wheelchair places) × drivingHours; load = passengerHours / placeHours (0–1). Null when no driving.
 */
export interface OccupancyFigures {
  readonly passengerHours: number;
  readonly drivingHours: number;
  readonly averageOnBoard: number | null;
  readonly placeHours: number;
  readonly load: number | null;
}

/** The whole fleet's figures, and the same per vehicle (sorted as `vehicles`). */
export interface Occupancy extends OccupancyFigures {
  readonly vehicles: readonly (OccupancyFigures & { readonly vehicleId: string; readonly name: string })[];
}

/**
 * On time against appointments. Times are compared by the minute (as manifests show them).
 * Reported: from the drivers' first DROPPED_OFF (arrive-by) or PICKED_UP (depart-after) report.
 * Planned: rides with no such report yet and still to be served, from the plan's start of service.
 * Arrive-by is on time at or before the appointment, within tolerance up to lateToleranceMin late;
 * depart-after is in the window [time, time + pickupWindowMin]. Rates are shares 0–1, null when
 * nothing was counted.
 */
export interface OnTime {
  readonly lateToleranceMin: number;
  readonly pickupWindowMin: number;
  readonly arriveByReported: number;
  readonly arriveByOnTime: number;
  readonly arriveByOnTimeRate: number | null;
  readonly arriveByWithinTolerance: number;
  readonly arriveByWithinToleranceRate: number | null;
  readonly arriveByPlanned: number;
  readonly arriveByPlannedOnTime: number;
  readonly arriveByPlannedOnTimeRate: number | null;
  readonly departAfterReported: number;
  readonly departAfterInWindow: number;
  readonly departAfterInWindowRate: number | null;
  readonly departAfterPlanned: number;
  readonly departAfterPlannedInWindow: number;
  readonly departAfterPlannedInWindowRate: number | null;
}

export interface CountRow {
  readonly key: string;
  readonly rides: number;
}

export interface Report {
  readonly period: { readonly from: string; readonly to: string };
  readonly rides: {
    /** Every ride booked for a day of the period, whatever became of it. */
    readonly requested: number;
    readonly completed: number;
    readonly cancelled: number;
    /** Of the cancelled, those after the day's booking cut-off (LATE_CANCELLED, decided when cancelled); null when the centre has no cut-off and none was late. */
    readonly lateCancelled: number | null;
    readonly noShows: number;
    readonly turnedDown: number;
    /** Not served: left unassigned by the newest finished plan of their day and not cancelled or turned down since, or MISSED (the day ended without them). */
    readonly unassigned: number;
    /** Still open (not in a final state, not cancelled, turned down nor missed) — e.g. days not yet driven. */
    readonly open: number;
  };
  /** Unmet demand: turned down plus unassigned (missed ones with their plan's reason, else MISSED), grouped by reason. */
  readonly unmetDemand: readonly { readonly code: string; readonly pl: string; readonly en: string; readonly rides: number }[];
  /** Unique clients with at least one completed ride, by eligibility group. */
  readonly peopleServed: { readonly total: number; readonly byEligibilityGroup: readonly { readonly key: string; readonly people: number }[] };
  /** The breakdowns below count completed rides: the service delivered. */
  readonly completedByGmina: { readonly inside: number; readonly outside: number; readonly unknown: number };
  readonly completedByDistanceBand: readonly CountRow[];
  readonly completedByPurpose: readonly CountRow[];
  readonly completedByFundingSource: readonly CountRow[];
  readonly vehicles: readonly { readonly vehicleId: string; readonly name: string; readonly days: number; readonly km: number; readonly hours: number }[];
  readonly occupancy: Occupancy;
  readonly onTime: OnTime;
  /** Sum of the fees of completed rides, in złoty (grosze / 100). */
  readonly feesDueZl: number;
}
