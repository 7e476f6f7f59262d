/** Distance bands and fees (issue #5), pure. */
import type { FeeRules } from '../organisation/organisation-rules.js';
import { estimateLeg } from '../../routing/estimate.js';

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

/**
 * A ride's band and fee at booking, one-off or materialised from a pattern: the distance is the
 * direct estimate (booking must not wait for OSRM).
 */
export function priceRide(
  rules: FeeRules,
  from: Located & { readonly lat: number; readonly lon: number },
  to: Located & { readonly lat: number; readonly lon: number },
  who: Omit<FeeInput, 'band' | 'distanceKm'>,
): { distanceBand: DistanceBand | null; feeGrosze: number | null } {
  const distanceBand = distanceBandOf(from, to);
  return { distanceBand, feeGrosze: feeOf(rules, { ...who, band: distanceBand, distanceKm: estimateLeg(from, to).distanceM / 1000 }) };
}
