/** Schemas shared by every component: ids, dates, times, coordinates. */
import { z } from 'zod';
import { isCalendarDate } from './time.js';

/** An id (a UUID); its messages come from validate.ts ("nie wybrano", "wybierz z listy"). */
export const IdSchema = z.uuid();

// A text that is no date at all is told its format only, not also "no such date".
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date.format', abort: true })
  .refine(isCalendarDate, { error: 'date.invalid' });

export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'time.format' });

export const LatSchema = z.number().min(-90, { error: 'lat.range' }).max(90, { error: 'lat.range' });
export const LonSchema = z.number().min(-180, { error: 'lon.range' }).max(180, { error: 'lon.range' });

export const PhoneSchema = z.string().trim().regex(/^\+?[0-9][0-9 -]{7,19}$/, { error: 'phone.format' });

/** Optimistic concurrency: an update names the version it was based on. */
export const VersionSchema = z.number().int().min(1);

export const ListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
