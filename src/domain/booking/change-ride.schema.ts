import { z } from 'zod';
import { TimeOfDaySchema } from '../common/schemas.js';

/**
 * A change of one booked ride (PATCH /rides/:id): its time, its needs or the driver's note. The
 * places stay: another destination is another ride (its fee, approval and distance band differ),
 * so it is cancelled and booked anew. `version` is the ride's as the caller read it.
 */
export const ChangeRideSchema = z
  .strictObject({
    version: z.number().int().min(1),
    arriveBy: TimeOfDaySchema.optional(),
    departAfter: TimeOfDaySchema.optional(),
    wheelchair: z.boolean().optional(),
    assistant: z.boolean().optional(),
    /** null or "" clears the note. */
    notes: z.string().trim().max(500).nullable().optional(),
    /** Accept the change after the day's booking cut-off (dispatchers only, as for a booking). */
    overrideCutoff: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.arriveBy !== undefined && b.departAfter !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['arriveBy'], message: 'ride.oneTime' });
    }
  });
export type ChangeRide = z.infer<typeof ChangeRideSchema>;
