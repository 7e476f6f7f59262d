import { describe, expect, it } from 'vitest';
import { decodePolyline, encodePolyline } from '../../../src/routing/polyline.js';

describe('polyline', () => {
  // The worked example of Google's "Encoded Polyline Algorithm Format" page.
  const googleExample = '_p~iF~ps|U_ulLnnqC_mqNvxq`@';
  const googleCoordinates: [number, number][] = [
    [-120.2, 38.5],
    [-120.95, 40.7],
    [-126.453, 43.252],
  ];

  it('decodes the reference example into [lon, lat] pairs', () => {
    expect(decodePolyline(googleExample)).toEqual(googleCoordinates);
  });

  it('encodes the reference example', () => {
    expect(encodePolyline(googleCoordinates)).toBe(googleExample);
  });

  it('round-trips at precision 6 as OSRM uses for polyline6', () => {
    const coordinates: [number, number][] = [
      [21.519123, 54.213456],
      [21.375001, 54.076999],
    ];
    expect(decodePolyline(encodePolyline(coordinates, 6), 6)).toEqual(coordinates);
  });

  it('rejects a truncated string instead of inventing a point', () => {
    expect(() => decodePolyline('_p~iF~ps|U_')).toThrow(/Truncated/);
  });
});
