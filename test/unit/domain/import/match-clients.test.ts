import { describe, expect, it } from 'vitest';
import { indexClients, personKey } from '../../../../src/domain/import/match-clients.js';

const stored = [
  { id: 'a', externalId: 'K-1', firstName: 'Jan', lastName: 'Kowalski', homeAddress: 'Leśny Rów 3, 11-420 Srokowo' },
  { id: 'b', externalId: null, firstName: 'Maria', lastName: 'Wiśniewska', homeAddress: 'Leśniewo 12' },
];

describe('matching spreadsheet rows to stored clients', () => {
  it('ignores case, Polish letters and punctuation in name and address', () => {
    expect(personKey('JAN', 'kowalski', 'Lesny Row 3 11-420 Srokowo')).toBe(personKey('Jan', 'Kowalski', 'Leśny Rów 3, 11-420 Srokowo'));
  });

  it('matches by externalId first, then by name and address; an unknown id may adopt a client without one', () => {
    const index = indexClients(stored);
    expect(index.match({ externalId: 'K-1', firstName: 'Janusz', lastName: 'Nowy', address: 'gdzie indziej 1' })).toEqual({ kind: 'existing', clientId: 'a' });
    expect(index.match({ firstName: 'jan', lastName: 'KOWALSKI', address: 'Lesny Row 3, 11-420 Srokowo' })).toEqual({ kind: 'existing', clientId: 'a' });
    expect(index.match({ externalId: 'K-2', firstName: 'Maria', lastName: 'Wiśniewska', address: 'Leśniewo 12' })).toEqual({ kind: 'existing', clientId: 'b' });
    // K-1's person under another id is someone else (a stored id is not overwritten).
    expect(index.match({ externalId: 'K-9', firstName: 'Jan', lastName: 'Kowalski', address: 'Leśny Rów 3, 11-420 Srokowo' })).toEqual({ kind: 'new' });
    expect(index.match({ firstName: 'Anna', lastName: 'Nowak', address: 'Leśniewo 12' })).toEqual({ kind: 'new' });
  });

  it('calls two stored look-alikes ambiguous', () => {
    const index = indexClients([...stored, { ...stored[1]!, id: 'c' }]);
    expect(index.match({ firstName: 'Maria', lastName: 'Wiśniewska', address: 'Leśniewo 12' })).toEqual({ kind: 'ambiguous', count: 2 });
  });
});
