/** Distance bands and fees (issue #5), pure. */
import type { FeeRules } from '../organisation/organisation-rules.js';

export type DistanceBand = 'GMINA' | 'COUNTY' | 'BEYOND';

interface Located {
  readonly insideGmina: boolean | null;
  readonly insideCounty: boolean | null;
}

/**
 * A ride's band is its farther end's: both ends in the gmina → GMINA; both in the county →
 * COUNTY; otherwise BEYOND. Null when the boundaries needed to tell are missing.
 */
export function distanceBandOf(from: Located, to: Located): DistanceBand | null {
  if (from.insideGmina === null || to.insideGmina === null) return null;
  if (from.insideGmina && to.insideGmina) return 'GMINA';
  const inCounty = (p: Located) => p.insideGmina === true || p.insideCounty === true;
  if (inCounty(from) && inCounty(to)) return 'COUNTY';
  if ((from.insideCounty === null && !from.insideGmina) || (to.insideCounty === null && !to.insideGmina)) return null;
  return 'BEYOND';
}

export interface FeeInput {
  readonly band: DistanceBand | null;
  /** Direct road distance in km (the estimate at booking). */
  readonly distanceKm: number;
  readonly eligibilityGroup: string;
  readonly purpose: string;
  readonly fundingSource: string;
}

/** The client's fee in grosze; null when it depends on a band that cannot be told. */
export function feeOf(rules: FeeRules, ride: FeeInput): number | null {
  if (rules.mode === 'FREE') return 0;
  const exempt =
    (rules.exemptGroups as readonly string[]).includes(ride.eligibilityGroup) ||
    (rules.exemptPurposes as readonly string[]).includes(ride.purpose) ||
    (rules.exemptFunding as readonly string[]).includes(ride.fundingSource);
  if (exempt) return 0;
  if (rules.mode === 'PER_KM') return Math.round(ride.distanceKm * rules.perKmGrosze);
  return ride.band === null ? null : rules.zoneGrosze[ride.band];
}
