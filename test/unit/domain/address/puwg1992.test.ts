import { describe, expect, it } from 'vitest';
import { isInPoland, puwg1992FromPair, puwg1992ToWgs84, wgs84ToPuwg1992 } from '../../../../src/domain/address/puwg1992.js';
import { isInsideGmina } from '../../../../src/domain/organisation/inside-gmina.js';
import { SROKOWO_BOUNDARY } from '../../../../prisma/demo-srokowo.js';

/** Metres per degree of latitude is about 111 km, so 1e-7° ≈ 1 cm. */
const CM_IN_DEGREES = 1e-7;

/**
 * The meridian arc on GRS80 from the equator to latitude φ, integrated numerically (Simpson):
 * an independent reference for points on the central meridian, where TM northing = k0·arc.
 */
function meridianArc(latDeg: number): number {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const phi = (latDeg * Math.PI) / 180;
  const steps = 20000;
  const h = phi / steps;
  const g = (x: number) => (a * (1 - e2)) / Math.pow(1 - e2 * Math.sin(x) ** 2, 1.5);
  let sum = g(0) + g(phi);
  for (let i = 1; i < steps; i++) sum += (i % 2 ? 4 : 2) * g(i * h);
  return (sum * h) / 3;
}

describe('PUWG 1992 (EPSG:2180) conversion', () => {
  it('matches a published EPSG:2180 → WGS84 pair (prg_convert test, computed with PROJ)', () => {
    // easting 216691.39, northing 505645.69 → lon 14.8391033, lat 52.343422
    const p = puwg1992ToWgs84({ easting: 216691.39, northing: 505645.69 });

    expect(p.lon).toBeCloseTo(14.8391033, 6);
    expect(p.lat).toBeCloseTo(52.343422, 6);
  });

  it('puts points of the central meridian at easting 500 000 and northing k0 × meridian arc − 5 300 000', () => {
    for (const lat of [49.2, 52, 54.8]) {
      const p = wgs84ToPuwg1992({ lat, lon: 19 });

      expect(p.easting).toBeCloseTo(500000, 6);
      expect(Math.abs(p.northing - (0.9993 * meridianArc(lat) - 5300000))).toBeLessThan(0.001);
    }
  });

  it('returns to the same point within a centimetre, forward then inverse, all over Poland', () => {
    for (let lat = 49; lat <= 54.9; lat += 0.37) {
      for (let lon = 14.1; lon <= 24.2; lon += 0.53) {
        const back = puwg1992ToWgs84(wgs84ToPuwg1992({ lat, lon }));

        expect(Math.abs(back.lat - lat)).toBeLessThan(CM_IN_DEGREES);
        expect(Math.abs(back.lon - lon)).toBeLessThan(CM_IN_DEGREES);
      }
    }
  });

  it('returns to the same metres within a centimetre, inverse then forward', () => {
    for (let northing = 150000; northing <= 780000; northing += 63000) {
      for (let easting = 170000; easting <= 870000; easting += 70000) {
        const back = wgs84ToPuwg1992(puwg1992ToWgs84({ northing, easting }));

        expect(Math.hypot(back.northing - northing, back.easting - easting)).toBeLessThan(0.01);
      }
    }
  });

  it('places a point of Srokowo east of the central meridian and inside the gmina after the round trip', () => {
    const p = wgs84ToPuwg1992({ lat: 54.213, lon: 21.519 });
    const back = puwg1992ToWgs84(p);

    // 2.519° of longitude at 54.2°N is about 164 km east of 19°E.
    expect(p.easting - 500000).toBeGreaterThan(160000);
    expect(p.easting - 500000).toBeLessThan(168000);
    expect(p.northing).toBeGreaterThan(700000);
    expect(p.northing).toBeLessThan(720000);
    expect(isInsideGmina(SROKOWO_BOUNDARY, back.lat, back.lon)).toBe(true);
  });

  it('reads a pair in either axis order, and the wrong order lands elsewhere', () => {
    // Konotop (gmina Kolsko, ~51.93°N 15.91°E) in the 2012 PRG GML: "456005.14 287772.37", northing first.
    const right = puwg1992ToWgs84(puwg1992FromPair(456005.14, 287772.37, 'northingEasting'));
    const wrong = puwg1992ToWgs84(puwg1992FromPair(456005.14, 287772.37, 'eastingNorthing'));

    expect(right.lat).toBeCloseTo(51.93, 1);
    expect(right.lon).toBeCloseTo(15.91, 1);
    expect(isInPoland(wrong)).toBe(true); // both fall in Poland: the order cannot be guessed from the numbers
    expect(Math.abs(wrong.lon - right.lon)).toBeGreaterThan(1);
  });
});
