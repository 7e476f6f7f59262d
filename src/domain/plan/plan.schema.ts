import { z } from 'zod';
import { DateSchema } from '../common/schemas.js';
import type { DelayAlertView } from './live/delay-alerts.js';

export const RequestPlanSchema = z.strictObject({
  date: DateSchema,
  /** Re-planning keeps the locked routes of the live plan in place (default true). */
  keepLocked: z.boolean().optional(),
});
export const PlanListQuerySchema = z.object({ date: DateSchema });
export const PlanQuerySchema = z.object({ include: z.enum(['geometry']).optional() });

/** The job that plans a day; its payload is validated again by the worker (queue/jobs.ts). */
export interface PlanJobPayload {
  readonly organisationId: string;
  readonly planId: string;
  readonly date: string;
  readonly revision: number;
}

export interface TravelTimesNote {
  readonly source: 'osrm' | 'estimate';
  readonly estimate: boolean;
  readonly dataVersion: string | null;
  readonly note: { readonly pl: string; readonly en: string } | null;
}

export interface PlanStopView {
  readonly sequence: number;
  readonly kind: 'PICKUP' | 'DROPOFF';
  /** Planned start of service, HH:MM. */
  readonly time: string;
  readonly arrival: string;
  readonly departure: string;
  readonly rideId: string;
  readonly client: { readonly id: string; readonly name: string };
  readonly place: { readonly id: string; readonly name: string; readonly address: string };
  readonly seatsAfter: number;
  readonly wheelchairsAfter: number;
  /** Re-estimated start of service (seconds after midnight); the planned time until reports arrive. */
  readonly etaSec: number;
  /** What the driver reported here; null before the first report. */
  readonly actual: { readonly arrivedAt: string | null; readonly doneAt: string | null; readonly status: string } | null;
  /**
   * A return whose client was not there for the ride out (NO_SHOW). It stays planned (D11: family
   * may have taken them); the board and the driver's manifest say so, to phone before going.
   */
  readonly outboundNoShow: boolean;
}

export interface EarlierPlanChangeView extends PlanChangeView {
  /** The plan of the day it was recorded on (its revision, "plan nr N"). */
  readonly planRevision: number;
}

export interface SuspendedClientInPlan {
  readonly client: { readonly id: string; readonly name: string };
  readonly from: string;
  readonly until: string;
  readonly reason: string;
  /** Their rides still booked in this plan (placed or waiting). */
  readonly rides: number;
}

/** One change of the live plan, for the dispatcher (all) and drivers (their vehicle's). */
export interface PlanChangeView {
  readonly id: string;
  readonly at: string;
  readonly kind: string;
  readonly rideId: string | null;
  readonly vehicleId: string | null;
  readonly version: number;
  readonly pl: string;
  readonly en: string;
}

export interface PlanRouteView {
  readonly vehicle: { readonly id: string; readonly name: string };
  readonly start: string;
  readonly end: string;
  readonly distanceKm: number;
  readonly hours: number;
  readonly drivingHours: number;
  /** Locked by the dispatcher: a re-plan keeps it. */
  readonly locked: boolean;
  /** "HH:MM" from which the vehicle is out of service, or null. */
  readonly outOfServiceAt: string | null;
  /** With ?include=geometry: the road route as GeoJSON (null when routing could not give it). */
  readonly geometry?: { readonly type: 'LineString'; readonly coordinates: readonly (readonly [number, number])[] } | null;
  readonly stops: readonly PlanStopView[];
}

export interface PlanView {
  readonly id: string;
  readonly date: string;
  readonly revision: number;
  readonly status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  readonly progress: number;
  readonly error: string | null;
  readonly travelTimes: TravelTimesNote | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** Raised by every edit of the live plan; send it back to detect a stale view. */
  readonly version: number;
  readonly publishedAt: string | null;
  readonly changes: readonly PlanChangeView[];
  readonly summary: {
    readonly ridesPlaced: number;
    readonly ridesUnassigned: number;
    readonly vehiclesUsed: number;
    readonly distanceKm: number;
    readonly vehicleHours: number;
  } | null;
  readonly routes: readonly PlanRouteView[];
  /** Rides of the day leaving the gmina that still wait for approval (not planned). */
  readonly awaitingApproval?: number;
  /**
   * Clients suspended on the plan's day whose rides booked before the suspension are still in
   * this plan (placed or not): someone must cancel them or lift the suspension (D59).
   */
  readonly suspendedClients?: readonly SuspendedClientInPlan[];
  /** The changes of the day's earlier plans (a re-plan starts a new list), newest first, at most 500. */
  readonly earlierChanges?: readonly EarlierPlanChangeView[];
  /** Drivers' reported delays that count now, with the told clients they make late (D62). */
  readonly delays?: readonly DelayAlertView[];
  readonly unassigned: readonly {
    readonly rideId: string;
    readonly client: { readonly id: string; readonly name: string };
    readonly from: string;
    readonly to: string;
    readonly reasonCode: string;
    readonly reason: string;
    readonly reasonEn: string;
    /**
     * For a return ride: its outbound ride when this plan carries it — the client would be taken
     * there with no way back, which the dispatcher must settle (another vehicle, a move, or a call).
     */
    readonly outboundPlanned: { readonly vehicle: string; readonly pickup: string } | null;
    /** The pickup window the client was last told for this ride, which this plan does not keep: someone must call. */
    readonly toldPickup: { readonly from: string; readonly to: string } | null;
  }[];
}
