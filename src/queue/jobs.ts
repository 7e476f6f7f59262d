/**
 * The only place that names queues and jobs. Each job has a zod payload schema; workers parse
 * the payload again before acting, since Redis is outside our process.
 */
import { z } from 'zod';
import { DateSchema, IdSchema } from '../domain/common/schemas.js';
import type { PlanJobPayload } from '../domain/plan/plan.schema.js';

export const PLANNING_QUEUE = 'planning';
export const PLAN_DAY_JOB = 'plan-day';

export const PlanDayPayloadSchema = z.strictObject({
  organisationId: IdSchema,
  planId: IdSchema,
  date: DateSchema,
  revision: z.number().int().min(1),
}) satisfies z.ZodType<PlanJobPayload>;
export type PlanDayPayload = z.infer<typeof PlanDayPayloadSchema>;

export interface PlanDayResult {
  readonly ridesPlaced: number;
  readonly ridesUnassigned: number;
  readonly vehiclesUsed: number;
  readonly distanceM: number;
  readonly alreadyDone: boolean;
}

/**
 * Deterministic job id: adding the same plan revision twice is harmless (BullMQ keeps one job).
 * BullMQ refuses ':' in custom ids, hence the dashes.
 */
export function planJobId(p: Pick<PlanDayPayload, 'organisationId' | 'date' | 'revision'>): string {
  return `plan-${p.organisationId}-${p.date}-r${p.revision}`;
}

/** RODO: anonymising clients past the retention period, once a night (domain/account). */
export const CLIENT_RETENTION_QUEUE = 'client-retention';
export const ANONYMISE_INACTIVE_JOB = 'anonymise-inactive-clients';
export const AnonymiseInactivePayloadSchema = z.strictObject({
  /** Limit to one organisation; all when absent. */
  organisationId: IdSchema.optional(),
});
export type AnonymiseInactivePayload = z.infer<typeof AnonymiseInactivePayloadSchema>;

/** Closing rides whose day ended unserved as MISSED (domain/booking/close-missed-rides.ts), early every morning. */
export const RIDE_CLOSING_QUEUE = 'ride-closing';
export const CLOSE_MISSED_RIDES_JOB = 'close-missed-rides';
export const CloseMissedRidesPayloadSchema = z.strictObject({
  /** Limit to one organisation; all when absent. */
  organisationId: IdSchema.optional(),
});
export type CloseMissedRidesPayload = z.infer<typeof CloseMissedRidesPayloadSchema>;

/** Housekeeping jobs: making recurring rides ahead of planning, once a day and on demand. */
export const MAINTENANCE_QUEUE = 'maintenance';
export const MATERIALISE_RECURRING_JOB = 'materialise-recurring';
export const MaterialiseRecurringPayloadSchema = z.strictObject({
  /** Limit to one organisation; all when absent. */
  organisationId: IdSchema.optional(),
});
export type MaterialiseRecurringPayload = z.infer<typeof MaterialiseRecurringPayloadSchema>;

/**
 * Notifications (issue #8): each recorded notification is sent by one job (id notify-<id>, so
 * the outbox sweep adding it again is harmless); the evening-before run is a daily job.
 */
export const NOTIFICATIONS_QUEUE = 'notifications';
export const SEND_NOTIFICATION_JOB = 'send-notification';
export const EVENING_NOTIFY_JOB = 'notify-evening-before';
export const SendNotificationPayloadSchema = z.strictObject({ notificationId: IdSchema });
export type SendNotificationPayload = z.infer<typeof SendNotificationPayloadSchema>;
export const EveningNotifyPayloadSchema = z.strictObject({ organisationId: IdSchema.optional() });
export type EveningNotifyPayload = z.infer<typeof EveningNotifyPayloadSchema>;
export function notificationJobId(notificationId: string): string {
  return `notify-${notificationId}`;
}
