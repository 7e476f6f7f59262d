/**
 * An optional outside geocoder (issue #5), asked only when the organisation's PRG points give no
 * match: a Nominatim or a Photon instance, whichever the centre can use. Typed and validated: the
 * answer comes from outside. Never required — when it is not configured, slow or down, the search
 * just answers with what PRG has (nothing) and says why.
 */
import { z } from 'zod';

export interface GeocodedAddress {
  /** The geocoder's full text of the address. */
  readonly address: string;
  readonly locality: string | null;
  readonly street: string | null;
  readonly houseNumber: string | null;
  readonly postcode: string | null;
  readonly lat: number;
  readonly lon: number;
}

export interface Geocoder {
  readonly kind: 'nominatim' | 'photon';
  search(text: string, limit: number): Promise<GeocodedAddress[]>;
}

export class GeocoderError extends Error {}

const Coordinate = z.coerce.number().refine(Number.isFinite);

/** Nominatim /search?format=jsonv2&addressdetails=1 (https://nominatim.org/release-docs/latest/api/Search/). */
const NominatimAnswer = z.array(
  z.object({
    lat: Coordinate,
    lon: Coordinate,
    display_name: z.string(),
    address: z
      .object({
        road: z.string().optional(),
        house_number: z.string().optional(),
        village: z.string().optional(),
        hamlet: z.string().optional(),
        town: z.string().optional(),
        city: z.string().optional(),
        postcode: z.string().optional(),
      })
      .optional(),
  }),
);

/** Photon /api (GeoJSON features; https://github.com/komoot/photon). */
const PhotonAnswer = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([Coordinate, Coordinate]) }),
      properties: z.object({
        name: z.string().optional(),
        street: z.string().optional(),
        housenumber: z.string().optional(),
        city: z.string().optional(),
        district: z.string().optional(),
        postcode: z.string().optional(),
      }),
    }),
  ),
});

function joinAddress(parts: (string | null | undefined)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join(', ');
}

export function createGeocoder(options: { url: string; kind: 'nominatim' | 'photon'; timeoutMs: number; fetch?: typeof fetch }): Geocoder {
  const doFetch = options.fetch ?? fetch;
  const base = options.url.replace(/\/+$/, '');
  async function get(url: string): Promise<unknown> {
    let res: Response;
    try {
      // Nominatim's usage policy asks every application to name itself.
      res = await doFetch(url, { headers: { 'User-Agent': 'Dowoz/0.1 (transport scheduling for social services)', Accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (err) {
      throw new GeocoderError(`geocoder unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new GeocoderError(`geocoder answered ${res.status}`);
    }
    try {
      return await res.json();
    } catch {
      throw new GeocoderError('geocoder answered something other than JSON');
    }
  }
  return {
    kind: options.kind,
    async search(text, limit) {
      if (options.kind === 'nominatim') {
        const q = new URLSearchParams({ q: text, format: 'jsonv2', addressdetails: '1', limit: String(limit), countrycodes: 'pl', 'accept-language': 'pl' });
        const parsed = NominatimAnswer.safeParse(await get(`${base}/search?${q}`));
        if (!parsed.success) throw new GeocoderError('unexpected Nominatim answer');
        return parsed.data.map((r) => ({
          address: r.display_name,
          locality: r.address?.village ?? r.address?.hamlet ?? r.address?.town ?? r.address?.city ?? null,
          street: r.address?.road ?? null,
          houseNumber: r.address?.house_number ?? null,
          postcode: r.address?.postcode ?? null,
          lat: r.lat,
          lon: r.lon,
        }));
      }
      const q = new URLSearchParams({ q: text, limit: String(limit), lang: 'default' });
      const parsed = PhotonAnswer.safeParse(await get(`${base}/api?${q}`));
      if (!parsed.success) throw new GeocoderError('unexpected Photon answer');
      return parsed.data.features.map((f) => {
        const p = f.properties;
        const locality = p.city ?? p.district ?? null;
        const street = p.street ?? null;
        return {
          address: joinAddress([street ? `${street} ${p.housenumber ?? ''}`.trim() : p.housenumber ? `${p.name ?? locality ?? ''} ${p.housenumber}`.trim() : p.name, p.postcode, locality]),
          locality,
          street,
          houseNumber: p.housenumber ?? null,
          postcode: p.postcode ?? null,
          lat: f.geometry.coordinates[1],
          lon: f.geometry.coordinates[0],
        };
      });
    },
  };
}
