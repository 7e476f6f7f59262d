import { z } from 'zod';
import { DateSchema, IdSchema, TimeOfDaySchema } from '../common/schemas.js';
import { parseTimeOfDay } from '../common/time.js';

export const RideStatuses = ['REQUESTED', 'APPROVED', 'SCHEDULED', 'CANCELLED', 'LATE_CANCELLED', 'TURNED_DOWN', 'IN_PROGRESS', 'COMPLETED', 'NO_SHOW', 'MISSED'] as const;
export const RideStatusSchema = z.enum(RideStatuses);
export type RideStatus = z.infer<typeof RideStatusSchema>;

/** Purposes of the service (activation); medical transport is outside it and refused with the reason. */
export const RidePurposes = ['SOCIAL', 'PROFESSIONAL', 'EDUCATIONAL', 'HEALTH'] as const;
export const RidePurposeSchema = z
  .enum([...RidePurposes, 'MEDICAL_TRANSPORT'])
  .refine((p) => p !== 'MEDICAL_TRANSPORT', { error: 'exclusion.medical' })
  .transform((p) => p as (typeof RidePurposes)[number]);
export const FundingSources = ['CENTRE_BUDGET', 'EU_PROJECT', 'PFRON', 'OTHER'] as const;

/**
 * A booking: one outbound ride and, optionally, the return. Exactly one of arriveBy
 * (an appointment) and departAfter is given. Wheelchair and assistant default from the client.
 */
export const BookRideSchema = z
  .strictObject({
    clientId: IdSchema,
    date: DateSchema,
    /** Defaults to the client's home. */
    fromPlaceId: IdSchema.optional(),
    toPlaceId: IdSchema,
    arriveBy: TimeOfDaySchema.optional(),
    departAfter: TimeOfDaySchema.optional(),
    wheelchair: z.boolean().optional(),
    assistant: z.boolean().optional(),
    notes: z.string().trim().max(500).optional(),
    /** Defaults from the destination's kind (purposeOfDestination). */
    purpose: RidePurposeSchema.optional(),
    /** Which of the centre's services the ride serves, e.g. "rehabilitacja". */
    serviceName: z.string().trim().min(1).max(100).optional(),
    fundingSource: z.enum(FundingSources).default('CENTRE_BUDGET'),
    return: z.strictObject({ departAfter: TimeOfDaySchema }).optional(),
    /** Accept a booking after the organisation's cut-off (dispatchers only, once accounts exist: issue #7). */
    overrideCutoff: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.arriveBy === undefined) === (b.departAfter === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['arriveBy'],
        message: 'ride.oneTime',
      });
    }
    if (b.fromPlaceId !== undefined && b.fromPlaceId === b.toPlaceId) {
      ctx.addIssue({ code: 'custom', path: ['toPlaceId'], message: 'ride.samePlace' });
    }
    const outbound = b.arriveBy ?? b.departAfter;
    if (b.return && outbound && parseTimeOfDay(b.return.departAfter) <= parseTimeOfDay(outbound)) {
      ctx.addIssue({ code: 'custom', path: ['return', 'departAfter'], message: 'ride.returnAfter' });
    }
  });
export type BookRide = z.infer<typeof BookRideSchema>;

/**
 * Either a day's rides (`date`), or one client's rides over a period (`clientId`, `from`, `to`,
 * at most 366 days): the client card shows what is coming and what has been, in one request.
 */
export const RideListQuerySchema = z
  .object({
    date: DateSchema.optional(),
    clientId: IdSchema.optional(),
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    status: RideStatusSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (q.date !== undefined) {
      if (q.clientId !== undefined || q.from !== undefined || q.to !== undefined) ctx.addIssue({ code: 'custom', path: ['date'], message: 'rides.query' });
      return;
    }
    if (q.clientId === undefined) ctx.addIssue({ code: 'custom', path: [q.from === undefined && q.to === undefined ? 'date' : 'clientId'], message: 'rides.query' });
    for (const key of ['from', 'to'] as const) {
      if (q.clientId !== undefined && q[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'rides.query' });
    }
    if (q.from !== undefined && q.to !== undefined) {
      if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'period.order' });
      else if (Date.parse(q.to) - Date.parse(q.from) > 366 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'period.tooLongYear' });
    }
  });
export type RideListQuery = z.infer<typeof RideListQuerySchema>;

export const CancelRideSchema = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export const TurnDownRideSchema = CancelRideSchema;

export interface RideView {
  readonly id: string;
  readonly date: string;
  readonly status: RideStatus;
  readonly client: { readonly id: string; readonly name: string };
  readonly from: { readonly id: string; readonly name: string; readonly address: string };
  readonly to: { readonly id: string; readonly name: string; readonly address: string };
  readonly arriveBy: string | null;
  readonly departAfter: string | null;
  readonly wheelchair: boolean;
  readonly assistant: boolean;
  readonly notes: string | null;
  readonly purpose: (typeof RidePurposes)[number];
  readonly serviceName: string | null;
  readonly fundingSource: (typeof FundingSources)[number];
  /** In the gmina, in the county or beyond; null when the boundaries to tell are missing. */
  readonly distanceBand: 'GMINA' | 'COUNTY' | 'BEYOND' | null;
  /** The client's fee in grosze (500 = 5 zł), computed at booking; null when it cannot be told. */
  readonly feeGrosze: number | null;
  /** Why the ride will not run: the cancellation's reason, or the dispatcher's for a turn-down. */
  readonly cancelReason: string | null;
  /**
   * Cancelled after the booking cut-off of its day (the same rule as the report's late
   * cancellations); null when not cancelled or the centre has no cut-off.
   */
  readonly lateCancelled: boolean | null;
  /** The ride leaves the gmina and waits for a dispatcher's approval (status REQUESTED). */
  readonly awaitingApproval: boolean;
  /** For a return ride: the outbound ride it belongs to. */
  readonly outboundRideId: string | null;
  readonly returnRideId: string | null;
  /** The weekly pattern that made this ride; null for a ride booked on its own. */
  readonly recurringRideId: string | null;
  readonly version: number;
}
