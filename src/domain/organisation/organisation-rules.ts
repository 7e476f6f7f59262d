/**
 * An organisation's booking and planning rules (issue #5), stored as JSON on the organisation and
 * read through this schema, so a missing field takes its default and a stored value is checked.
 */
import { z } from 'zod';
import { TimeOfDaySchema } from '../common/schemas.js';
import type { RideRules } from '../booking/ride.rules.js';
import { EligibilityGroups } from '../booking/client.schema.js';
import { FundingSources, RidePurposes } from '../booking/ride.schema.js';

const Grosze = z.number().int().min(0).max(1_000_000);

/**
 * What a ride costs the client: free; a flat fee per distance band (e.g. 5 zł in the gmina,
 * 10 zł to the county town); or per kilometre of the direct road. Groups, purposes and funding
 * sources can be exempt (e.g. rides paid by PFRON).
 */
export const FeeRulesSchema = z.strictObject({
  mode: z.enum(['FREE', 'ZONE', 'PER_KM']).default('FREE'),
  zoneGrosze: z
    .strictObject({ GMINA: Grosze.default(500), COUNTY: Grosze.default(1000), BEYOND: Grosze.default(2000) })
    .prefault({}),
  perKmGrosze: Grosze.default(100),
  exemptGroups: z.array(z.enum(EligibilityGroups)).default([]),
  exemptPurposes: z.array(z.enum(RidePurposes)).default([]),
  exemptFunding: z.array(z.enum(FundingSources)).default([]),
});
export type FeeRules = z.infer<typeof FeeRulesSchema>;

/**
 * No-shows: `warnAfter` no-shows within `periodDays` days bring a warning, `suspendAfter` a
 * suspension of `suspensionDays` days from the next day (domain/booking/no-show-policy.ts).
 */
export const NoShowPolicySchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    periodDays: z.number().int().min(1).max(365).default(30),
    warnAfter: z.number().int().min(1).max(50).default(2),
    suspendAfter: z.number().int().min(1).max(50).default(3),
    suspensionDays: z.number().int().min(1).max(365).default(14),
  })
  .refine((p) => p.suspendAfter >= p.warnAfter, { error: 'noShowPolicy.order', path: ['suspendAfter'] });
export type NoShowPolicy = z.infer<typeof NoShowPolicySchema>;

export const OrganisationRulesSchema = z.strictObject({
  /** Rides may be booked at most this many days ahead. */
  bookingHorizonDays: z.number().int().min(1).max(365).default(30),
  /**
   * Book no later than `time` on the working day `workingDaysBefore` before the ride
   * (e.g. 12:00 the working day before); null = no cut-off.
   */
  bookingCutoff: z
    .strictObject({ time: TimeOfDaySchema, workingDaysBefore: z.number().int().min(0).max(14) })
    .nullable()
    .default(null),
  /** Rides leaving the gmina wait for a dispatcher's approval before they are planned. */
  outOfGminaNeedsApproval: z.boolean().default(true),
  /** An appointment may be reached up to this many minutes early. */
  arriveEarlyToleranceMin: z.number().int().min(0).max(180).default(30),
  /** A depart-after ride may be picked up up to this many minutes late. */
  pickupLateToleranceMin: z.number().int().min(0).max(180).default(30),
  /** Maximum ride time = direct × factor + slack, at most direct + cap. */
  maxRide: z
    .strictObject({
      factor: z.number().min(1).max(5).default(1.5),
      slackMin: z.number().int().min(0).max(240).default(15),
      capExtraMin: z.number().int().min(0).max(480).default(60),
    })
    .prefault({}),
  fees: FeeRulesSchema.prefault({}),
  /** Pickup windows told to clients: the planned pickup ± this many minutes (issue #8). */
  notifications: z
    .strictObject({ pickupToleranceMin: z.number().int().min(0).max(120).default(15) })
    .prefault({}),
  noShowPolicy: NoShowPolicySchema.prefault({}),
});
export type OrganisationRules = z.infer<typeof OrganisationRulesSchema>;

/**
 * A change of some rules. The fields are checked after merging with the stored rules (a partial
 * schema would fill the untouched fields with defaults and overwrite them).
 */
export const UpdateOrganisationRulesSchema = z.strictObject({
  rules: z.record(z.string(), z.unknown()),
  version: z.number().int().min(1),
});

/** Stored JSON (or null) → complete rules. Stored rules were validated when written. */
export function readRules(stored: unknown): OrganisationRules {
  return OrganisationRulesSchema.parse(stored ?? {});
}

/** The part of the rules that shapes each ride's windows and ride time, in seconds. */
export function rideRulesOf(r: OrganisationRules): RideRules {
  return {
    arriveEarlyToleranceSec: r.arriveEarlyToleranceMin * 60,
    pickupLateToleranceSec: r.pickupLateToleranceMin * 60,
    maxRideFactor: r.maxRide.factor,
    maxRideSlackSec: r.maxRide.slackMin * 60,
    maxRideCapExtraSec: r.maxRide.capExtraMin * 60,
  };
}
