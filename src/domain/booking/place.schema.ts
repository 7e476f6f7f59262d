import { z } from 'zod';
import { LatSchema, LonSchema, VersionSchema } from '../common/schemas.js';

export const PlaceKinds = ['DEPOT', 'ADDRESS', 'CUS', 'HEALTH', 'HOSPITAL', 'REHAB', 'SCHOOL', 'OFFICE', 'NGO', 'OTHER'] as const;
export const PlaceKindSchema = z.enum(PlaceKinds);

export const CreatePlaceSchema = z.strictObject({
  kind: PlaceKindSchema,
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(300),
  lat: LatSchema,
  lon: LonSchema,
});
export type CreatePlace = z.infer<typeof CreatePlaceSchema>;

export const UpdatePlaceSchema = CreatePlaceSchema.partial().extend({ version: VersionSchema });
export type UpdatePlace = z.infer<typeof UpdatePlaceSchema>;

export const PlaceListQuerySchema = z.object({
  kind: PlaceKindSchema.optional(),
  q: z.string().trim().max(100).optional(),
});

export interface PlaceView {
  readonly id: string;
  readonly kind: (typeof PlaceKinds)[number];
  readonly name: string;
  readonly address: string;
  readonly lat: number;
  readonly lon: number;
  /** null when the organisation has no boundary. */
  readonly insideGmina: boolean | null;
  /** null when the organisation has no county boundary. */
  readonly insideCounty: boolean | null;
  readonly version: number;
}
