/**
 * One address search for the caseworker (issue #5): the organisation's PRG points first, offline;
 * the optional geocoder only when PRG has no match. The answer says where each result came from.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { searchAddressPoints, type AddressSearchQuery } from './search-address-points.js';
import { GeocoderError, type GeocodedAddress, type Geocoder } from './geocoder-client.js';

/** One address found, from PRG or the geocoder: both answer in the geocoder's shape. */
export type AddressHit = GeocodedAddress;

export interface AddressSearchAnswer {
  /** Where the items came from; null when neither had anything. */
  readonly source: 'prg' | 'geocoder' | null;
  readonly items: readonly AddressHit[];
  /** Why the geocoder gave nothing (not configured, failed), when PRG had no match. */
  readonly geocoder: { readonly used: boolean; readonly error: string | null; readonly errorEn: string | null };
}

export async function searchAddress(
  deps: DomainDeps,
  ctx: OrganisationContext,
  query: AddressSearchQuery,
  geocoder: Geocoder | undefined,
): Promise<AddressSearchAnswer> {
  const points = await searchAddressPoints(deps, ctx, query);
  if (points.length > 0) {
    return {
      source: 'prg',
      items: points.map((p) => ({ address: p.address, locality: p.locality, street: p.street, houseNumber: p.houseNumber, postcode: p.postcode, lat: p.lat, lon: p.lon })),
      geocoder: { used: false, error: null, errorEn: null },
    };
  }
  if (!geocoder) {
    // Worded for the caseworker; the administrator's GEOCODER_URL is in the README.
    return { source: null, items: [], geocoder: { used: false, error: 'nie ma w bazie adresów (PRG); wskaż miejsce na mapie i wpisz adres', errorEn: 'not in the address register (PRG); mark the place on the map and type the address' } };
  }
  try {
    const found = await geocoder.search(query.q, query.limit);
    return { source: found.length ? 'geocoder' : null, items: found, geocoder: { used: true, error: null, errorEn: null } };
  } catch (err) {
    if (!(err instanceof GeocoderError)) throw err;
    return { source: null, items: [], geocoder: { used: true, error: `geokoder niedostępny: ${err.message}`, errorEn: `geocoder unavailable: ${err.message}` } };
  }
}
