/**
 * PUWG 1992 (EPSG:2180) ⇄ WGS84 latitude/longitude, pure arithmetic.
 *
 * EPSG:2180 is a Transverse Mercator on the GRS80 ellipsoid: central meridian 19°E, scale 0.9993
 * on it, false easting 500 000 m, false northing −5 300 000 m. ETRF2000/GRS80 and WGS84 differ by
 * centimetres, far below what a pickup address needs, so no datum shift is applied.
 *
 * The series are Krüger's in the third flattening n (to n⁴), as in Karney (2011), "Transverse
 * Mercator with an accuracy of a few nanometres": well under a millimetre across Poland, so a
 * forward-then-inverse round trip returns the same point.
 *
 * Axis order: Polish geodesy names the northing x and the easting y, and PRG files written in
 * that convention list "x y" = northing first (the 2012 GML model, many CSV exports); GIS tools
 * (and the 2021 GML model) list easting first. Callers say which with {@link AxisOrder}.
 */

/** Which of the two numbers comes first in a file. */
export type AxisOrder = 'northingEasting' | 'eastingNorthing';

export interface Puwg1992 {
  /** Metres, false northing −5 300 000 applied (Poland: about 120 000 … 800 000). */
  readonly northing: number;
  /** Metres, false easting 500 000 applied (Poland: about 140 000 … 900 000). */
  readonly easting: number;
}

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

// GRS80.
const A_AXIS = 6378137;
const FLATTENING = 1 / 298.257222101;
const K0 = 0.9993;
const LON0 = (19 * Math.PI) / 180;
const FALSE_EASTING = 500000;
const FALSE_NORTHING = -5300000;

const n = FLATTENING / (2 - FLATTENING);
const n2 = n * n;
const n3 = n2 * n;
const n4 = n3 * n;
/** Rectifying radius: the meridian arc per radian of rectifying latitude. */
const RECTIFYING_RADIUS = (A_AXIS / (1 + n)) * (1 + n2 / 4 + n4 / 64);
// Index j−1 holds the coefficient of sin(2jξ)… for j = 1..4.
const ALPHA = [
  n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180,
  (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440,
  (61 * n3) / 240 - (103 * n4) / 140,
  (49561 * n4) / 161280,
];
const BETA = [
  n / 2 - (2 * n2) / 3 + (37 * n3) / 96 - n4 / 360,
  n2 / 48 + n3 / 15 - (437 * n4) / 1440,
  (17 * n3) / 480 - (37 * n4) / 840,
  (4397 * n4) / 161280,
];
const DELTA = [
  2 * n - (2 * n2) / 3 - 2 * n3 + (116 * n4) / 45,
  (7 * n2) / 3 - (8 * n3) / 5 - (227 * n4) / 45,
  (56 * n3) / 15 - (136 * n4) / 35,
  (4279 * n4) / 630,
];
const E_TERM = (2 * Math.sqrt(n)) / (1 + n); // the eccentricity e

const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

/** WGS84 (≈ GRS80) latitude/longitude in degrees → EPSG:2180 metres. */
export function wgs84ToPuwg1992({ lat, lon }: LatLon): Puwg1992 {
  const phi = toRad(lat);
  const dLambda = toRad(lon) - LON0;
  // Conformal latitude, via its tangent.
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - E_TERM * Math.atanh(E_TERM * Math.sin(phi)));
  const xiP = Math.atan2(t, Math.cos(dLambda));
  const etaP = Math.atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
  let xi = xiP;
  let eta = etaP;
  for (let j = 1; j <= 4; j++) {
    xi += ALPHA[j - 1]! * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
    eta += ALPHA[j - 1]! * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
  }
  return { northing: FALSE_NORTHING + K0 * RECTIFYING_RADIUS * xi, easting: FALSE_EASTING + K0 * RECTIFYING_RADIUS * eta };
}

/** EPSG:2180 metres → WGS84 (≈ GRS80) latitude/longitude in degrees. */
export function puwg1992ToWgs84({ northing, easting }: Puwg1992): LatLon {
  const xi = (northing - FALSE_NORTHING) / (K0 * RECTIFYING_RADIUS);
  const eta = (easting - FALSE_EASTING) / (K0 * RECTIFYING_RADIUS);
  let xiP = xi;
  let etaP = eta;
  for (let j = 1; j <= 4; j++) {
    xiP -= BETA[j - 1]! * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
    etaP -= BETA[j - 1]! * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
  }
  const chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP)); // conformal latitude
  let phi = chi;
  for (let j = 1; j <= 4; j++) phi += DELTA[j - 1]! * Math.sin(2 * j * chi);
  const dLambda = Math.atan2(Math.sinh(etaP), Math.cos(xiP));
  return { lat: toDeg(phi), lon: toDeg(LON0 + dLambda) };
}

/** The two numbers of a file, in the order it writes them, as EPSG:2180 metres. */
export function puwg1992FromPair(first: number, second: number, order: AxisOrder): Puwg1992 {
  return order === 'northingEasting' ? { northing: first, easting: second } : { northing: second, easting: first };
}

/**
 * Poland's extent in EPSG:2180 with a margin (mainland and coast, about 49.0–54.9°N,
 * 14.1–24.2°E): coordinates outside are a broken row or the wrong axis order, never an address.
 */
export const POLAND_PUWG1992_BOUNDS = { northing: { min: 100000, max: 800000 }, easting: { min: 140000, max: 900000 } } as const;

/** Poland's extent in degrees with a margin: a converted point outside is rejected. */
export const POLAND_WGS84_BOUNDS = { lat: { min: 48.9, max: 55.0 }, lon: { min: 14.0, max: 24.3 } } as const;

export function isInPoland({ lat, lon }: LatLon): boolean {
  const b = POLAND_WGS84_BOUNDS;
  return lat >= b.lat.min && lat <= b.lat.max && lon >= b.lon.min && lon <= b.lon.max;
}
