import { describe, expect, it } from 'vitest';
import { formatAddress, houseNumberCandidates, normaliseText, parseAddressQuery, searchTextOf } from '../../../../src/domain/address/normalise.js';

describe('normaliseText', () => {
  it('drops case and every Polish diacritic, including ł which Unicode does not decompose', () => {
    expect(normaliseText('ŁĄCZNA Żółć Leśny Rów')).toBe('laczna zolc lesny row');
  });

  it('keeps house numbers and postcodes whole but splits on other punctuation', () => {
    expect(normaliseText('ul. Kętrzyńska 12A/3, 11-420 Srokowo')).toBe('ul ketrzynska 12a/3 11-420 srokowo');
  });
});

describe('parseAddressQuery', () => {
  it('splits "street number, locality" into words and the building number, dropping "ul."', () => {
    expect(parseAddressQuery('ul. Leśny Rów 3, Srokowo')).toEqual({ words: ['lesny', 'row', 'srokowo'], houseNumber: '3', postcode: null });
  });

  it('reads "village number" and a postcode in any order', () => {
    expect(parseAddressQuery('11-420 Leśniewo 12')).toEqual({ words: ['lesniewo'], houseNumber: '12', postcode: '11-420' });
  });

  it('treats a query without a number as words only', () => {
    expect(parseAddressQuery('lesny row').houseNumber).toBeNull();
  });
});

describe('address text', () => {
  const rural = { street: null, houseNumber: '12', locality: 'Leśniewo', postcode: '11-420' };
  const urban = { street: 'Leśny Rów', houseNumber: '3', locality: 'Srokowo', postcode: '11-420' };

  it('writes a rural address as village and number, an urban one as street and number', () => {
    expect(formatAddress(rural)).toBe('Leśniewo 12, 11-420');
    expect(formatAddress({ ...rural, postcode: null })).toBe('Leśniewo 12');
    expect(formatAddress(urban)).toBe('Leśny Rów 3, 11-420 Srokowo');
  });

  it('builds the search text from street, number, locality and postcode', () => {
    expect(searchTextOf(urban)).toBe('lesny row 3 srokowo 11-420');
  });

  it('falls back from a flat number to its building', () => {
    expect(houseNumberCandidates('12/3')).toEqual(['12/3', '12']);
    expect(houseNumberCandidates('12a')).toEqual(['12a']);
  });
});
