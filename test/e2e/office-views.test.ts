/**
 * The office's screens in a real browser against the real server, PostgreSQL, Redis and a plan
 * worker (issue #5, #8): a caseworker creates a client with the home address chosen from the PRG
 * search (then moves it by a click on the map), sees the client's rides and cancels one with a reason;
 * a dispatcher lifts a suspension;
 * an administrator adds a provider and gives it the bus; the day's notifications list who must be
 * phoned; the provider signs in and confirms a ride on its bus. Each person has their own account
 * and sees only their views. The tests run in this order and share the day.
 */
import { readFileSync } from 'node:fs';
import { suspensionReason } from '../../src/domain/booking/no-show-policy.rules.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet, type SmallDay } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { notifyPickupChanged } from '../../src/domain/notification/notify.js';
import { ensureWebBuild, launchChromium, newBrowserContext, openAs, screenshot } from './browser-setup.js';

const DATE = '2026-11-24';
const PASSWORD = 'haslo-testowe-biuro';
// The server's and the browsers' clock: Monday morning, then (for the provider) the day itself.
let clock = new Date('2026-11-23T09:00:00Z');

let t: TestContext;
let osrm: FakeOsrm;
let browser: Browser;
let org: { id: string; slug: string };
let day: SmallDay;
let api: ReturnType<typeof apiFor>;
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

async function openAsUser(login: string, hash: string): Promise<Page> {
  const context = await newBrowserContext(browser, t.baseUrl, { clock });
  contexts.push(context);
  return openAs(context, t.baseUrl, hash, `${login}.${org.slug}`, PASSWORD, pageErrors);
}

async function newUser(login: string, roles: string[], extra: Record<string, unknown> = {}): Promise<void> {
  const res = await api.post('/users', { login: `${login}.${org.slug}`, displayName: login, password: PASSWORD, roles, ...extra });
  if (res.status !== 201) throw new Error(`user ${login}: ${res.text}`);
}

async function book(clientId: string, arriveBy: string): Promise<string> {
  const res = await api.post('/rides', { clientId, date: DATE, toPlaceId: day.healthId, arriveBy });
  if (res.status !== 201) throw new Error(`booking: ${res.text}`);
  return res.body.outbound.id;
}

beforeAll(async () => {
  await ensureWebBuild();
  t = await createTestContext({ now: () => clock });
  osrm = await startFakeOsrm();
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
  browser = await launchChromium();
  org = await t.newOrganisation(true);
  api = apiFor(t.baseUrl, org.slug);
  day = await createSmallFleet(api);
  // The gmina's PRG address points (a raw CSV body, which apiFor does not send).
  const prg = readFileSync(new URL('../fixtures/prg/srokowo-prg.csv', import.meta.url), 'utf8');
  const imported = await fetch(`${t.baseUrl}/api/v1/address-points/import`, { method: 'POST', headers: { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'text/csv' }, body: prg });
  if (imported.status !== 200) throw new Error(`PRG import: ${await imported.text()}`);
  await newUser('opiekun', ['CASEWORKER']);
  await newUser('dyspozytor', ['DISPATCHER']);
  await newUser('admin', ['ADMIN']);
  // Jan has no phone: his notification has no recipient and the office must call.
  const jan = (await api.get(`/clients/${day.clients.jan}`)).body;
  expect((await api.patch(`/clients/${jan.id}`, { phone: null, version: jan.version })).status).toBe(200);
  // Irena was suspended for no-shows.
  const irena = (await api.get(`/clients/${day.clients.irena}`)).body;
  expect((await api.patch(`/clients/${irena.id}`, { suspension: { from: '2026-11-20', until: '2026-12-04', reason: 'Trzy nieobecności w miesiącu' }, version: irena.version })).status).toBe(200);
  // Zofia rides in her wheelchair: only the bus has the place, so her ride goes on the bus.
  await book(day.clients.zofia, '09:30');
  await book(day.clients.jan, '10:00');
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.close();
  await osrm?.close();
});

describe('the office screens in a browser', () => {
  it('lets a caseworker create a client with the address from the PRG search, move it on the map, see the rides and cancel one with a reason', async () => {
    const page = await openAsUser('opiekun', '#/clients');
    await page.getByRole('heading', { name: 'Karta klienta' }).waitFor();
    // A caseworker's navigation: no providers, notifications or administration.
    const nav = await page.locator('#nav a').allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['Rezerwacja', 'Klienci']));
    expect(nav).not.toContain('Przewoźnicy');
    expect(nav).not.toContain('Powiadomienia');

    await page.getByRole('link', { name: 'Nowy klient' }).click();
    await page.getByRole('heading', { name: 'Nowy klient' }).waitFor();
    // The map opens on the centre's own area: a click in it lands near Srokowo, not somewhere in Poland.
    await page.waitForTimeout(500);
    await page.locator('#cl-home-map').click();
    await expect.poll(() => page.locator('#cl-home-coords').textContent()).toMatch(/\d/);
    const [lat, lon] = /(-?[\d.]+), (-?[\d.]+)/.exec((await page.locator('#cl-home-coords').textContent()) ?? '')!.slice(1).map(Number);
    expect(Math.abs(lat! - 54.2134)).toBeLessThan(0.1);
    expect(Math.abs(lon! - 21.5192)).toBeLessThan(0.1);
    await page.reload();
    await page.getByRole('heading', { name: 'Nowy klient' }).waitFor();
    const placesBefore = (await api.get('/places')).body.items.length;
    // Saving an empty card: every missing field says so at once, in words, before anything is saved.
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('#cl-first-error').textContent()).toBe('Podaj imię');
    expect(await page.locator('#cl-last-error').textContent()).toBe('Podaj nazwisko');
    expect(await page.locator('#cl-home-error').textContent()).toContain('Wybierz adres');
    // Saving without an address: the error stands next to the address field.
    await page.getByLabel('Imię').fill('Marianna');
    await page.getByLabel('Nazwisko').fill('Leśna');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('#cl-home-error').textContent()).toContain('Wybierz adres');
    expect(await page.locator('#cl-home').getAttribute('aria-invalid')).toBe('true');

    // Keyboard: type the address, Enter searches, the PRG result is picked.
    await page.getByLabel('Szukaj adresu (PRG, geokoder)').fill('lesny row 3');
    await page.getByLabel('Szukaj adresu (PRG, geokoder)').press('Enter');
    const hit = page.locator('#cl-home-results button').first();
    await hit.waitFor();
    expect(await page.locator('#cl-home-status').textContent()).toContain('PRG');
    expect(await hit.textContent()).toContain('Leśny Rów 3');
    await hit.click();
    await expect.poll(() => page.locator('#cl-home').inputValue()).toContain('Leśny Rów 3');
    await page.getByLabel('Grupa uprawnionych').selectOption('SENIOR');
    await page.getByLabel('Mobilność').selectOption('WALKER');
    await page.getByLabel('Pies asystujący').check();
    await page.getByLabel('Uwagi dla kierowcy').fill('Drugie piętro, dzwonić dwa razy');
    // A bad phone number: the API's message appears next to the phone field, nothing is saved.
    await page.getByLabel('Telefon').fill('12');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('#cl-phone-error').textContent()).not.toBe('');
    await page.getByLabel('Telefon').fill('601 555 123');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.getByRole('heading', { name: 'Dane klienta: Marianna Leśna' }).waitFor();
    // The card opened again says it was saved, and the address no longer carries the note.
    await expect.poll(() => page.locator('#cl-saved').textContent()).toBe('Zapisano.');
    expect(page.url()).not.toContain('saved=');
    const clientId = new URLSearchParams(page.url().split('?')[1]).get('id')!;
    const saved = (await api.get(`/clients/${clientId}`)).body;
    expect(saved).toMatchObject({ firstName: 'Marianna', lastName: 'Leśna', phone: expect.stringContaining('601'), mobility: 'WALKER', assistanceDog: true, eligibilityGroup: 'SENIOR', driverNotes: 'Drugie piętro, dzwonić dwa razy' });
    expect(saved.homeAddress).toContain('Leśny Rów 3');
    // Her home became an ADDRESS place at the PRG point's coordinates: one, though the first save was refused.
    const home = (await api.get(`/places/${saved.homePlaceId}`)).body;
    expect(home).toMatchObject({ kind: 'ADDRESS', name: 'Dom: Marianna Leśna' });
    expect((await api.get('/places')).body.items.length).toBe(placesBefore + 1);
    expect(home.lat).toBeCloseTo(54.2, 0);

    // Two rides booked for her; the card lists them with their status.
    const first = await book(clientId, '08:30');
    expect((await api.post('/rides', { clientId, date: '2026-11-26', toPlaceId: day.dayCentreId, departAfter: '12:00' })).status).toBe(201);
    await page.reload();
    await page.locator('#cl-rides-heading').waitFor();
    const upcoming = page.locator('#cl-rides-upcoming tbody tr');
    await expect.poll(() => upcoming.count()).toBe(2);
    expect(await upcoming.first().textContent()).toContain(DATE);

    await page.locator(`#cancel-${first}`).click();
    // No reason: the API's message stands next to the reason field.
    await page.getByRole('button', { name: 'Potwierdź odwołanie' }).click();
    await expect.poll(() => page.locator(`#cancel-reason-${first}-error`).textContent()).not.toBe('');
    // Book by 09:00 the working day before: cancelling Tuesday's ride on Monday at 10:00 is late.
    const org0 = (await api.get('/organisation')).body;
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: { time: '09:00', workingDaysBefore: 1 } }, version: org0.version })).status).toBe(200);
    await page.getByLabel('Powód odwołania').fill('Wizyta przełożona');
    await page.getByRole('button', { name: 'Potwierdź odwołanie' }).click();
    await expect.poll(() => page.locator(`tr[data-ride="${first}"]`).textContent()).toContain('odwołany');
    expect(await page.locator(`tr[data-ride="${first}"]`).textContent()).toContain('Wizyta przełożona');
    expect(await page.locator(`tr[data-ride="${first}"] .late-cancelled`).textContent()).toBe('po terminie');
    expect(await page.locator('#cl-rides-status').textContent()).toContain('po terminie rezerwacji');
    expect((await api.get(`/rides/${first}`)).body).toMatchObject({ status: 'LATE_CANCELLED', cancelReason: 'Wizyta przełożona', lateCancelled: true });
    const org1 = (await api.get('/organisation')).body;
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: null }, version: org1.version })).status).toBe(200);
    await screenshot(page, 'client-card');

    // The address moved: marked by a click on the map and written by hand.
    await page.locator('#cl-home-map').click({ position: { x: 100, y: 60 } });
    await expect.poll(() => page.locator('#cl-home-status').textContent()).toContain('Wskazano miejsce na mapie');
    await page.getByLabel('Adres', { exact: true }).fill('Srokowo, dom za remizą');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(async () => (await api.get(`/clients/${clientId}`)).body.homeAddress).toBe('Srokowo, dom za remizą');
    const moved = (await api.get(`/places/${(await api.get(`/clients/${clientId}`)).body.homePlaceId}`)).body;
    expect(moved.id).not.toBe(home.id);
    expect(Math.abs(moved.lat - home.lat) + Math.abs(moved.lon - home.lon)).toBeGreaterThan(0.0005);
    expect(Math.abs(moved.lat - home.lat) + Math.abs(moved.lon - home.lon)).toBeLessThan(0.05);

    await page.click('#lang-switch');
    await page.getByRole('heading', { name: 'Client card' }).waitFor();
    expect(await page.locator('#cl-rides-heading').textContent()).toBe("The client's rides");
    await screenshot(page, 'client-card-en');
    await page.click('#lang-switch');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets a caseworker book a weekly ride, see it on the client card and switch it off', async () => {
    const marianna = (await api.get('/clients?q=Leśna')).body.items[0];
    const page = await openAsUser('opiekun', '#/booking');
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('heading', { name: 'Rezerwacja przejazdu' }).waitFor();
    await page.getByRole('combobox', { name: 'Klient' }).pressSequentially('Leśna');
    await page.getByRole('option', { name: /Leśna Marianna/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Dokąd').selectOption(day.dayCentreId);
    // From Thursday 26 November: Thursday is ticked for the day chosen, Monday is added.
    await page.getByLabel('Dzień', { exact: true }).fill('2026-11-26');
    await page.getByLabel('Godzina', { exact: true }).fill('10:30');
    await page.getByRole('checkbox', { name: 'Przejazd powrotny' }).check();
    await page.getByLabel('Powrót po godzinie').fill('13:30');
    await page.getByRole('checkbox', { name: 'Powtarzaj co tydzień od wybranego dnia' }).check();
    expect(await page.getByRole('checkbox', { name: 'czw' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'pn' }).check();
    await page.getByLabel('Do dnia (włącznie)').fill('2026-12-10');
    await page.getByRole('button', { name: 'Zarezerwuj co tydzień' }).click();
    const success = page.locator('.success');
    await success.waitFor();
    expect(await success.locator('h2').textContent()).toBe('Zarezerwowano co tydzień (pn, czw) od 2026-11-26 do 2026-12-10');
    // Thu 26 Nov, Mon 30 Nov, Thu 3 Dec, Mon 7 Dec, Thu 10 Dec: five outbound rides, each with its return, all listed.
    expect(await success.locator('li').count()).toBe(10);
    expect(await success.locator('li', { hasText: 'Powrót:' }).count()).toBe(5);
    const pattern = (await api.get(`/recurring-rides?clientId=${marianna.id}`)).body.items[0];
    expect(pattern).toMatchObject({ weekdays: [1, 4], arriveBy: '10:30', returnDepartAfter: '13:30', startDate: '2026-11-26', endDate: '2026-12-10', active: true });
    expect((await api.get(`/rides?clientId=${marianna.id}&from=2026-11-26&to=2026-12-10`)).body.items.filter((r: any) => r.recurringRideId === pattern.id)).toHaveLength(10);

    // The same again: Marianna would ride twice at once; the time field says so, with the day.
    await page.getByRole('button', { name: 'Zarezerwuj co tydzień' }).click();
    await expect.poll(() => page.locator('#bk-time-error').textContent()).toContain('2026-11-26: klient ma już przejazd w tym czasie');
    expect((await api.get(`/recurring-rides?clientId=${marianna.id}`)).body.items).toHaveLength(1);

    // The client card lists the weekly ride and marks its rides; switching it off cancels them.
    await page.goto(`${t.baseUrl}/app/#/clients?id=${marianna.id}`);
    await page.locator('#cl-patterns-table').waitFor();
    expect(await page.locator(`tr[data-pattern="${pattern.id}"]`).textContent()).toContain('pn, czw');
    expect(await page.locator('#cl-rides-upcoming .badge', { hasText: 'co tydzień' }).count()).toBe(10);
    // Cancelling a day's ride out takes its ride back along (ticked by default).
    const made = (await api.get(`/rides?clientId=${marianna.id}&from=2026-11-26&to=2026-11-26`)).body.items.filter((r: any) => r.recurringRideId === pattern.id);
    const out = made.find((r: any) => r.outboundRideId === null);
    const back = made.find((r: any) => r.outboundRideId === out.id);
    await page.locator(`#cancel-${out.id}`).click();
    expect(await page.getByLabel('Odwołaj też powrót (od 13:30)').isChecked()).toBe(true);
    await page.getByLabel('Powód odwołania').fill('Turnus w sanatorium');
    await page.getByRole('button', { name: 'Potwierdź odwołanie' }).click();
    await expect.poll(() => page.locator(`tr[data-ride="${back.id}"]`).textContent()).toContain('odwołany');
    expect(await page.locator(`tr[data-ride="${out.id}"]`).textContent()).toContain('odwołany');
    expect((await api.get(`/rides/${back.id}`)).body).toMatchObject({ status: 'CANCELLED', cancelReason: 'Turnus w sanatorium' });
    await page.locator(`#pattern-off-${pattern.id}`).click();
    await expect.poll(() => page.locator(`tr[data-pattern="${pattern.id}"]`).textContent()).toContain('wyłączony');
    const after = (await api.get(`/rides?clientId=${marianna.id}&from=2026-11-26&to=2026-12-10`)).body.items.filter((r: any) => r.recurringRideId === pattern.id);
    expect(after.every((r: any) => r.status === 'CANCELLED')).toBe(true);
    await screenshot(page, 'client-card-weekly');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets a dispatcher lift a suspension with a reason, recorded in the policy history', async () => {
    const page = await openAsUser('dyspozytor', '#/clients');
    // Found by the type-ahead, picked with the keyboard.
    await page.getByRole('combobox', { name: 'Znajdź klienta' }).pressSequentially('Szyma');
    await page.getByRole('option', { name: /Szymańska Irena/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dane klienta: Irena Szymańska' }).waitFor();
    expect(page.url()).toContain(`#/clients?id=${day.clients.irena}`);
    expect(await page.locator('#cl-policy-state').textContent()).toContain('Zawieszony od 2026-11-20 do 2026-12-04');
    await page.getByRole('button', { name: 'Zatwierdź' }).click();
    await expect.poll(() => page.locator('#pol-reason-error').textContent()).not.toBe('');
    await page.getByLabel('Uzasadnienie').fill('Nieobecności usprawiedliwione pobytem w szpitalu');
    await page.getByRole('button', { name: 'Zatwierdź' }).click();
    await expect.poll(() => page.locator('#cl-policy-state').textContent()).toBe('Bez ostrzeżeń i zawieszeń.');
    expect(await page.locator('#cl-policy-events').textContent()).toContain('zawieszenie zdjęte');
    expect(await page.locator('#cl-policy-events').textContent()).toContain('Nieobecności usprawiedliwione pobytem w szpitalu');
    expect((await api.get(`/clients/${day.clients.irena}`)).body.suspension).toBeNull();
    await screenshot(page, 'client-policy-lifted');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows the policy’s automatic reason in the page’s language only, a dispatcher’s as typed', async () => {
    // The policy suspends Józef by itself (as applyNoShowPolicy records it).
    const reason = suspensionReason(3, 30);
    await t.db.client.update({ where: { id: day.clients.jozef! }, data: { suspendedFrom: new Date('2026-11-24'), suspendedUntil: new Date('2026-12-07'), suspensionReason: reason } });
    await t.db.clientPolicyEvent.create({ data: { organisationId: org.id, clientId: day.clients.jozef!, actor: 'system', action: 'SUSPENSION', reason, noShows: 3, suspendedFrom: new Date('2026-11-24'), suspendedUntil: new Date('2026-12-07') } });
    const page = await openAsUser('dyspozytor', `#/clients?id=${day.clients.jozef}`);
    await page.locator('#cl-policy-state').waitFor();
    const state = await page.locator('#cl-policy-state').textContent();
    expect(state).toContain('3 nieobecności (no-show) w ciągu 30 dni — zawieszenie automatyczne');
    expect(state).not.toContain('no-shows within');
    expect(await page.locator('#cl-policy-events').textContent()).not.toContain('no-shows within');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('#cl-policy-state').textContent()).toContain('3 no-shows within 30 days — automatic suspension');
    expect(await page.locator('#cl-policy-state').textContent()).not.toContain('nieobecności');
    expect(await page.locator('#cl-policy-events').textContent()).not.toContain('nieobecności');
    await page.getByRole('button', { name: 'Polski' }).click();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets a caseworker change a ride’s time and note on the client card, and says why a bad one is refused', async () => {
    const booked = await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-25', toPlaceId: day.healthId, arriveBy: '11:00', return: { departAfter: '12:30' } });
    expect(booked.status).toBe(201);
    const id = booked.body.outbound.id;
    const page = await openAsUser('opiekun', `#/clients?id=${day.clients.helena}`);
    await page.locator(`#change-${id}`).click();
    // After its return: refused next to the time, nothing saved.
    await page.locator(`#change-time-${id}`).fill('13:00');
    await page.getByRole('button', { name: 'Zapisz zmianę' }).click();
    await expect.poll(() => page.locator(`#change-time-${id}-error`).textContent()).toContain('przejazd musi być przed powrotem (12:30)');
    await page.locator(`#change-time-${id}`).fill('10:15');
    await page.locator(`#change-notes-${id}`).fill('Czeka przy furtce');
    await page.getByRole('button', { name: 'Zapisz zmianę' }).click();
    await expect.poll(() => page.locator('#cl-rides-status').textContent()).toBe('Zmieniono: godzina na 11:00 → na 10:15; uwagi dla kierowcy.');
    expect(await page.locator(`#cl-rides-upcoming tr[data-ride="${id}"]`).textContent()).toContain('10:15');
    expect((await api.get(`/rides/${id}`)).body).toMatchObject({ arriveBy: '10:15', notes: 'Czeka przy furtce', status: 'APPROVED', version: 2 });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows a caseworker the rides booked in a new suspension and cancels them with one button', async () => {
    const booked = await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-26', toPlaceId: day.healthId, arriveBy: '11:00', return: { departAfter: '12:30' } });
    expect(booked.status).toBe(201);
    const helena = (await api.get(`/clients/${day.clients.helena}`)).body;
    expect((await api.patch(`/clients/${helena.id}`, { suspension: { from: '2026-11-26', until: '2026-11-27', reason: 'pobyt w szpitalu' }, version: helena.version })).status).toBe(200);
    const page = await openAsUser('opiekun', `#/clients?id=${helena.id}`);
    const panel = page.locator('#cl-suspension-rides');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('W okresie zawieszenia (2026-11-26 – 2026-11-27) klient ma zarezerwowane przejazdy: 2');
    expect(await panel.locator('li').count()).toBe(2);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Odwołaj przejazdy w okresie zawieszenia (2)' }).click();
    await expect.poll(() => page.locator('#cl-said').textContent().catch(() => '')).toBe('Odwołano przejazdy: 2.');
    // The card was read again: the panel is gone and both rides show as cancelled with the reason.
    expect(await page.locator('#cl-suspension-rides').count()).toBe(0);
    for (const id of [booked.body.outbound.id, booked.body.return.id]) {
      expect(await page.locator(`#cl-rides-upcoming tr[data-ride="${id}"]`).textContent()).toContain('zawieszenie klienta: pobyt w szpitalu');
      expect((await api.get(`/rides/${id}`)).body.status).toBe('CANCELLED');
    }
    await screenshot(page, 'client-suspension-rides-cancelled');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  let providerId = '';
  it('lets an administrator add a provider and give it the bus', async () => {
    const page = await openAsUser('admin', '#/providers');
    await page.getByRole('heading', { name: 'Przewoźnicy', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('#pr-name-error').textContent()).not.toBe('');
    await page.getByLabel('Nazwa').fill('Stowarzyszenie Razem');
    await page.getByLabel('Telefon').fill('89 741 22 33');
    await page.getByLabel('E-mail').fill('biuro@razem.example.pl');
    await page.getByRole('checkbox', { name: /^Bus/ }).check();
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('#pr-saved').textContent()).toBe('Zapisano: Stowarzyszenie Razem.');
    expect(await page.locator('#providers-table tbody').textContent()).toContain('Bus');
    const providers = (await api.get('/providers')).body.items;
    expect(providers).toHaveLength(1);
    expect(providers[0]).toMatchObject({ name: 'Stowarzyszenie Razem', vehicleIds: [day.busId] });
    providerId = providers[0].id;
    await screenshot(page, 'providers');
    // From the list to the provider's rides (none planned yet).
    await page.getByRole('link', { name: 'Przejazdy: Stowarzyszenie Razem' }).click();
    await page.getByRole('heading', { name: 'Przejazdy przewoźnika', level: 1 }).waitFor();
    expect(await page.locator('#pv-provider').inputValue()).toBe(providerId);
    await expect.poll(() => page.locator('#pv-rides').textContent()).toContain('Brak przejazdów');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("lists the day's notifications, says whom to phone, and filters by status", async () => {
    const plan = await planAndWait(api, DATE);
    expect(plan.status).toBe('DONE');
    expect((await api.post(`/plans/${plan.id}/publish`)).status).toBe(200);
    const rideIds = (await api.get(`/rides?date=${DATE}`)).body.items.filter((r: { status: string }) => r.status === 'SCHEDULED').map((r: { id: string }) => r.id);
    await notifyPickupChanged({ db: t.db, now: () => clock }, { organisationId: org.id, actor: 'test' }, rideIds);

    const page = await openAsUser('dyspozytor', `#/notifications?date=${DATE}`);
    await page.getByRole('heading', { name: 'Powiadomienia klientów' }).waitFor();
    const rows = page.locator('#nt-table tbody tr');
    await expect.poll(() => rows.count()).toBe(rideIds.length);
    const janRow = rows.filter({ hasText: 'Jan Król' });
    expect(await janRow.textContent()).toContain('brak odbiorcy');
    expect(await janRow.textContent()).toContain('zadzwoń');
    expect(await rows.filter({ hasText: 'Zofia Nowakowska' }).textContent()).toMatch(/\d\d:\d\d–\d\d:\d\d/);
    expect(await page.locator('#nt-count').textContent()).toContain('do zadzwonienia: 1');

    await page.getByLabel('Status').selectOption('NO_RECIPIENT');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Jan Król');
    await screenshot(page, 'notifications');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('lets the provider sign in, see the rides on its bus and confirm one', async () => {
    await newUser('przewoznik', ['PROVIDER'], { providerId });
    clock = new Date('2026-11-24T15:00:00Z'); // the day of the rides, afternoon
    const page = await openAsUser('przewoznik', '#/provider');
    await page.getByRole('heading', { name: 'Przejazdy przewoźnika', level: 1 }).waitFor();
    expect(await page.locator('#nav a').allTextContents()).toEqual(['Kierowca', 'Przejazdy przewoźnika']);
    const card = page.locator('#pv-rides li').filter({ hasText: 'Zofia Nowakowska' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Bus');
    // No km: the API's message stands next to the km field.
    await card.getByRole('button', { name: 'Potwierdź przejazd' }).click();
    await expect.poll(() => card.locator('[id^="pc-km-"][id$="-error"]').textContent()).not.toBe('');
    await card.getByLabel('Wynik').selectOption('COMPLETED');
    await card.getByLabel('Przejechane km').fill('12.5');
    await card.getByLabel('Pobrana opłata (zł)').fill('5');
    await card.getByLabel('Uwagi').fill('Bez uwag');
    await card.getByRole('button', { name: 'Potwierdź przejazd' }).click();
    await expect.poll(() => page.locator('#pv-status').textContent()).toBe('Zapisano potwierdzenie: Zofia Nowakowska.');
    await expect.poll(() => page.locator('#pv-rides li').filter({ hasText: 'Zofia Nowakowska' }).locator('.success').textContent()).toContain('zrealizowany, 12.5 km, 5.00 zł');
    const rides = (await api.get(`/providers/${providerId}/rides?from=${DATE}&to=${DATE}`)).body.items;
    const zofia = rides.find((r: { client: { name: string } }) => r.client.name === 'Zofia Nowakowska');
    expect(zofia.confirmation).toMatchObject({ outcome: 'COMPLETED', km: 12.5, feeCollectedGrosze: 500, note: 'Bez uwag' });
    await screenshot(page, 'provider-rides');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
