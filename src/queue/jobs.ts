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

/** Housekeeping jobs: making recurring rides ahead of planning, once a day and on demand. */
export const MAINTENANCE_QUEUE = 'maintenance';
export const MATERIALISE_RECURRING_JOB = 'materialise-recurring';
export const MaterialiseRecurringPayloadSchema = z.strictObject({
  /** Limit to one organisation; all when absent. */
  organisationId: IdSchema.optional(),
});
export type MaterialiseRecurringPayload = z.infer<typeof MaterialiseRecurringPayloadSchema>;
