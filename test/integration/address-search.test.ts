/**
 * Address search (issue #5): PRG points first, offline; the optional geocoder only when PRG has no
 * match, tested against in-test servers answering Nominatim's and Photon's documented JSON.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { createGeocoder } from '../../src/domain/address/geocoder-client.js';
import { searchAddress } from '../../src/domain/address/search-address.js';

let t: TestContext;
let server: Server;
let base: string;
const requests: URL[] = [];
/** What the fake geocoder does next: answer normally, fail, or hang past the timeout. */
let mode: 'ok' | 'fail' | 'hang' = 'ok';

// Nominatim /search?format=jsonv2&addressdetails=1, as documented (trimmed to the fields we read).
const NOMINATIM = [
  {
    place_id: 1, lat: '54.2581', lon: '21.5012', category: 'place', type: 'house',
    display_name: '7, Leśny Rów, gmina Srokowo, powiat kętrzyński, województwo warmińsko-mazurskie, 11-420, Polska',
    address: { house_number: '7', village: 'Leśny Rów', municipality: 'gmina Srokowo', county: 'powiat kętrzyński', postcode: '11-420', country: 'Polska', country_code: 'pl' },
  },
];
// Photon /api, a GeoJSON FeatureCollection.
const PHOTON = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [21.3753, 54.0765] }, properties: { name: 'Szpital', street: 'Mazowiecka', housenumber: '1', postcode: '11-400', city: 'Kętrzyn', countrycode: 'PL' } },
  ],
};

beforeAll(async () => {
  t = await createTestContext();
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push(url);
    if (mode === 'hang') return; // never answers: the client's timeout must end it
    if (mode === 'fail') return void res.writeHead(503).end('busy');
    const body = url.pathname === '/search' ? NOMINATIM : url.pathname === '/api' ? PHOTON : null;
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

const fixture = readFileSync(new URL('../fixtures/prg/srokowo-prg.csv', import.meta.url), 'utf8');

describe('address search', () => {
  it('answers from PRG when it knows the address, and says so', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    // The file goes as the raw body.
    const res = await fetch(`${t.baseUrl}/api/v1/address-points/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'text/csv' },
      body: fixture,
    });
    expect(res.status).toBe(200);
    const found = await api.get(`/address-points/search?q=${encodeURIComponent('lesny row 3')}`);
    expect(found.status).toBe(200);
    expect(found.body.source).toBe('prg');
    expect(found.body.items.length).toBeGreaterThan(0);
    expect(found.body.geocoder.used).toBe(false);

    // Not in PRG and no geocoder configured: nothing, and what the caseworker can do instead
    // (the server's setting is the administrator's business, not named here).
    const none = await api.get(`/address-points/search?q=${encodeURIComponent('Mazowiecka 1 Kętrzyn')}`);
    expect(none.body).toMatchObject({ source: null, items: [], geocoder: { used: false } });
    expect(none.body.geocoder.error).toBe('nie ma w bazie adresów (PRG); wskaż miejsce na mapie i wpisz adres');
    expect(none.body.geocoder.errorEn).not.toContain('GEOCODER_URL');
    expect((await api.get('/address-points/search?q=')).status).toBe(400);
  });

  it('asks Nominatim or Photon only when PRG has no match; a failure or timeout is an answer, not an error', async () => {
    const org = await t.newOrganisation();
    const deps = { db: t.db, now: () => new Date() };
    const ctx = { organisationId: org.id, actor: 'test' };
    const nominatim = createGeocoder({ url: `${base}/`, kind: 'nominatim', timeoutMs: 1000 });

    requests.length = 0;
    const n = await searchAddress(deps, ctx, { q: 'Leśny Rów 7', limit: 5 }, nominatim);
    expect(n.source).toBe('geocoder');
    expect(n.items).toEqual([
      { address: NOMINATIM[0]!.display_name, locality: 'Leśny Rów', street: null, houseNumber: '7', postcode: '11-420', lat: 54.2581, lon: 21.5012 },
    ]);
    expect(requests[0]!.pathname).toBe('/search');
    expect(Object.fromEntries(requests[0]!.searchParams)).toMatchObject({ q: 'Leśny Rów 7', format: 'jsonv2', addressdetails: '1', countrycodes: 'pl', limit: '5' });

    const photon = createGeocoder({ url: base, kind: 'photon', timeoutMs: 1000 });
    const p = await searchAddress(deps, ctx, { q: 'Mazowiecka 1 Kętrzyn', limit: 3 }, photon);
    expect(p.source).toBe('geocoder');
    expect(p.items[0]).toEqual({ address: 'Mazowiecka 1, 11-400, Kętrzyn', locality: 'Kętrzyn', street: 'Mazowiecka', houseNumber: '1', postcode: '11-400', lat: 54.0765, lon: 21.3753 });

    mode = 'fail';
    const failed = await searchAddress(deps, ctx, { q: 'Leśny Rów 7', limit: 5 }, nominatim);
    expect(failed).toMatchObject({ source: null, items: [], geocoder: { used: true } });
    expect(failed.geocoder.errorEn).toContain('503');
    mode = 'hang';
    const slow = await searchAddress(deps, ctx, { q: 'Leśny Rów 7', limit: 5 }, createGeocoder({ url: base, kind: 'nominatim', timeoutMs: 200 }));
    expect(slow).toMatchObject({ source: null, items: [], geocoder: { used: true } });
    expect(slow.geocoder.errorEn).toContain('unreachable');
    mode = 'ok';

    // With PRG points that match, the geocoder is not asked at all.
    await t.db.addressPoint.create({ data: { organisationId: org.id, locality: 'Leśny Rów', houseNumber: '7', lat: 54.258, lon: 21.501, searchText: '7 lesny row' } });
    requests.length = 0;
    const local = await searchAddress(deps, ctx, { q: 'Leśny Rów 7', limit: 5 }, nominatim);
    expect(local.source).toBe('prg');
    expect(requests).toHaveLength(0);
  });
});
