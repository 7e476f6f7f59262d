import { describe, expect, it } from 'vitest';
import { rankAddressPoints } from '../../../../src/domain/address/search-address-points.js';
import { parseAddressQuery } from '../../../../src/domain/address/normalise.js';
import type { AddressPointView } from '../../../../src/domain/address/address-point.js';

const point = (id: string, locality: string, street: string | null, houseNumber: string): AddressPointView => ({
  id, locality, street, houseNumber, postcode: '11-420', simc: null, lat: 54.2, lon: 21.5, source: 'PRG', address: `${street ?? locality} ${houseNumber}`,
});

describe('rankAddressPoints', () => {
  it('puts the exact building first and a flat’s building after it', () => {
    const points = [point('b', 'Srokowo', 'Szkolna', '12'), point('a', 'Srokowo', 'Szkolna', '12/3')];

    expect(rankAddressPoints(points, parseAddressQuery('Szkolna 12/3')).map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('prefers whole words to prefixes: "row" matches Leśny Rów before Rowerowa', () => {
    const points = [point('rowerowa', 'Srokowo', 'Rowerowa', '3'), point('lesny', 'Srokowo', 'Leśny Rów', '3')];

    const ranked = rankAddressPoints(points, parseAddressQuery('lesny row 3'));

    expect(ranked[0]!.id).toBe('lesny');
  });

  it('scores the same street in two villages equally until the village is named', () => {
    const points = [point('s', 'Srokowo', 'Szkolna', '4'), point('j', 'Jegławki', 'Szkolna', '4')];

    const loose = rankAddressPoints(points, parseAddressQuery('Szkolna 4'));
    const named = rankAddressPoints(points, parseAddressQuery('Szkolna 4 Jegławki'));

    expect(loose[0]!.score).toBe(loose[1]!.score);
    expect(named[0]!.id).toBe('j');
    expect(named[0]!.score).toBeGreaterThan(named[1]!.score);
  });
});
