import { z } from 'zod';
import { IdSchema, PhoneSchema, VersionSchema } from '../common/schemas.js';

/**
 * Mobility decides capacity and boarding time: a client in a wheelchair rides in a wheelchair
 * place; walkers and crutches take a seat but board slowly. The full profile comes with issue #5.
 */
export const Mobilities = ['WALKS', 'WALKER', 'WHEELCHAIR'] as const;
export const MobilitySchema = z.enum(Mobilities);
export type Mobility = z.infer<typeof MobilitySchema>;

export const CreateClientSchema = z.strictObject({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  phone: PhoneSchema.nullish(),
  homePlaceId: IdSchema,
  mobility: MobilitySchema.default('WALKS'),
  needsAssistant: z.boolean().default(false),
  driverNotes: z.string().trim().max(500).nullish(),
  active: z.boolean().default(true),
});
export type CreateClient = z.infer<typeof CreateClientSchema>;

export const UpdateClientSchema = z.strictObject({
  firstName: z.string().trim().min(1).max(100).optional(),
  lastName: z.string().trim().min(1).max(100).optional(),
  phone: PhoneSchema.nullish(),
  homePlaceId: IdSchema.optional(),
  mobility: MobilitySchema.optional(),
  needsAssistant: z.boolean().optional(),
  driverNotes: z.string().trim().max(500).nullish(),
  active: z.boolean().optional(),
  version: VersionSchema,
});
export type UpdateClient = z.infer<typeof UpdateClientSchema>;

export const ClientListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export interface ClientView {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phone: string | null;
  readonly homePlaceId: string;
  readonly homeAddress: string;
  readonly mobility: Mobility;
  readonly needsAssistant: boolean;
  readonly driverNotes: string | null;
  readonly active: boolean;
  readonly version: number;
}
