/**
 * The centre's figures for a period (issue #8), what funders ask for: demand, delivery, unmet
 * demand with reasons, people served, where and why people travelled, vehicle use, fees.
 */
import { z } from 'zod';
import { DateSchema } from '../common/schemas.js';

export const ReportQuerySchema = z
  .object({ from: DateSchema, to: DateSchema, format: z.enum(['json', 'csv']).default('json') })
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
  /** Cancelled after the booking cut-off of its day; null when not cancelled or the centre has no cut-off. */
  readonly lateCancelled: boolean | null;
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
}

export interface ReportInput {
  readonly from: string;
  readonly to: string;
  readonly rides: readonly ReportRide[];
  readonly unassigned: readonly ReportUnassigned[];
  readonly routes: readonly ReportRoute[];
  /** Whether the centre has a booking cut-off (late cancellations are defined only then). */
  readonly hasCutoff: boolean;
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
    /** Of the cancelled, those after the day's booking cut-off; null when the centre has no cut-off. */
    readonly lateCancelled: number | null;
    readonly noShows: number;
    readonly turnedDown: number;
    /** Left unassigned by the newest finished plan of their day and not cancelled or turned down since. */
    readonly unassigned: number;
    /** Still open (not in a final state, not cancelled nor turned down) — e.g. days not yet driven. */
    readonly open: number;
  };
  /** Unmet demand: turned down plus unassigned, grouped by reason. */
  readonly unmetDemand: readonly { readonly code: string; readonly pl: string; readonly en: string; readonly rides: number }[];
  /** Unique clients with at least one completed ride, by eligibility group. */
  readonly peopleServed: { readonly total: number; readonly byEligibilityGroup: readonly { readonly key: string; readonly people: number }[] };
  /** The breakdowns below count completed rides: the service delivered. */
  readonly completedByGmina: { readonly inside: number; readonly outside: number; readonly unknown: number };
  readonly completedByDistanceBand: readonly CountRow[];
  readonly completedByPurpose: readonly CountRow[];
  readonly completedByFundingSource: readonly CountRow[];
  readonly vehicles: readonly { readonly vehicleId: string; readonly name: string; readonly days: number; readonly km: number; readonly hours: number }[];
  /** Sum of the fees of completed rides, in złoty (grosze / 100). */
  readonly feesDueZl: number;
}
