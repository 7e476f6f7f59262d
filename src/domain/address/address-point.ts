/** An address point of the official register (PRG) and the checks a parsed one must pass. */
import { isInPoland, puwg1992ToWgs84, type Puwg1992 } from './puwg1992.js';
import { rejection, type RowRejection } from '../import/import-report.js';

/** A point as parsed from a file, coordinates still in EPSG:2180. */
export interface RawAddressPoint {
  /** Row (CSV) or feature ordinal (GML), for error reports. */
  readonly row: number;
  readonly simc?: string | undefined;
  readonly locality?: string | undefined;
  readonly street?: string | undefined;
  readonly houseNumber?: string | undefined;
  readonly postcode?: string | undefined;
  /** Undefined when a coordinate was missing or not a number. */
  readonly position?: Puwg1992 | undefined;
}

/** A checked point, converted to WGS84, ready to store. */
export interface AddressPointInput {
  readonly simc: string | null;
  readonly locality: string;
  readonly street: string | null;
  readonly houseNumber: string;
  readonly postcode: string | null;
  readonly lat: number;
  readonly lon: number;
}

export interface AddressPointView extends AddressPointInput {
  readonly id: string;
  /** "Leśny Rów 3, 11-420 Srokowo": what a place created from it is called. */
  readonly address: string;
  readonly source: string;
}

/** Checks one parsed point; answers the point or every reason it cannot be stored. */
export function checkAddressPoint(raw: RawAddressPoint): { point: AddressPointInput } | { rejected: RowRejection[] } {
  const problems: RowRejection[] = [];
  const locality = raw.locality?.trim();
  const houseNumber = raw.houseNumber?.trim();
  if (!locality) problems.push(rejection(raw.row, 'miejscowosc', 'brak nazwy miejscowości', 'the locality is missing'));
  if (!houseNumber) problems.push(rejection(raw.row, 'numer', 'brak numeru porządkowego', 'the house number is missing'));
  let lat = Number.NaN;
  let lon = Number.NaN;
  if (!raw.position || !Number.isFinite(raw.position.northing) || !Number.isFinite(raw.position.easting)) {
    problems.push(rejection(raw.row, 'x/y', 'brak współrzędnych x, y (EPSG:2180) albo nie są liczbami', 'coordinates x, y (EPSG:2180) missing or not numbers'));
  } else {
    ({ lat, lon } = puwg1992ToWgs84(raw.position));
    if (!isInPoland({ lat, lon })) {
      problems.push(
        rejection(
          raw.row,
          'x/y',
          `współrzędne poza Polską (${lat.toFixed(4)}, ${lon.toFixed(4)}); sprawdź kolejność x/y`,
          `coordinates outside Poland (${lat.toFixed(4)}, ${lon.toFixed(4)}); check the x/y order`,
        ),
      );
    }
  }
  if (problems.length) return { rejected: problems };
  return {
    point: {
      simc: raw.simc?.trim() || null,
      locality: locality!,
      street: raw.street?.trim() || null,
      houseNumber: houseNumber!,
      postcode: raw.postcode?.trim() || null,
      lat,
      lon,
    },
  };
}
