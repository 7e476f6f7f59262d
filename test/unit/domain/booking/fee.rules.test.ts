import { describe, expect, it } from 'vitest';
import { distanceBandOf, feeOf } from '../../../../src/domain/booking/fee.rules.js';
import { FeeRulesSchema } from '../../../../src/domain/organisation/organisation-rules.js';

const village = { insideGmina: true, insideCounty: true };
const countyTown = { insideGmina: false, insideCounty: true };
const regionalCity = { insideGmina: false, insideCounty: false };

describe('distance bands', () => {
  it('takes the farther end', () => {
    expect(distanceBandOf(village, village)).toBe('GMINA');
    expect(distanceBandOf(village, countyTown)).toBe('COUNTY');
    expect(distanceBandOf(countyTown, regionalCity)).toBe('BEYOND');
  });

  it('cannot tell without the boundaries', () => {
    expect(distanceBandOf({ insideGmina: null, insideCounty: null }, village)).toBeNull();
    expect(distanceBandOf(village, { insideGmina: false, insideCounty: null })).toBeNull();
  });
});

describe('fees', () => {
  const ride = { band: 'COUNTY' as const, distanceKm: 21.4, eligibilityGroup: 'SENIOR', purpose: 'HEALTH', fundingSource: 'CENTRE_BUDGET' };

  it('charges nothing by default', () => {
    expect(feeOf(FeeRulesSchema.parse({}), ride)).toBe(0);
  });

  it('charges the flat fee of the band: 5 zł in the gmina, 10 zł to the county town', () => {
    const rules = FeeRulesSchema.parse({ mode: 'ZONE' });
    expect(feeOf(rules, { ...ride, band: 'GMINA' })).toBe(500);
    expect(feeOf(rules, ride)).toBe(1000);
    expect(feeOf(rules, { ...ride, band: null })).toBeNull();
  });

  it('charges per kilometre when asked, and nothing to the exempt', () => {
    const rules = FeeRulesSchema.parse({ mode: 'PER_KM', perKmGrosze: 80, exemptFunding: ['PFRON'], exemptGroups: ['CHILD_4_15'] });
    expect(feeOf(rules, ride)).toBe(Math.round(21.4 * 80));
    expect(feeOf(rules, { ...ride, fundingSource: 'PFRON' })).toBe(0);
    expect(feeOf(rules, { ...ride, eligibilityGroup: 'CHILD_4_15' })).toBe(0);
  });
});
