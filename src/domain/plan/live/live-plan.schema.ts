import { z } from 'zod';
import { IdSchema, TimeOfDaySchema, VersionSchema } from '../../common/schemas.js';

export const MoveRideSchema = z.strictObject({
    rideId: IdSchema,
    vehicleId: IdSchema,
    /** 1-based positions in the vehicle's manifest after the move; both or neither. */
    pickupIndex: z.number().int().min(1).optional(),
    dropoffIndex: z.number().int().min(1).optional(),
    dryRun: z.boolean().optional(),
    version: VersionSchema.optional(),
  });
export type MoveRide = z.infer<typeof MoveRideSchema>;

export const LockRouteSchema = z.strictObject({ locked: z.boolean(), version: VersionSchema.optional() });
export const PublishPlanSchema = z.strictObject({ version: VersionSchema.optional() });
export const InsertRideSchema = z.strictObject({ rideId: IdSchema, version: VersionSchema.optional() });
export const OutOfServiceSchema = z.strictObject({
  from: TimeOfDaySchema,
  reason: z.string().trim().min(1).max(500),
  version: VersionSchema.optional(),
});
export const PlanVehicleParamsSchema = z.object({ id: IdSchema, vehicleId: IdSchema });
