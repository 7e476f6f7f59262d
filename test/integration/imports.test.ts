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

async function upload(slug: string, path: string, body: string) {
  const res = await fetch(`${t.baseUrl}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokenFor(slug)}`, 'Content-Type': 'text/csv' }, body });
  return { status: res.status, body: (await res.json()) as any };
}

/** An organisation with the Srokowo PRG fixture imported, so addresses resolve. */
async function organisationWithAddresses() {
  const org = await t.newOrganisation();
  const prg = readFileSync(new URL('../fixtures/prg/srokowo-prg.csv', import.meta.url), 'utf8');
  expect((await upload(org.slug, '/address-points/import', prg)).status).toBe(200);
  return org;
}

describe('CSV import of places', () => {
  it('stores every row in one go, with decimal commas, an address resolved from PRG, and insideGmina computed', async () => {
    const org = await organisationWithAddresses();
    const csv = [
      'kind;name;address;lat;lon',
      'HOSPITAL;Szpital w Kętrzynie;ul. Curie-Skłodowskiej 2, Kętrzyn;54,0792;21,3702',
      'cus;Dzienny Dom Pomocy;ul. Szkolna 4, Srokowo;;',
      // The words the app itself shows for a kind pass too.
      'Ośrodek zdrowia;Przychodnia Srokowo;ul. Szkolna 4, Srokowo;54,2131;21,5160',
    ].join('\n');

    const res = await upload(org.slug, '/imports/places', csv);
    const places = (await apiFor(t.baseUrl, org.slug).get('/places')).body.items as any[];

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ read: 3, imported: 3, rejected: [], refused: false });
    expect(places.find((p) => p.name === 'Przychodnia Srokowo').kind).toBe('HEALTH');
    expect(places.find((p) => p.kind === 'HOSPITAL')).toMatchObject({ lat: 54.0792, insideGmina: false });
    const cus = places.find((p) => p.kind === 'CUS');
    expect(cus).toMatchObject({ address: 'Szkolna 4, 11-420 Srokowo', insideGmina: true });
    expect(cus.lat).toBeCloseTo(54.2131, 6);
  });

  it('names every bad field of every bad row, in Polish and English, and stores nothing', async () => {
    const org = await t.newOrganisation();
    const csv = 'kind,name,address,lat,lon\nGARAGE,Baza,Szkolna 4,54.2,21.5\nCUS,,Szkolna 4,95,21.5\n';

    const res = await upload(org.slug, '/imports/places', csv);

    expect(res.status).toBe(400);
    expect(res.body.rejected.map((r: any) => [r.row, r.field])).toEqual([
      [2, 'kind'],
      [3, 'name'],
      [3, 'lat'],
    ]);
    expect(res.body.rejected[2]).toMatchObject({ message: 'szerokość geograficzna od -90 do 90', messageEn: 'latitude between -90 and 90' });
    expect(res.body.rejected[0]).toMatchObject({
      message: 'nieznana wartość „GARAGE”; dozwolone: DEPOT, ADDRESS, CUS, HEALTH, HOSPITAL, REHAB, SCHOOL, OFFICE, NGO, OTHER',
      messageEn: 'unknown value "GARAGE"; allowed: DEPOT, ADDRESS, CUS, HEALTH, HOSPITAL, REHAB, SCHOOL, OFFICE, NGO, OTHER',
    });
    expect((await apiFor(t.baseUrl, org.slug).get('/places')).body.items).toEqual([]);
  });
});

describe('CSV import of clients', () => {
  const clientsCsv = [
    'imie;nazwisko;telefon;adres;lat;lon;mobilnosc;asystent;uwagi',
    'Jan;Kowalski;+48 600 100 200;Leśny Rów 3, Srokowo;;;wózek;tak;dzwonić przed przyjazdem',
    'Anna;Nowak;;Polna 99, Srokowo;;;WALKS;nie;',
    'Maria;Wiśniewska;;Leśniewo 12;;;balkonik;;',
    'Piotr;Zieliński;;Kętrzyn, szpital;54,0792;21,3702;;;',
  ].join('\r\n');

  it('rejects a row whose address is not in the register by its row number, and imports nothing', async () => {
    const org = await organisationWithAddresses();

    const res = await upload(org.slug, '/imports/clients', clientsCsv);

    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ read: 4, imported: 0, refused: true });
    expect(res.body.rejected).toHaveLength(1);
    expect(res.body.rejected[0]).toMatchObject({ row: 3, field: 'address' });
    expect(res.body.rejected[0].message).toContain('nie znaleziono adresu „Polna 99, Srokowo”');
    expect(res.body.rejected[0].messageEn).toContain('not found');
    expect((await apiFor(t.baseUrl, org.slug).get('/clients')).body.items).toEqual([]);
  });

  it('imports the valid rows with acceptValid, each with a home place at its resolved address', async () => {
    const org = await organisationWithAddresses();
    const api = apiFor(t.baseUrl, org.slug);

    const res = await upload(org.slug, '/imports/clients?acceptValid=true', clientsCsv);
    const clients = (await api.get('/clients')).body.items as any[];

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ read: 4, imported: 3, refused: false });
    expect(clients.map((c) => c.lastName).sort()).toEqual(['Kowalski', 'Wiśniewska', 'Zieliński']);
    const jan = clients.find((c) => c.lastName === 'Kowalski');
    expect(jan).toMatchObject({ mobility: 'WHEELCHAIR', needsAssistant: true, driverNotes: 'dzwonić przed przyjazdem', homeAddress: 'Leśny Rów 3, 11-420 Srokowo' });
    const home = (await api.get(`/places/${jan.homePlaceId}`)).body;
    expect(home).toMatchObject({ kind: 'ADDRESS', insideGmina: true });
    expect(home.lat).toBeCloseTo(54.2148, 6);
    expect(clients.find((c) => c.lastName === 'Wiśniewska')).toMatchObject({ mobility: 'WALKER', homeAddress: 'Leśniewo 12, 11-420' });
    const piotrHome = (await api.get(`/places/${clients.find((c) => c.lastName === 'Zieliński').homePlaceId}`)).body;
    expect(piotrHome).toMatchObject({ lat: 54.0792, lon: 21.3702, insideGmina: false });
    // The access log names each client the import created (RODO: who processed whose data).
    const audited = await t.db.auditEntry.findMany({ where: { organisationId: org.id, entity: 'client-import' } });
    expect(audited.map((e) => e.clientId).sort()).toEqual(clients.map((c) => c.id).sort());
  });

  it('checks rows with the same rules as the API: phone, mobility, yes/no', async () => {
    const org = await organisationWithAddresses();
    const csv = 'firstName,lastName,phone,address,mobility,needsAssistant\nJan,Kowalski,abc,Szkolna 4,FLYING,maybe\n';

    const res = await upload(org.slug, '/imports/clients', csv);

    expect(res.status).toBe(400);
    expect(res.body.rejected.map((r: any) => r.field).sort()).toEqual(['mobility', 'needsAssistant', 'phone']);
  });

  it('refuses to guess between two villages with the same street and number', async () => {
    const org = await t.newOrganisation();
    const prg = 'miejscowosc;ulica;numer;x;y\nSrokowo;Szkolna;4;708356.86;664182.77\nJegławki;Szkolna;4;713117.79;666535.77\n';
    await upload(org.slug, '/address-points/import', prg);

    const vague = await upload(org.slug, '/imports/clients', 'imie;nazwisko;adres\nJan;Kowalski;Szkolna 4\n');
    const named = await upload(org.slug, '/imports/clients', 'imie;nazwisko;adres\nJan;Kowalski;Szkolna 4, Jegławki\n');

    expect(vague.status).toBe(400);
    expect(vague.body.rejected[0]).toMatchObject({ row: 2, field: 'address' });
    expect(vague.body.rejected[0].messageEn).toContain('matches several points');
    expect(named.body).toMatchObject({ imported: 1, refused: false });
  });

  it('reads a Windows-1250 spreadsheet from Polish Excel', async () => {
    const org = await organisationWithAddresses();
    const text = 'imie;nazwisko;adres\r\nJózef;Łąka;Leśny Rów 3, Srokowo\r\n';
    // Windows-1250 bytes for the few Polish letters used here.
    const cp1250: Record<string, number> = { ó: 0xf3, Ł: 0xa3, ą: 0xb9, ś: 0x9c };
    const bytes = Uint8Array.from([...text].map((c) => cp1250[c] ?? c.charCodeAt(0)));

    const res = await fetch(`${t.baseUrl}/api/v1/imports/clients`, { method: 'POST', headers: { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'text/csv' }, body: bytes });
    const clients = (await apiFor(t.baseUrl, org.slug).get('/clients')).body.items as any[];

    expect(res.status).toBe(200);
    expect(clients[0]).toMatchObject({ firstName: 'Józef', lastName: 'Łąka', homeAddress: 'Leśny Rów 3, 11-420 Srokowo' });
  });

  it('takes the optional profile columns and refuses a bedridden client with the service’s reason', async () => {
    const org = await organisationWithAddresses();
    const csv = [
      'imie;nazwisko;adres;mobilnosc;pomoc;grupa;pies_asystujacy;pracownik_socjalny',
      'Ewa;Lis;Szkolna 4, Srokowo;wózek z przesiadką;door_to_door;senior;tak;K. Nowak',
      'Adam;Kot;Szkolna 4, Srokowo;leżący;;;;',
    ].join('\n');

    const res = await upload(org.slug, '/imports/clients?acceptValid=true', csv);
    const [ewa] = (await apiFor(t.baseUrl, org.slug).get('/clients')).body.items as any[];

    expect(res.body).toMatchObject({ read: 2, imported: 1 });
    expect(res.body.rejected).toEqual([expect.objectContaining({ row: 3, field: 'mobility', messageEn: expect.stringContaining('bedridden') })]);
    expect(ewa).toMatchObject({ mobility: 'WHEELCHAIR_TRANSFER', helpLevel: 'DOOR_TO_DOOR', eligibilityGroup: 'SENIOR', assistanceDog: true, caseworker: 'K. Nowak' });
  });

  it('rejects a file without the name columns as a whole', async () => {
    const org = await t.newOrganisation();

    const res = await upload(org.slug, '/imports/clients', 'name;address\nJan;Szkolna 4\n');

    expect(res.status).toBe(400);
    expect(res.body.rejected.map((r: any) => [r.row, r.field])).toEqual([
      [1, 'firstName'],
      [1, 'lastName'],
    ]);
  });
});
