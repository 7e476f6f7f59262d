import { z } from 'zod';
import { DateSchema, IdSchema, TimeOfDaySchema, VersionSchema } from '../common/schemas.js';
import { parseTimeOfDay } from '../common/time.js';

const WeekdaysSchema = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .refine((d) => new Set(d).size === d.length, { error: 'weekdays.unique' });

const PatternFields = {
  toPlaceId: IdSchema,
  /** Defaults to the client's home. */
  fromPlaceId: IdSchema.optional(),
  arriveBy: TimeOfDaySchema.optional(),
  departAfter: TimeOfDaySchema.optional(),
  /** Return leg: depart after this time (the appointment's expected end). */
  returnDepartAfter: TimeOfDaySchema.nullish(),
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: WeekdaysSchema,
  startDate: DateSchema,
  endDate: DateSchema.nullish(),
  exceptDates: z.array(DateSchema).max(366).default([]),
  wheelchair: z.boolean().optional(),
  assistant: z.boolean().optional(),
  notes: z.string().trim().max(500).nullish(),
};

function checkPattern(p: { arriveBy?: string | undefined; departAfter?: string | undefined; returnDepartAfter?: string | null | undefined; startDate?: string; endDate?: string | null | undefined }, ctx: z.RefinementCtx, partial: boolean): void {
  const both = p.arriveBy !== undefined && p.departAfter !== undefined;
  const neither = p.arriveBy === undefined && p.departAfter === undefined;
  if (both || (!partial && neither)) ctx.addIssue({ code: 'custom', path: ['arriveBy'], message: 'ride.oneTime' });
  const outbound = p.arriveBy ?? p.departAfter;
  if (p.returnDepartAfter && outbound && parseTimeOfDay(p.returnDepartAfter) <= parseTimeOfDay(outbound)) {
    ctx.addIssue({ code: 'custom', path: ['returnDepartAfter'], message: 'ride.returnAfter' });
  }
  if (p.endDate && p.startDate && p.endDate < p.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'pattern.endBeforeStart' });
}

export const CreateRecurringRideSchema = z
  .strictObject({ clientId: IdSchema, ...PatternFields })
  .superRefine((p, ctx) => checkPattern(p, ctx, false));
export type CreateRecurringRide = z.infer<typeof CreateRecurringRideSchema>;

export const UpdateRecurringRideSchema = z
  .strictObject({
    toPlaceId: IdSchema.optional(),
    fromPlaceId: IdSchema.optional(),
    arriveBy: TimeOfDaySchema.optional(),
    departAfter: TimeOfDaySchema.optional(),
    returnDepartAfter: TimeOfDaySchema.nullish(),
    weekdays: WeekdaysSchema.optional(),
    startDate: DateSchema.optional(),
    endDate: DateSchema.nullish(),
    exceptDates: z.array(DateSchema).max(366).optional(),
    wheelchair: z.boolean().optional(),
    assistant: z.boolean().optional(),
    notes: z.string().trim().max(500).nullish(),
    active: z.boolean().optional(),
    version: VersionSchema,
  })
  .superRefine((p, ctx) => checkPattern(p, ctx, true));
export type UpdateRecurringRide = z.infer<typeof UpdateRecurringRideSchema>;

export interface RecurringRideView {
  readonly id: string;
  readonly client: { readonly id: string; readonly name: string };
  readonly from: { readonly id: string; readonly name: string };
  readonly to: { readonly id: string; readonly name: string };
  readonly arriveBy: string | null;
  readonly departAfter: string | null;
  readonly returnDepartAfter: string | null;
  readonly weekdays: readonly number[];
  readonly startDate: string;
  readonly endDate: string | null;
  readonly exceptDates: readonly string[];
  readonly wheelchair: boolean;
  readonly assistant: boolean;
  readonly notes: string | null;
  readonly active: boolean;
  readonly version: number;
}
