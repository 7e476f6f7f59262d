import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/prg/${name}`, import.meta.url), 'utf8');

/** Sends a file as the raw body, as a browser upload or curl --data-binary does. */
async function upload(slug: string, path: string, body: string, contentType: string) {
  const res = await fetch(`${t.baseUrl}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokenFor(slug)}`, 'Content-Type': contentType }, body });
  return { status: res.status, body: (await res.json()) as any };
}

const search = async (slug: string, q: string) => (await apiFor(t.baseUrl, slug).get(`/address-points?q=${encodeURIComponent(q)}`)).body.items as any[];

describe('PRG address points', () => {
  it('imports a gmina CSV and finds its addresses however they are typed', async () => {
    const org = await t.newOrganisation();

    const res = await upload(org.slug, '/address-points/import', fixture('srokowo-prg.csv'), 'text/csv');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ read: 5, imported: 5, rejected: [], refused: false });
    const [lesny] = await search(org.slug, 'lesny row 3');
    expect(lesny).toMatchObject({ locality: 'Srokowo', street: 'Leśny Rów', houseNumber: '3', postcode: '11-420', simc: '0483260', source: 'PRG', address: 'Leśny Rów 3, 11-420 Srokowo' });
    expect(lesny.lat).toBeCloseTo(54.2148, 6);
    expect(lesny.lon).toBeCloseTo(21.5235, 6);
    expect((await search(org.slug, 'Srokowo, ul. Leśny Rów 3'))[0].id).toBe(lesny.id);
    expect((await search(org.slug, 'LEŚNIEWO 12'))[0]).toMatchObject({ locality: 'Leśniewo', street: null, houseNumber: '12' });
    expect((await search(org.slug, 'Kętrzyńska 12a'))[0].houseNumber).toBe('12A');
    expect(await search(org.slug, 'Szkolna 99')).toEqual([]);
  });

  it('keeps each organisation’s points to itself', async () => {
    const mine = await t.newOrganisation();
    const other = await t.newOrganisation();
    await upload(mine.slug, '/address-points/import', fixture('srokowo-prg.csv'), 'text/csv');

    expect(await search(other.slug, 'lesny row 3')).toEqual([]);
  });

  it('imports the GML model too, and a second import replaces points instead of doubling villages', async () => {
    const org = await t.newOrganisation();

    const first = await upload(org.slug, '/address-points/import', fixture('srokowo-prg.gml'), 'application/gml+xml');
    const again = await upload(org.slug, '/address-points/import', fixture('srokowo-prg.csv'), 'text/csv');

    expect(first.body).toMatchObject({ read: 5, imported: 5, refused: false });
    expect(again.body.imported).toBe(5);
    expect(await t.db.addressPoint.count({ where: { organisationId: org.id } })).toBe(5);
    expect(await search(org.slug, 'Jegławki 7')).toHaveLength(1);
  });

  it('imports nothing from a file with a bad row, then the valid rows with acceptValid', async () => {
    const org = await t.newOrganisation();
    const lines = fixture('srokowo-prg.csv').trimEnd().split('\r\n');
    // Row 3 loses its number; row 5 gets coordinates far outside Poland.
    lines[2] = lines[2]!.replace(';4;', ';;');
    lines[4] = 'Srokowo;0483260;Polna;1;11-420;10.00;20.00';
    const bad = lines.join('\r\n');

    const refused = await upload(org.slug, '/address-points/import', bad, 'text/csv');
    const countAfterRefusal = await t.db.addressPoint.count({ where: { organisationId: org.id } });
    const accepted = await upload(org.slug, '/address-points/import?acceptValid=true', bad, 'text/csv');

    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ read: 5, imported: 0, refused: true, error: { code: 'VALIDATION_FAILED' } });
    expect(refused.body.rejected.map((r: any) => [r.row, r.field])).toEqual([
      [3, 'numer'],
      [5, 'x/y'],
    ]);
    expect(refused.body.rejected[0].message).toBe('brak numeru porządkowego');
    expect(countAfterRefusal).toBe(0);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ read: 5, imported: 3, refused: false });
    expect(accepted.body.rejected).toHaveLength(2);
  });

  it('lets a caseworker make a home place from a found address, inside the gmina', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    await upload(org.slug, '/address-points/import', fixture('srokowo-prg.csv'), 'text/csv');
    const [found] = await search(org.slug, 'szkolna 4 srokowo');

    const place = await api.post('/places', { kind: 'ADDRESS', name: 'Dom', address: found.address, lat: found.lat, lon: found.lon });

    expect(place.status).toBe(201);
    expect(place.body.insideGmina).toBe(true);
  });

  it('refuses a JSON body and an empty query', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);

    expect((await api.post('/address-points/import', { x: 1 })).status).toBe(400);
    expect((await api.get('/address-points?q=')).status).toBe(400);
  });
});
