import { z } from 'zod';
import { DateSchema, IdSchema, PhoneSchema, VersionSchema } from '../common/schemas.js';

export const CreateProviderSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  phone: PhoneSchema.nullish(),
  email: z.email().nullish(),
  active: z.boolean().default(true),
});
export type CreateProvider = z.infer<typeof CreateProviderSchema>;

export const UpdateProviderSchema = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  phone: PhoneSchema.nullish(),
  email: z.email().nullish(),
  active: z.boolean().optional(),
  version: VersionSchema,
});
export type UpdateProvider = z.infer<typeof UpdateProviderSchema>;

/** The whole set of the provider's vehicles: listed ones are assigned, others released. */
export const AssignVehiclesSchema = z.strictObject({
  vehicleIds: z.array(IdSchema).max(200).refine((ids) => new Set(ids).size === ids.length, { error: 'vehicles.unique' }),
});

export const ProviderRidesQuerySchema = z
  .object({ from: DateSchema, to: DateSchema })
  .refine((q) => q.from <= q.to, { error: 'period.order', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, { error: 'period.tooLong', path: ['to'] });

/** What the provider reports about a ride on its vehicle: outcome, km driven, fee collected. */
export const ProviderConfirmationSchema = z.strictObject({
  outcome: z.enum(['COMPLETED', 'NO_SHOW', 'NOT_DONE']),
  km: z.number().min(0).max(2000),
  feeCollectedGrosze: z.number().int().min(0).max(1_000_000),
  note: z.string().trim().max(500).nullish(),
});
export type ProviderConfirmationInput = z.infer<typeof ProviderConfirmationSchema>;

export interface ProviderView {
  readonly id: string;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly active: boolean;
  readonly vehicleIds: readonly string[];
  readonly version: number;
}

export interface ConfirmationView {
  readonly outcome: 'COMPLETED' | 'NO_SHOW' | 'NOT_DONE';
  readonly km: number;
  readonly feeCollectedGrosze: number;
  readonly note: string | null;
  readonly by: string;
  readonly at: string;
}

export interface ProviderRideView {
  readonly rideId: string;
  readonly date: string;
  readonly vehicle: { readonly id: string; readonly name: string };
  readonly pickupTime: string;
  readonly dropoffTime: string | null;
  readonly client: { readonly name: string; readonly phone: string | null; readonly mobility: string; readonly driverNotes: string | null };
  readonly from: { readonly name: string; readonly address: string };
  readonly to: { readonly name: string; readonly address: string };
  readonly status: string;
  readonly feeGrosze: number | null;
  /** The newest confirmation, or null while unconfirmed. */
  readonly confirmation: ConfirmationView | null;
}
