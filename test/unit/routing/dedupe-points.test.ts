import { describe, expect, it } from 'vitest';
import { dedupePoints } from '../../../src/routing/dedupe-points.js';

describe('dedupePoints', () => {
  it('keeps one copy of each place and maps every input to it', () => {
    const hospital = { lat: 54.076, lon: 21.375 };
    const home = { lat: 54.213, lon: 21.519 };
    const { unique, uniqueIndexOf } = dedupePoints([hospital, home, { ...hospital }, hospital]);
    expect(unique).toEqual([hospital, home]);
    expect([...uniqueIndexOf]).toEqual([0, 1, 0, 0]);
  });

  it('treats points closer than the 1e-6° precision sent to OSRM as one place', () => {
    const { unique } = dedupePoints([
      { lat: 54.2130001, lon: 21.519 },
      { lat: 54.2130004, lon: 21.519 },
    ]);
    expect(unique).toHaveLength(1);
  });

  it('keeps points 1e-5° apart (about a metre) distinct', () => {
    const { unique } = dedupePoints([
      { lat: 54.21301, lon: 21.519 },
      { lat: 54.21302, lon: 21.519 },
    ]);
    expect(unique).toHaveLength(2);
  });
});
