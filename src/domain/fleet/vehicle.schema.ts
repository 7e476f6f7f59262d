import { z } from 'zod';
import { IdSchema, TimeOfDaySchema, VersionSchema } from '../common/schemas.js';
import { parseTimeOfDay } from '../common/time.js';

const VehicleFields = {
  name: z.string().trim().min(1).max(100),
  registration: z.string().trim().max(20).nullish(),
  seats: z.number().int().min(0).max(60),
  wheelchairPlaces: z.number().int().min(0).max(10),
  depotPlaceId: IdSchema,
  shiftStart: TimeOfDaySchema,
  shiftEnd: TimeOfDaySchema,
  active: z.boolean(),
};

function checkVehicle(v: { seats?: number; wheelchairPlaces?: number; shiftStart?: string; shiftEnd?: string }, ctx: z.RefinementCtx): void {
  if (v.shiftStart !== undefined && v.shiftEnd !== undefined && parseTimeOfDay(v.shiftEnd) <= parseTimeOfDay(v.shiftStart)) {
    ctx.addIssue({ code: 'custom', path: ['shiftEnd'], message: 'shift.order' });
  }
  if (v.seats === 0 && v.wheelchairPlaces === 0) {
    ctx.addIssue({ code: 'custom', path: ['seats'], message: 'vehicle.capacity' });
  }
}

export const CreateVehicleSchema = z
  .strictObject({ ...VehicleFields, active: VehicleFields.active.default(true) })
  .superRefine(checkVehicle);
export type CreateVehicle = z.infer<typeof CreateVehicleSchema>;

export const UpdateVehicleSchema = z
  .strictObject({
    name: VehicleFields.name.optional(),
    registration: VehicleFields.registration,
    seats: VehicleFields.seats.optional(),
    wheelchairPlaces: VehicleFields.wheelchairPlaces.optional(),
    depotPlaceId: IdSchema.optional(),
    shiftStart: TimeOfDaySchema.optional(),
    shiftEnd: TimeOfDaySchema.optional(),
    active: z.boolean().optional(),
    version: VersionSchema,
  })
  .superRefine(checkVehicle);
export type UpdateVehicle = z.infer<typeof UpdateVehicleSchema>;

export interface VehicleView {
  readonly id: string;
  readonly name: string;
  readonly registration: string | null;
  readonly seats: number;
  readonly wheelchairPlaces: number;
  readonly depotPlaceId: string;
  readonly shiftStart: string;
  readonly shiftEnd: string;
  readonly active: boolean;
  readonly version: number;
}
