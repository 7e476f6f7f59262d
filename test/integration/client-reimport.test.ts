/**
 * Re-importing a centre's client spreadsheet (issue #5): nobody is duplicated. Rows match stored
 * clients by externalId, else by name and home address; they update them (or are skipped with
 * existing=skip) and the report says, row by row, what became of each.
 */
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

type Org = { id: string; slug: string };
/** Sends the file as the raw body, as a browser upload or curl --data-binary does. */
async function upload(org: Org, path: string, body: string) {
  const res = await fetch(`${t.baseUrl}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'text/csv' }, body });
  return { status: res.status, body: (await res.json()) as any };
}

async function organisationWithAddresses(): Promise<Org> {
  const org = await t.newOrganisation();
  const prg = readFileSync(new URL('../fixtures/prg/srokowo-prg.csv', import.meta.url), 'utf8');
  expect((await upload(org, '/address-points/import', prg)).status).toBe(200);
  return org;
}

describe('client CSV re-import', () => {
  it('updates the clients it matches by name and address, creates the new ones, and says so row by row', async () => {
    const org = await organisationWithAddresses();
    const api = apiFor(t.baseUrl, org.slug);
    const first = ['imie;nazwisko;telefon;adres;mobilnosc', 'Jan;Kowalski;600 100 200;Leśny Rów 3, Srokowo;chodzi', 'Maria;Wiśniewska;;Leśniewo 12;balkonik'].join('\r\n');
    const a = await upload(org, '/imports/clients', first);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ read: 2, imported: 2, refused: false });
    expect(a.body.rows.map((r: any) => r.action)).toEqual(['created', 'created']);
    const jan = a.body.rows[0].clientId;
    const janVersion = (await api.get(`/clients/${jan}`)).body.version;

    // The same people again (written differently), Jan now in a wheelchair, and one new client.
    const again = ['imie;nazwisko;telefon;adres;mobilnosc', 'JAN;kowalski;600 100 200;Lesny Row 3, Srokowo;wózek', 'Maria;Wiśniewska;;Leśniewo 12;balkonik', 'Anna;Nowak;;Leśniewo 12;'].join('\r\n');
    const b = await upload(org, '/imports/clients', again);
    expect(b.status).toBe(200);
    expect(b.body.rows).toEqual([
      { row: 2, action: 'updated', clientId: jan },
      { row: 3, action: 'unchanged', clientId: a.body.rows[1].clientId },
      { row: 4, action: 'created', clientId: expect.any(String) },
    ]);
    expect(b.body.imported).toBe(2);
    const clients = (await api.get('/clients')).body.items as any[];
    expect(clients).toHaveLength(3);
    // Fields present in the file are updated — including the name as now written.
    expect(clients.find((c) => c.id === jan)).toMatchObject({ mobility: 'WHEELCHAIR', firstName: 'JAN', version: janVersion + 1 });

    // existing=skip leaves stored clients as they are.
    const c = await upload(org, '/imports/clients?existing=skip', ['imie;nazwisko;adres;mobilnosc', 'Jan;Kowalski;Leśny Rów 3, Srokowo;chodzi'].join('\r\n'));
    expect(c.body.rows).toEqual([{ row: 2, action: 'skipped', clientId: jan }]);
    expect(c.body.imported).toBe(0);
    expect((await api.get(`/clients/${jan}`)).body.mobility).toBe('WHEELCHAIR');
    expect((await upload(org, '/imports/clients?existing=merge', first)).status).toBe(400);
  });

  it('matches by externalId first, so a client who moved is updated with a new home, not duplicated', async () => {
    const org = await organisationWithAddresses();
    const api = apiFor(t.baseUrl, org.slug);
    const a = await upload(org, '/imports/clients', ['nr_klienta;imie;nazwisko;adres', 'K-17;Jan;Kowalski;Leśny Rów 3, Srokowo'].join('\r\n'));
    const jan = a.body.rows[0].clientId;
    const oldHome = (await api.get(`/clients/${jan}`)).body.homePlaceId;

    const moved = await upload(org, '/imports/clients', ['nr_klienta;imie;nazwisko;adres;telefon_pracownika', 'K-17;Jan;Kowalski;Leśniewo 12;+48 602 111 222'].join('\r\n'));
    expect(moved.body.rows).toEqual([{ row: 2, action: 'updated', clientId: jan }]);
    const after = (await api.get(`/clients/${jan}`)).body;
    expect(after).toMatchObject({ externalId: 'K-17', caseworkerPhone: '+48 602 111 222', homeAddress: 'Leśniewo 12, 11-420' });
    // A new home is a new place: rides already made from the old one keep it.
    expect(after.homePlaceId).not.toBe(oldHome);
    expect((await api.get(`/places/${oldHome}`)).status).toBe(200);
    expect((await api.get('/clients')).body.items).toHaveLength(1);

    // A client imported without an id gets it when a later file has one.
    const b = await upload(org, '/imports/clients', ['imie;nazwisko;adres', 'Maria;Wiśniewska;Leśniewo 12'].join('\r\n'));
    const maria = b.body.rows[0].clientId;
    const c = await upload(org, '/imports/clients', ['id;imie;nazwisko;adres', 'K-18;Maria;Wiśniewska;Leśniewo 12'].join('\r\n'));
    expect(c.body.rows).toEqual([{ row: 2, action: 'updated', clientId: maria }]);
    expect((await api.get(`/clients/${maria}`)).body.externalId).toBe('K-18');
  });

  it('refuses the same person twice in one file, and two stored look-alikes without an id', async () => {
    const org = await organisationWithAddresses();
    const api = apiFor(t.baseUrl, org.slug);
    const twice = await upload(org, '/imports/clients', ['imie;nazwisko;adres', 'Jan;Kowalski;Leśny Rów 3, Srokowo', 'Jan;Kowalski;Leśny Rów 3'].join('\r\n'));
    expect(twice.status).toBe(400);
    expect(twice.body.rejected).toEqual([expect.objectContaining({ row: 3, field: 'lastName', messageEn: 'the same client as row 2' })]);
    expect(twice.body.rows).toEqual([{ row: 3, action: 'rejected', clientId: null }]);
    expect((await api.get('/clients')).body.items).toEqual([]);

    // Two stored namesakes at one address (father and son): the row must name which by its id.
    const first = await upload(org, '/imports/clients', ['id;imie;nazwisko;adres', 'A1;Jan;Kowalski;Leśny Rów 3', 'A2;Jan;Kowalski;Leśny Rów 3'].join('\r\n'));
    expect(first.status).toBe(200);
    expect(first.body.rows.map((r: any) => r.action)).toEqual(['created', 'created']);
    const vague = await upload(org, '/imports/clients', ['imie;nazwisko;adres', 'Jan;Kowalski;Leśny Rów 3'].join('\r\n'));
    expect(vague.status).toBe(400);
    expect(vague.body.rejected[0]).toMatchObject({ row: 2, field: 'externalId' });
    expect(vague.body.rejected[0].message).toContain('2 zapisanych klientów');
    // And POST /clients refuses a second client with a stored id.
    const dup = await api.post('/clients', { firstName: 'X', lastName: 'Y', homePlaceId: (await api.get('/clients')).body.items[0].homePlaceId, externalId: 'A1' });
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields[0].path).toBe('externalId');
  });
});
