import { describe, expect, it } from 'vitest';
import { formatPercent, formatRow } from '../../../../bench/report/format-report.js';
import { gapPercent, summariseSet, type InstanceResult } from '../../../../bench/report/summarise-set.js';

function result(overrides: Partial<InstanceResult>): InstanceResult {
  return { instance: 'x', vehicles: 3, distance: 101, unassigned: 0, seconds: 2, violations: [], bestKnown: { distance: 100 }, ...overrides };
}

describe('gapPercent', () => {
  it('is the relative distance excess in percent', () => {
    expect(gapPercent(result({ distance: 101 }))).toBeCloseTo(1, 10);
  });

  it('is undefined for Li & Lim when the vehicle counts differ (vehicles first)', () => {
    expect(gapPercent(result({ vehicles: 11, bestKnown: { vehicles: 10, distance: 100 } }))).toBeUndefined();
    expect(gapPercent(result({ vehicles: 10, bestKnown: { vehicles: 10, distance: 100 } }))).toBeCloseTo(1, 10);
  });
});

describe('summariseSet', () => {
  it('averages gaps over feasible instances only and counts matches', () => {
    const results = [
      result({ distance: 100 }),
      result({ distance: 102 }),
      result({ distance: 90, violations: ['route 0 has no feasible schedule'] }),
      result({ distance: 95, unassigned: 1 }),
    ];

    const summary = summariseSet('cordeau', results);

    expect(summary).toMatchObject({ instances: 4, feasible: 2, matchedBestKnown: 1 });
    expect(summary.meanGapPercent).toBeCloseTo(1, 10);
    expect(summary.bestKnownVehicleCount).toBeUndefined();
  });

  it('counts Li & Lim instances at the best-known vehicle count and averages gaps where counts match', () => {
    const results = [
      result({ vehicles: 10, distance: 103, bestKnown: { vehicles: 10, distance: 100 } }),
      result({ vehicles: 11, distance: 90, bestKnown: { vehicles: 10, distance: 100 } }),
      result({ vehicles: 3, distance: 101, bestKnown: { vehicles: 3, distance: 100 } }),
    ];

    const summary = summariseSet('lilim', results);

    expect(summary.bestKnownVehicleCount).toBe(2);
    expect(summary.meanGapPercent).toBeCloseTo(2, 10);
  });
});

describe('formatRow', () => {
  it('shows the extra vehicles instead of a gap when Li & Lim counts differ, and why a run is infeasible', () => {
    const row = formatRow(result({ instance: 'lc101', vehicles: 12, distance: 1139.93777, unassigned: 1, bestKnown: { vehicles: 10, distance: 828.9369 } }));

    expect(row).toBe('| lc101 | 12 | 1139.9378 | 10 / 828.9369 | +2 veh | 2.0 | NO: 1 unassigned |');
  });
});

describe('formatPercent', () => {
  it('prints a rounding-noise negative gap as zero, and a real one as negative', () => {
    expect(formatPercent(-0.000001, 2)).toBe('0.00');
    expect(formatPercent(-0.25, 2)).toBe('-0.25');
  });
});
