/**
 * Rides that wait for a dispatcher's approval (status REQUESTED: they leave the gmina) and the
 * decisions on them, as the caseworker who booked them and the dispatcher's board read them.
 */
import { z } from 'zod';
import { DateSchema } from '../common/schemas.js';
import type { RideView } from './ride.schema.js';

/** How far back a decision counts as news for the booking page, by default and at most. */
export const DECIDED_WITHIN_DAYS_DEFAULT = 14;
export const DECIDED_WITHIN_DAYS_MAX = 90;

/**
 * GET /rides/approval-decisions: the caller's rides from `from` on (default today in the
 * organisation's time zone) still awaiting a decision, and those decided in the last
 * `decidedWithinDays` days. Strict, so a mistyped parameter is named rather than ignored.
 */
export const ApprovalDecisionsQuerySchema = z.strictObject({
  from: DateSchema.optional(),
  decidedWithinDays: z.coerce.number().int().min(1).max(DECIDED_WITHIN_DAYS_MAX).default(DECIDED_WITHIN_DAYS_DEFAULT),
});
export type ApprovalDecisionsQuery = z.infer<typeof ApprovalDecisionsQuerySchema>;

/** GET /rides/approval-days: the days from `from` on (default today) with rides awaiting approval. */
export const ApprovalDaysQuerySchema = z.strictObject({
  from: DateSchema.optional(),
});
export type ApprovalDaysQuery = z.infer<typeof ApprovalDaysQuerySchema>;

/** Who did something: the stored actor (a user id, `token:<id>`, `recurring`, `system`) and, for a person or token, its name. */
export interface ActorView {
  readonly actor: string;
  readonly name: string | null;
}

export interface ApprovalDecisionView {
  readonly status: 'APPROVED' | 'TURNED_DOWN';
  readonly at: string;
  readonly by: ActorView;
  /** The dispatcher's reason for turning the ride down; null for an approval (none is asked). */
  readonly reason: string | null;
}

/** A ride that waited for approval, with who booked it and, once made, the decision. */
export interface ApprovalItem extends RideView {
  readonly bookedAt: string;
  readonly bookedBy: ActorView;
  readonly decision: ApprovalDecisionView | null;
}

export interface ApprovalDecisions {
  readonly from: string;
  /** Decisions made at or after this instant are listed. */
  readonly decidedSince: string;
  /** Still REQUESTED, by day and time. */
  readonly awaiting: readonly ApprovalItem[];
  /** Approved or turned down since `decidedSince`, newest decision first. */
  readonly decided: readonly ApprovalItem[];
}

export interface ApprovalDay {
  readonly date: string;
  readonly count: number;
}
