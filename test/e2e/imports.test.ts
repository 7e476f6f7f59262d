/**
 * The data import screen in a real browser against the real server and PostgreSQL: an
 * administrator imports PRG address points written easting first, a places file with a bad row
 * (refused, nothing stored; then its valid rows with one tick, the file still chosen) and a client
 * file twice (the second time nobody is new), and a dispatcher on an English page sees only the
 * places import, with the reasons in English. The tests run in this order and share the centre.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { ensureWebBuild, launchChromium, newBrowserContext, openAs, screenshot } from './browser-setup.js';

const PASSWORD = 'haslo-testowe-importu';

let t: TestContext;
let browser: Browser;
let org: { id: string; slug: string };
let api: ReturnType<typeof apiFor>;
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];
let admin: Page;

async function openAsUser(login: string, options: { english?: boolean } = {}): Promise<Page> {
  const context = await newBrowserContext(browser, t.baseUrl);
  if (options.english) await context.addInitScript(`localStorage.setItem('dowoz.lang', 'en')`);
  contexts.push(context);
  return openAs(context, t.baseUrl, '#/imports', `${login}.${org.slug}`, PASSWORD, pageErrors);
}

async function newUser(login: string, roles: string[]): Promise<void> {
  const res = await api.post('/users', { login: `${login}.${org.slug}`, displayName: login, password: PASSWORD, roles });
  if (res.status !== 201) throw new Error(`user ${login}: ${res.text}`);
}

/** Chooses a file in one import form and sends it. */
async function upload(page: Page, kind: 'prg' | 'places' | 'clients', name: string, text?: string): Promise<void> {
  if (text !== undefined) await page.locator(`#${kind}-file`).setInputFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/gml+xml', buffer: Buffer.from(text) });
  await page.locator(`#${kind}-import-form`).getByRole('button', { name: /^(Importuj|Import)$/ }).click();
}

/** The status line once the answer has arrived (it says "Wysyłanie…" while the file goes). */
async function statusOf(page: Page, kind: string): Promise<string> {
  const status = page.locator(`#${kind}-status`);
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^(Wczytano|Rows read)/);
  return (await status.textContent())!;
}

const rejectedRows = (page: Page, kind: string) =>
  page.locator(`#${kind}-rejected tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));

/** The raw API answer for a file, as curl would get it (a refused file stores nothing). */
async function apiUpload(path: string, body: string) {
  const res = await fetch(`${t.baseUrl}/api/v1${path}`, { method: 'POST', headers: { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'text/csv' }, body });
  return (await res.json()) as { rejected: { row: number; field: string; message: string; messageEn: string }[] };
}

const placeNames = async () => ((await api.get('/places')).body.items as { name: string }[]).map((p) => p.name).sort();

beforeAll(async () => {
  await ensureWebBuild();
  t = await createTestContext();
  browser = await launchChromium();
  org = await t.newOrganisation(true);
  api = apiFor(t.baseUrl, org.slug);
  await newUser('admin', ['ADMIN']);
  await newUser('dyspozytor', ['DISPATCHER']);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.close();
});

describe('the data import screen', () => {
  it('imports PRG address points written easting first when told so', async () => {
    admin = await openAsUser('admin');
    await admin.getByRole('heading', { name: 'Import danych', level: 1 }).waitFor();
    expect(await admin.locator('#nav a').allTextContents()).toContain('Import danych');
    expect(await admin.locator('section h2').allTextContents()).toEqual(['Punkty adresowe PRG', 'Miejsca', 'Klienci']);

    // Szkolna 4 in Srokowo, with x and y as a GIS program exports them (easting, then northing).
    await admin.locator('#prg-axis').selectOption('eastingNorthing');
    await upload(admin, 'prg', 'prg-gis.csv', 'miejscowosc;ulica;numer;x;y\nSrokowo;Szkolna;4;664182.77;708356.86\n');
    expect(await statusOf(admin, 'prg')).toBe('Wczytano wierszy: 1, zaimportowano: 1.');
    const [point] = (await api.get(`/address-points?q=${encodeURIComponent('Szkolna 4, Srokowo')}`)).body.items;
    expect(point.lat).toBeCloseTo(54.2131, 2);
    expect(point.lon).toBeCloseTo(21.52, 1);
    expect(pageErrors).toEqual([]);
  });

  it('refuses a places file with a bad row, names the row, stores nothing; then imports its valid rows with one tick', async () => {
    const csv = [
      'rodzaj;nazwa;adres;szerokosc;dlugosc',
      'HEALTH;Przychodnia w Srokowie;Szkolna 4, Srokowo;54,2131;21,5190',
      'GARAGE;Warsztat;Kętrzyn;54,08;21,37',
      'HOSPITAL;Szpital w Kętrzynie;ul. Curie-Skłodowskiej 2, Kętrzyn;54,0792;21,3702',
    ].join('\r\n');
    await upload(admin, 'places', 'miejsca.csv', csv);

    const refused = await statusOf(admin, 'places');
    expect(refused).toBe(
      'Wczytano wierszy: 3, zaimportowano: 0. Nic nie zaimportowano, bo plik ma błędne wiersze (lista poniżej). Popraw je i wyślij plik jeszcze raz albo zaznacz „Zaimportuj poprawne wiersze, pomiń błędne”.',
    );
    expect(await admin.locator('#places-status').getAttribute('class')).toBe('error');
    // The reason is the server's own, in Polish, next to the row and the Polish column name.
    const reason = (await apiUpload('/imports/places', csv)).rejected[0]!.message;
    expect(await rejectedRows(admin, 'places')).toEqual([['3', 'rodzaj (kind)', reason]]);
    expect(await placeNames()).toEqual([]);
    expect(await t.db.place.count({ where: { organisationId: org.id } })).toBe(0);
    await screenshot(admin, 'imports-places-refused');

    // The file is still chosen: tick "import the valid rows" and send again.
    await admin.locator('#places-import-form').getByLabel('Zaimportuj poprawne wiersze, pomiń błędne').check();
    await upload(admin, 'places', 'miejsca.csv');
    await expect.poll(() => admin.locator('#places-status').textContent()).toBe('Wczytano wierszy: 3, zaimportowano: 2. Pominięto błędne wiersze: 1.');
    expect(await admin.locator('#places-status').getAttribute('class')).toBe('warning');
    expect(await rejectedRows(admin, 'places')).toEqual([['3', 'rodzaj (kind)', reason]]);
    expect(await placeNames()).toEqual(['Przychodnia w Srokowie', 'Szpital w Kętrzynie']);
    expect(pageErrors).toEqual([]);
  });

  it('imports clients, and the same file again updates nobody into a duplicate; "skip" leaves them', async () => {
    const csv = [
      'imie;nazwisko;telefon;adres;szerokosc;dlugosc;mobilnosc;asystent',
      'Jan;Kowalski;600 100 200;Leśny Rów 3, Srokowo;54,2148;21,5263;wózek;tak',
      'Maria;Wiśniewska;;Leśniewo 12;54,1901;21,5402;balkonik;nie',
    ].join('\r\n');
    await upload(admin, 'clients', 'klienci.csv', csv);
    expect(await statusOf(admin, 'clients')).toBe('Wczytano wierszy: 2, zaimportowano: 2.');
    expect(await admin.locator('#clients-actions').textContent()).toBe('Nowi klienci: 2, zaktualizowani: 0, bez zmian: 0, pominięci (już zapisani): 0.');
    const clients = (await api.get('/clients')).body.items as { id: string; lastName: string; mobility: string }[];
    expect(clients.map((c) => c.lastName).sort()).toEqual(['Kowalski', 'Wiśniewska']);
    expect(clients.find((c) => c.lastName === 'Kowalski')!.mobility).toBe('WHEELCHAIR');

    // The same file again: both are recognised and nothing in them changed.
    await upload(admin, 'clients', 'klienci.csv');
    expect(await statusOf(admin, 'clients')).toBe('Wczytano wierszy: 2, zaimportowano: 0.');
    expect(await admin.locator('#clients-actions').textContent()).toBe('Nowi klienci: 0, zaktualizowani: 0, bez zmian: 2, pominięci (już zapisani): 0.');

    // "Klienci już zapisani: pomiń" sends existing=skip: a changed row leaves the stored client as is.
    await admin.locator('#clients-existing').selectOption({ label: 'pomiń' });
    await upload(admin, 'clients', 'klienci.csv', csv.replace('wózek', 'chodzi'));
    await expect.poll(() => admin.locator('#clients-actions').textContent()).toBe('Nowi klienci: 0, zaktualizowani: 0, bez zmian: 0, pominięci (już zapisani): 2.');
    const after = (await api.get('/clients')).body.items as { id: string; lastName: string; mobility: string }[];
    expect(after.map((c) => c.id).sort()).toEqual(clients.map((c) => c.id).sort());
    expect(after.find((c) => c.lastName === 'Kowalski')!.mobility).toBe('WHEELCHAIR');
    await screenshot(admin, 'imports-clients-skipped');
    expect(pageErrors).toEqual([]);
  });

  it('shows a dispatcher only the places import, with the reasons in the page’s language', async () => {
    const page = await openAsUser('dyspozytor', { english: true });
    await page.getByRole('heading', { name: 'Data import', level: 1 }).waitFor();
    expect(await page.locator('#nav a').allTextContents()).toContain('Data import');
    expect(await page.locator('section h2').allTextContents()).toEqual(['Places']);
    expect(await page.locator('#prg-import-form, #clients-import-form').count()).toBe(0);

    const bad = 'kind,name,address,lat,lon\nCUS,Dzienny Dom Pomocy,Szkolna 4,95,21.5\n';
    await upload(page, 'places', 'places.csv', bad);
    expect(await statusOf(page, 'places')).toBe(
      'Rows read: 1, imported: 0. Nothing was imported because the file has bad rows (listed below). Correct them and send the file again, or tick "Import the valid rows, skip the bad ones".',
    );
    expect(await rejectedRows(page, 'places')).toEqual([['2', 'lat', 'latitude between -90 and 90']]);

    // The places import is the dispatcher's to use: a good file is stored.
    await upload(page, 'places', 'places.csv', 'kind,name,address\nCUS,Dzienny Dom Pomocy,"Szkolna 4, Srokowo"\n');
    expect(await statusOf(page, 'places')).toBe('Rows read: 1, imported: 1.');
    expect(await placeNames()).toContain('Dzienny Dom Pomocy');
    expect(pageErrors).toEqual([]);
  });
});
