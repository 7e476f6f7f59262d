/**
 * The administrator's accounts and data-protection screens in a real browser against the real
 * server, PostgreSQL, Redis and a plan worker (issue #7, #8): the administrator creates a
 * dispatcher (a mistyped repeat is caught next to its field) and a driver bound to the bus with a
 * generated password, creates an API token (shown once) and revokes it; the new driver signs in
 * and sees only the driver's view; the access log lists entries; a client's data is exported,
 * erasure is refused with the server's reason while rides are kept, and a client with no rides is
 * erased; the report shows occupancy per vehicle and on time in words. The tests share the day.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet, type SmallDay } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { signIn } from '../helpers/sign-in.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { ensureWebBuild, launchChromium, newBrowserContext, openAs, screenshot } from './browser-setup.js';

const DATE = '2026-11-24';
const PASSWORD = 'haslo-testowe-admina';
const clock = new Date('2026-11-23T09:00:00Z');

let t: TestContext;
let osrm: FakeOsrm;
let browser: Browser;
let org: { id: string; slug: string };
let day: SmallDay;
let api: ReturnType<typeof apiFor>;
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];
let admin: Page;
let driverPassword = '';

async function openAsUser(login: string, password: string, hash: string): Promise<Page> {
  const context = await newBrowserContext(browser, t.baseUrl, { clock });
  contexts.push(context);
  return openAs(context, t.baseUrl, hash, login, password, pageErrors);
}

const login = (name: string) => `${name}.${org.slug}`;

beforeAll(async () => {
  await ensureWebBuild();
  t = await createTestContext({ now: () => clock });
  osrm = await startFakeOsrm();
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
  browser = await launchChromium();
  org = await t.newOrganisation(true);
  api = apiFor(t.baseUrl, org.slug);
  day = await createSmallFleet(api);
  const res = await api.post('/users', { login: login('admin'), displayName: 'Anna Administratorka', password: PASSWORD, roles: ['ADMIN'] });
  if (res.status !== 201) throw new Error(`admin: ${res.text}`);
  // Zofia (wheelchair) rides on the bus; Helena by the car or the bus: the day has a plan to report.
  for (const [client, arriveBy] of [[day.clients.zofia, '09:30'], [day.clients.helena, '10:00']] as const) {
    const ride = await api.post('/rides', { clientId: client, date: DATE, toPlaceId: day.healthId, arriveBy });
    if (ride.status !== 201) throw new Error(`booking: ${ride.text}`);
  }
  await planAndWait(api, DATE);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.close();
  await osrm?.close();
});

describe("the administrator's accounts screens", () => {
  it('creates a dispatcher (the repeated password checked at its field) and a driver of the bus with a generated password', async () => {
    admin = await openAsUser(login('admin'), PASSWORD, '#/accounts');
    await admin.getByRole('heading', { name: 'Konta użytkowników' }).waitFor();
    expect(await admin.locator('#nav a').allTextContents()).toContain('Konta i RODO');

    await admin.getByLabel('Login').fill(login('dyspozytor'));
    await admin.getByLabel('Imię i nazwisko').fill('Damian Dyspozytor');
    await admin.locator('#user-password').fill('dobre-haslo-123');
    await admin.getByLabel('Powtórz hasło').fill('dobre-haslo-124');
    await admin.locator('#user-role-DISPATCHER').check();
    await admin.getByRole('button', { name: 'Utwórz konto' }).click();
    await expect.poll(() => admin.locator('#user-password2-error').textContent()).toBe('Hasła się różnią');
    expect(await admin.locator('#user-password2').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.evaluate('document.activeElement.id')).toBe('user-password2');
    expect((await api.get('/users')).body.items.map((u: { login: string }) => u.login)).not.toContain(login('dyspozytor'));
    // Keyboard: type the repeat again and Enter sends the form.
    await admin.keyboard.press('Control+A');
    await admin.keyboard.type('dobre-haslo-123');
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.locator('#user-form-done').textContent()).toBe(`Utworzono konto ${login('dyspozytor')}.`);
    await admin.locator('#users-table').getByRole('rowheader', { name: login('dyspozytor'), exact: true }).waitFor();

    // The driver: vehicles appear once the role is chosen; the password is generated and shown once.
    await admin.getByLabel('Login').fill(login('kierowca'));
    await admin.getByLabel('Imię i nazwisko').fill('Karol Kierowca');
    expect(await admin.locator('#user-vehicles').isHidden()).toBe(true);
    await admin.locator('#user-role-DRIVER').check();
    await admin.locator('#user-vehicles').getByLabel('Bus').check();
    await admin.getByRole('button', { name: 'Wygeneruj hasło' }).click();
    const shown = (await admin.locator('#user-generated').textContent())!;
    driverPassword = /Wygenerowane hasło: (\S+)/.exec(shown)![1]!;
    expect(driverPassword.length).toBeGreaterThanOrEqual(16);
    await admin.getByRole('button', { name: 'Utwórz konto' }).click();
    await expect.poll(() => admin.locator('#user-form-done').textContent()).toBe(`Utworzono konto ${login('kierowca')}.`);
    const row = admin.locator('#users-table tr', { hasText: login('kierowca') });
    expect(await row.textContent()).toContain('kierowca');
    expect(await row.textContent()).toContain('Bus');
    await screenshot(admin, 'admin-accounts');

    const users = (await api.get('/users')).body.items as { login: string; roles: string[]; vehicleIds: string[] }[];
    expect(users.find((u) => u.login === login('dyspozytor'))).toMatchObject({ roles: ['DISPATCHER'], vehicleIds: [] });
    expect(users.find((u) => u.login === login('kierowca'))).toMatchObject({ roles: ['DRIVER'], vehicleIds: [day.busId] });
    expect(pageErrors).toEqual([]);
  });

  it('the new driver signs in with the generated password and sees only the driver view', async () => {
    const driver = await openAsUser(login('kierowca'), driverPassword, '#/accounts');
    expect(await driver.locator('#nav a').allTextContents()).toEqual(['Kierowca']);
    // Asking for the accounts page by its address still gives the driver's view.
    await driver.getByRole('heading', { name: 'Karta drogowa kierowcy' }).waitFor();
    expect(await driver.locator('text=Konta użytkowników').count()).toBe(0);
    // Only their own vehicle is offered, already chosen, for today: nothing leads to "not found".
    await expect.poll(() => driver.locator('#driver-vehicle').inputValue()).toBe(day.busId);
    expect(await driver.locator('#driver-vehicle option').allTextContents()).toEqual(['Wybierz pojazd', expect.stringContaining('Bus')]);
    expect(await driver.locator('#driver-date').inputValue()).toBe('2026-11-23');
    expect(await driver.locator('#driver-date').getAttribute('readonly')).not.toBeNull();
    await screenshot(driver, 'admin-accounts-driver-signed-in');
    expect(pageErrors).toEqual([]);
  });

  it('edits an account: a new generated password and another role, then deactivation; refuses deactivating oneself', async () => {
    await admin.getByRole('button', { name: `Zmień: ${login('dyspozytor')}` }).click();
    await admin.getByRole('heading', { name: 'Konto: Damian Dyspozytor' }).waitFor();
    expect(await admin.evaluate('document.activeElement.id')).toBe('user-form-heading');
    expect(await admin.getByLabel('Login').isDisabled()).toBe(true);
    expect(await admin.locator('#user-role-DISPATCHER').isChecked()).toBe(true);
    await admin.getByRole('button', { name: 'Wygeneruj hasło' }).click();
    const newPassword = /Wygenerowane hasło: (\S+)/.exec((await admin.locator('#user-generated').textContent())!)![1]!;
    await admin.locator('#user-role-CASEWORKER').check();
    await admin.getByLabel('Tylko własni podopieczni (pracownik socjalny)').check();
    await admin.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => admin.locator('#user-form-done').textContent()).toBe(`Zapisano konto ${login('dyspozytor')}.`);
    const session = await signIn(t.baseUrl, login('dyspozytor'), newPassword);
    expect((await session.get('/auth/me')).body.roles).toEqual(expect.arrayContaining(['DISPATCHER', 'CASEWORKER']));
    await expect(signIn(t.baseUrl, login('dyspozytor'), 'dobre-haslo-123')).rejects.toThrow(/401/);

    // Deactivated: the account can no longer sign in.
    await admin.getByRole('button', { name: `Zmień: ${login('dyspozytor')}` }).click();
    await admin.getByLabel('Konto aktywne').uncheck();
    await admin.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => admin.locator('#user-form-done').textContent()).toBe(`Zapisano konto ${login('dyspozytor')}.`);
    await expect(signIn(t.baseUrl, login('dyspozytor'), newPassword)).rejects.toThrow();
    expect(await admin.locator('#users-table tr', { hasText: login('dyspozytor') }).getAttribute('class')).toBe('cancelled');

    // The administrator cannot switch off their own account: the server's reason is shown.
    await admin.getByRole('button', { name: `Zmień: ${login('admin')}` }).click();
    await admin.getByLabel('Konto aktywne').uncheck();
    await admin.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => admin.locator('#user-form-error').textContent()).toContain('Nie możesz odebrać sobie roli administratora ani wyłączyć własnego konta');
    await admin.getByRole('button', { name: 'Nowe' }).click();
    // In English on request.
    await admin.click('#lang-switch');
    await admin.getByRole('heading', { name: 'User accounts' }).waitFor();
    expect(await admin.locator('#users-table thead').textContent()).toContain('Last sign-in');
    await admin.click('#lang-switch');
    await admin.getByRole('heading', { name: 'Konta użytkowników' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('creates an API token shown once, which works until the administrator revokes it', async () => {
    await admin.getByRole('link', { name: 'Tokeny API' }).click();
    await admin.getByRole('heading', { name: 'Tokeny API (integracje)' }).waitFor();
    await admin.getByLabel('Nazwa (do czego służy)').fill('System pomocy społecznej');
    await admin.locator('#token-role-CASEWORKER').check();
    await admin.getByRole('button', { name: 'Utwórz token' }).click();
    const value = await admin.locator('#token-value');
    await value.waitFor();
    const token = await value.inputValue();
    expect(token).toMatch(/^dwz_/);
    await admin.locator('#tokens-table').getByRole('rowheader', { name: 'System pomocy społecznej', exact: true }).waitFor();
    const call = () => fetch(`${t.baseUrl}/api/v1/clients`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await call()).toBe(200);
    await screenshot(admin, 'admin-tokens-created');

    await admin.getByRole('button', { name: 'Unieważnij: System pomocy społecznej' }).click();
    // The confirmation takes focus; Enter confirms.
    expect(await admin.evaluate('document.activeElement.textContent')).toBe('Potwierdź unieważnienie: System pomocy społecznej');
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.locator('#token-list-status').textContent()).toBe('Token „System pomocy społecznej” unieważniony.');
    expect(await admin.locator('#tokens-table tr', { hasText: 'System pomocy społecznej' }).locator('.token-state').textContent()).toMatch(/^unieważniony /);
    expect(await call()).toBe(401);
    expect(pageErrors).toEqual([]);
  });

  it("lists the access log for the data protection officer and downloads its CSV", async () => {
    // Reading a client is on record.
    expect((await api.get(`/clients/${day.clients.jozef}`)).status).toBe(200);
    await admin.getByRole('link', { name: 'Rejestr dostępu' }).click();
    await admin.locator('#audit-table tbody tr').first().waitFor();
    const rows = await admin.locator('#audit-table tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('odczyt'))).toBe(true);
    // The client by name, not by id.
    expect(rows.some((r) => r.includes('odczyt') && r.includes('Józef Zieliński'))).toBe(true);
    expect(await admin.locator('#audit-count').textContent()).toMatch(/^Wpisów: \d+\.$/);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Pobierz CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('czas_utc;kto_id;kto;czynnosc');
    expect(csv).toContain(`"${day.clients.jozef}";"Józef Zieliński"`);
    // A period that ends before it starts: the server's message stands next to "from".
    await admin.getByLabel('Od dnia').fill('2026-11-30');
    await admin.getByLabel('Do dnia (włącznie)').fill('2026-11-01');
    await admin.getByRole('button', { name: 'Pokaż' }).click();
    await expect.poll(() => admin.locator('#audit-from-error').textContent()).not.toBe('');
    await screenshot(admin, 'admin-audit');
    expect(pageErrors).toEqual([]);
  });

  it("exports a client's data, shows why erasure is refused while rides are kept, and erases a client with none", async () => {
    await admin.getByRole('link', { name: 'Dane klienta' }).click();
    const find = admin.getByLabel('Znajdź klienta');
    await find.fill('Nowakows');
    await admin.locator('#client-data-find-list [role=option]', { hasText: 'Nowakowska' }).waitFor();
    await find.press('ArrowDown');
    await find.press('Enter');
    await admin.locator('#client-export').waitFor();
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.locator('#client-export').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.client).toMatchObject({ id: day.clients.zofia, lastName: 'Nowakowska' });
    expect(exported.rides.length).toBe(1);

    await admin.getByRole('button', { name: 'Usuń dane klienta' }).click();
    await admin.getByRole('button', { name: 'Potwierdzam usunięcie danych: Zofia Nowakowska' }).click();
    await expect.poll(() => admin.locator('#client-data-error').textContent()).toContain('Serwer odmówił usunięcia: Nie można usunąć danych');
    expect((await api.get(`/clients/${day.clients.zofia}`)).status).toBe(200);
    await screenshot(admin, 'admin-client-data-refused');

    // Jan has no rides: erased entirely.
    await find.fill('Król');
    await admin.locator('#client-data-find-list [role=option]', { hasText: 'Król' }).waitFor();
    await find.press('ArrowDown');
    await find.press('Enter');
    await admin.getByRole('button', { name: 'Usuń dane klienta' }).click();
    await admin.getByRole('button', { name: 'Potwierdzam usunięcie danych: Jan Król' }).click();
    await expect.poll(() => admin.locator('#client-data-status').textContent()).toBe('Dane klienta usunięte.');
    expect((await api.get(`/clients/${day.clients.jan}`)).status).toBe(404);

    // The retention period starts from the setting; an out-of-range value is refused at the field.
    expect(await admin.getByLabel('Miesiące od ostatniej aktywności klienta (1–240)').inputValue()).toBe('60');
    await admin.getByLabel('Miesiące od ostatniej aktywności klienta (1–240)').fill('0');
    await admin.getByLabel('Miesiące od ostatniej aktywności klienta (1–240)').press('Enter');
    await expect.poll(() => admin.locator('#retention-months-error').textContent()).toBe('Podaj liczbę miesięcy od 1 do 240');
    await admin.getByLabel('Miesiące od ostatniej aktywności klienta (1–240)').fill('36');
    await admin.getByLabel('Miesiące od ostatniej aktywności klienta (1–240)').press('Enter');
    await expect.poll(() => admin.locator('#retention-saved').textContent()).toBe('Zapisano: 36 mies.');
    expect((await api.get('/organisation')).body.clientRetentionMonths).toBe(36);
    expect(pageErrors).toEqual([]);
  });

  it('the report shows occupancy per vehicle and on time with their labels, in Polish and English', async () => {
    await admin.goto(`${t.baseUrl}/app/#/reports?from=${DATE}&to=${DATE}`);
    await admin.getByRole('heading', { name: 'Obłożenie pojazdów' }).waitFor();
    const report = (await api.get(`/reports?from=${DATE}&to=${DATE}`)).body;
    expect(report.occupancy.vehicles.length).toBeGreaterThan(0);
    const vehicleRows = await admin.locator('#occupancy-vehicles tbody tr th').allTextContents();
    expect(vehicleRows).toEqual(report.occupancy.vehicles.map((v: { name: string }) => v.name));
    expect(await admin.locator('#occupancy-vehicles thead th').allTextContents()).toEqual(['Pojazd', 'Pasażerogodziny (osoby × godziny jazdy)', 'Godziny jazdy', 'Średnio osób w pojeździe podczas jazdy', 'Miejscogodziny (miejsca × godziny jazdy)', 'Wykorzystanie miejsc']);
    expect(await admin.locator('#chart-load').count()).toBe(1);
    expect(await admin.locator('#occupancy-fleet').textContent()).toContain('Średnio osób w pojeździe podczas jazdy');
    const onTime = await admin.locator('#on-time-table').textContent();
    expect(onTime).toContain('Na umówioną godzinę — wg planu (jeszcze bez zgłoszeń)');
    // The rides are arrive-by, planned and not yet reported: the planned count is written out.
    expect(report.onTime.arriveByPlanned).toBeGreaterThan(0);
    expect(await admin.locator('#on-time-table tbody tr').nth(1).locator('td').first().textContent()).toBe(String(report.onTime.arriveByPlanned));
    // No raw key names on the page.
    const text = (await admin.locator('#report-body').textContent())!;
    for (const key of ['passengerHours', 'averageOnBoard', 'arriveByOnTimeRate', 'departAfterPlannedInWindowRate']) expect(text).not.toContain(key);
    await screenshot(admin, 'admin-report-occupancy');
    await admin.click('#lang-switch');
    await admin.getByRole('heading', { name: 'Vehicle occupancy' }).waitFor();
    expect(await admin.locator('#on-time-table').textContent()).toContain('Arrive by — as planned (no report yet)');
    await admin.click('#lang-switch');
    expect(pageErrors).toEqual([]);
  });
});
