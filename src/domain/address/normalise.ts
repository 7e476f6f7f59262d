/**
 * Polish address text made comparable: "ul. Leśny Rów 3" and "lesny row 3" become the same words.
 * Case and diacritics are dropped (ł/Ł do not decompose in Unicode, so they are mapped by hand),
 * punctuation separates words, and the street-type words a caseworker may or may not type
 * ("ul.", "al.", "os.") are dropped from queries.
 */

/** Lower case, no diacritics, words separated by one space; keeps digits, letters, "/" and "-" inside words. */
export function normaliseText(text: string): string {
  return text
    .replace(/[łŁ]/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9/-]+/g, ' ')
    .replace(/(^|\s)[-/]+|[-/]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Street-type words that say nothing about which street: "ul. Szkolna" is "Szkolna". */
const NOISE_WORDS = new Set(['ul', 'ulica', 'al', 'aleja', 'aleje', 'os', 'osiedle', 'pl', 'plac', 'nr', 'gm', 'gmina', 'm', 'lok', 'mieszk']);

/** A building number: 3, 12A, 5/7, 14-16 (normalised to lower case). */
const HOUSE_NUMBER = /^\d+[a-z]?(?:[/-]\d+[a-z]?)?$/;
const POSTCODE = /^\d{2}-\d{3}$/;

export interface AddressQuery {
  /** Words that must each appear in the address (street or locality), normalised. */
  readonly words: readonly string[];
  /** The building number asked for, normalised; null when none was typed. */
  readonly houseNumber: string | null;
  readonly postcode: string | null;
}

/**
 * Splits what a caseworker typed into words, a building number and a postcode. Handles
 * "Leśny Rów 3", "Leśny Rów 3, Srokowo", "Srokowo, Leśny Rów 3" and "Bykowo 12" (a village
 * without streets): order does not matter, since each word is matched on its own.
 * A flat number after the building ("12 m. 3", "12/3") is not part of PRG; "12/3" is kept
 * whole here and the search falls back to "12" (see {@link houseNumberCandidates}).
 */
export function parseAddressQuery(q: string): AddressQuery {
  const tokens = normaliseText(q).split(' ').filter(Boolean);
  const words: string[] = [];
  let houseNumber: string | null = null;
  let postcode: string | null = null;
  for (const token of tokens) {
    if (POSTCODE.test(token)) postcode = token;
    else if (HOUSE_NUMBER.test(token) && houseNumber === null) houseNumber = token;
    else if (!NOISE_WORDS.has(token)) words.push(token);
  }
  return { words, houseNumber, postcode };
}

/** The building numbers a typed number may mean, best first: "12/3" → ["12/3", "12"]. */
export function houseNumberCandidates(houseNumber: string): string[] {
  const building = houseNumber.split('/')[0]!;
  return building !== houseNumber ? [houseNumber, building] : [houseNumber];
}

/** The text a point is searched by: street, number, locality, postcode, normalised. */
export function searchTextOf(p: { street: string | null; houseNumber: string; locality: string; postcode: string | null }): string {
  return normaliseText([p.street ?? '', p.houseNumber, p.locality, p.postcode ?? ''].join(' '));
}

/**
 * How an address point is written for people: "Leśny Rów 3, 11-420 Srokowo", or for a village
 * without streets "Leśniewo 12, 11-420" (PRG does not name the post town, which for a village is
 * usually another place, so it is not guessed).
 */
export function formatAddress(p: { street: string | null; houseNumber: string; locality: string; postcode: string | null }): string {
  if (!p.street) return [`${p.locality} ${p.houseNumber}`, p.postcode].filter(Boolean).join(', ');
  return `${p.street} ${p.houseNumber}, ${[p.postcode, p.locality].filter(Boolean).join(' ')}`;
}
