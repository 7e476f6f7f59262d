import { z } from 'zod';
import { DateSchema, IdSchema, PhoneSchema, VersionSchema } from '../common/schemas.js';

/**
 * Mobility decides capacity and boarding time: a client who stays in the wheelchair rides in a
 * wheelchair place; one who transfers takes a seat (the chair travels folded); walkers and
 * crutches take a seat but board slowly. Bedridden people are outside the service: the value is
 * accepted only to be refused with the reason.
 */
export const Mobilities = ['WALKS', 'WALKER', 'WHEELCHAIR', 'WHEELCHAIR_TRANSFER'] as const;
export type Mobility = (typeof Mobilities)[number];
export const MobilitySchema = z
  .enum([...Mobilities, 'BEDRIDDEN'])
  .refine((m) => m !== 'BEDRIDDEN', { error: 'exclusion.bedridden' })
  .transform((m) => m as Mobility);

export const EligibilityGroups = ['SENIOR', 'DISABILITY_CERTIFICATE', 'CHILD_0_3', 'CHILD_4_15', 'FAMILY', 'OTHER'] as const;
export const HelpLevels = ['KERB_TO_KERB', 'DOOR_TO_DOOR', 'HAND_TO_HAND'] as const;
export type HelpLevel = (typeof HelpLevels)[number];

/** Carrying up or down stairs is outside the service: true is refused with the reason. */
const StairsSchema = z.literal(false, { error: 'exclusion.stairs' });

const SuspensionSchema = z
  .strictObject({ from: DateSchema, until: DateSchema, reason: z.string().trim().min(3).max(300) })
  .refine((s) => s.from <= s.until, { error: 'suspension.order', path: ['until'] });

const ProfileFields = {
  eligibilityGroup: z.enum(EligibilityGroups),
  helpLevel: z.enum(HelpLevels),
  assistanceDog: z.boolean(),
  caseworker: z.string().trim().max(100).nullish(),
  /**
   * The caseworker's account (a user with the CASEWORKER role); a caseworker limited to their own
   * caseload sees only these clients. Set by administrators and dispatchers; a caseworker who
   * creates a client becomes its caseworker.
   */
  caseworkerUserId: IdSchema.nullish(),
  /** Told the pickup window when the client has no phone (issue #8). */
  caseworkerPhone: PhoneSchema.nullish(),
  /** The centre's own id of the client (its spreadsheet's): a CSV re-import matches by it. */
  externalId: z.string().trim().min(1).max(64).nullish(),
  consent: z.strictObject({ givenAt: DateSchema, note: z.string().trim().max(300).nullish() }).nullish(),
  suspension: SuspensionSchema.nullish(),
  needsCarryingOnStairs: StairsSchema.optional(),
};

export const CreateClientSchema = z.strictObject({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  phone: PhoneSchema.nullish(),
  homePlaceId: IdSchema,
  mobility: MobilitySchema.default('WALKS'),
  needsAssistant: z.boolean().default(false),
  driverNotes: z.string().trim().max(500).nullish(),
  active: z.boolean().default(true),
  eligibilityGroup: ProfileFields.eligibilityGroup.default('OTHER'),
  helpLevel: ProfileFields.helpLevel.default('KERB_TO_KERB'),
  assistanceDog: ProfileFields.assistanceDog.default(false),
  caseworker: ProfileFields.caseworker,
  caseworkerUserId: ProfileFields.caseworkerUserId,
  caseworkerPhone: ProfileFields.caseworkerPhone,
  externalId: ProfileFields.externalId,
  consent: ProfileFields.consent,
  suspension: ProfileFields.suspension,
  needsCarryingOnStairs: ProfileFields.needsCarryingOnStairs,
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
  eligibilityGroup: ProfileFields.eligibilityGroup.optional(),
  helpLevel: ProfileFields.helpLevel.optional(),
  assistanceDog: ProfileFields.assistanceDog.optional(),
  caseworker: ProfileFields.caseworker,
  caseworkerUserId: ProfileFields.caseworkerUserId,
  caseworkerPhone: ProfileFields.caseworkerPhone,
  externalId: ProfileFields.externalId,
  consent: ProfileFields.consent,
  suspension: ProfileFields.suspension,
  needsCarryingOnStairs: ProfileFields.needsCarryingOnStairs,
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
  readonly eligibilityGroup: (typeof EligibilityGroups)[number];
  readonly helpLevel: HelpLevel;
  readonly assistanceDog: boolean;
  readonly caseworker: string | null;
  /** The caseworker's account; null = none (the client is in no one's own caseload). */
  readonly caseworkerUserId: string | null;
  readonly caseworkerPhone: string | null;
  readonly externalId: string | null;
  readonly consent: { readonly givenAt: string; readonly note: string | null } | null;
  readonly suspension: { readonly from: string; readonly until: string; readonly reason: string } | null;
  /** The no-show policy's standing warning (issue #5): when it was given; null = none. */
  readonly noShowWarningAt: string | null;
  readonly version: number;
}
