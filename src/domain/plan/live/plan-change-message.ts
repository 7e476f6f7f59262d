/**
 * What the day board and the drivers' pages are told after a live plan changed (issue #6): which
 * plan, its version now, and what kind of change (a plan change kind, or STOP_EVENT for a driver's
 * report, which moves no version). Deliberately small: the pages read the plan again themselves,
 * so nothing about clients travels over Redis.
 */
import { z } from 'zod';
import { DateSchema, IdSchema } from '../../common/schemas.js';

export const PlanChangeMessageSchema = z.object({
  planId: IdSchema,
  date: DateSchema,
  version: z.number().int().nonnegative(),
  kind: z.string().min(1).max(40),
  /** The vehicle a driver's report was about: other drivers' pages need not read again. */
  vehicleId: IdSchema.optional(),
});
export type PlanChangeMessage = z.infer<typeof PlanChangeMessageSchema>;

/** Sends a message to everyone following the organisation's day. Never throws: the change is committed. */
export interface PlanChangePublisher {
  publish(organisationId: string, message: PlanChangeMessage): Promise<void>;
}
