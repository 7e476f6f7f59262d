/**
 * The web app in a real browser (Debian's Chromium through playwright-core; no browser download)
 * against the real server, PostgreSQL, Redis and a plan worker: a caseworker books; a dispatcher
 * approves and turns down rides leaving the gmina, plans the day and watches it finish, moves a
 * ride with the feasibility verdict shown, locks a route and publishes; a driver reports a pickup
 * online and a no-show offline (sent when back online, kept across a reload), downloads the PDF;
 * the board shows the changes; reports and administration work. The tests run in this order and
 * share the day. Screenshots of each view go to test-artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { acceptEarlyReports, ensureWebBuild, launchChromium, newBrowserContext, SCREENSHOTS } from './browser-setup.js';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createClient, createPlace, createSmallFleet, VILLAGE, type SmallDay } from '../helpers/day-fixture.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { PLANNING_QUEUE, PLAN_DAY_JOB } from '../../src/queue/jobs.js';
import { SROKOWO_BOUNDARY } from '../../prisma/demo-srokowo.js';

const ROOT = join(import.meta.dirname, '../..');
const DATE = '2026-11-24';

let t: TestContext;
let osrm: FakeOsrm;
let browser: Browser;
let org: { id: string; slug: string };
let day: SmallDay;
let api: ReturnType<typeof apiFor>;
/** Uncaught errors in the page; every test ends expecting none. */
const pageErrors: string[] = [];
const installationAdmins: string[] = [];
/**
 * The server's and the browsers' clock: booking and planning the day before; the drivers' tests
 * move it to the morning of the day (a report cannot be dated before its ride's day).
 */
let clock = new Date('2026-11-23T09:00:00Z');
const DAY_MORNING = new Date('2026-11-24T05:30:00Z'); // 06:30 in Warsaw, before the first stop

beforeAll(async () => {
  await ensureWebBuild();
  // The queue dashboard shows every organisation's jobs, so only installation administrators open
  // it; this run's database holds many organisations, so the e2e admin is named one (D26).
  t = await createTestContext({ now: () => clock, installationAdmins });
  osrm = await startFakeOsrm();
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
  browser = await launchChromium();
  // With the gmina's boundary: a ride to the county town leaves it and waits for approval.
  org = await t.newOrganisation(true);
  installationAdmins.push(`e2e.${org.slug}`);
  api = apiFor(t.baseUrl, org.slug);
  day = await createSmallFleet(api);
  // The person at the browser: one account with the office roles, signed in through the login page.
  const account = await api.post('/users', { login: `e2e.${org.slug}`, displayName: 'Ewa Testowa', password: E2E_PASSWORD, roles: ['ADMIN', 'DISPATCHER', 'CASEWORKER'] });
  if (account.status !== 201) throw new Error(`e2e account: ${account.text}`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await osrm?.close();
});

/** A browser context (one person's browser: its own storage) that reaches only the test server (map tiles fail, as offline). */
async function newBrowser(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return newBrowserContext(browser, t.baseUrl, { viewport, clock });
}

/** A page on the app for this test's organisation, in `context` or a browser of its own. */
async function openApp(hash: string, viewport = { width: 1280, height: 900 }, context?: BrowserContext): Promise<Page> {
  const page = await (context ?? (await newBrowser(viewport))).newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${t.baseUrl}/app/${hash}`);
  await signIn(page);
  return page;
}

const E2E_PASSWORD = 'haslo-testowe-e2e';

/** Signs in through the real login page, unless this browser already holds a session. */
async function signIn(page: Page): Promise<void> {
  await page.waitForSelector('#login-form, #sign-out');
  if (await page.locator('#sign-out').count()) return;
  await page.getByLabel('Login').fill(`e2e.${org.slug}`);
  await page.getByLabel('Hasło').fill(E2E_PASSWORD);
  await page.getByLabel('Hasło').press('Enter');
  await page.waitForSelector('#sign-out');
}

describe('signing in', () => {
  it('shows a Polish login page first, in English on request, refuses a wrong password and signs in with the keyboard', async () => {
    const context = await newBrowserContext(browser, t.baseUrl);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${t.baseUrl}/app/#/board`);
    await page.waitForSelector('#login-form');
    expect(await page.locator('h1').textContent()).toBe('Logowanie do Dowozu');
    expect(await page.locator('#nav a').count()).toBe(0);
    await page.click('#lang-switch');
    expect(await page.locator('h1').textContent()).toBe('Sign in to Dowóz');
    await page.getByLabel('Password').fill('zle-haslo-123');
    await page.getByLabel('Login').fill(`e2e.${org.slug}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#login-error:not(:empty)');
    expect(await page.locator('#login-error').textContent()).toBe('Wrong login or password');
    await page.click('#lang-switch');
    // Keyboard only: the login field has focus; type, Tab to the password, Enter to sign in.
    expect(await page.evaluate('document.activeElement.id')).toBe('login');
    await page.keyboard.type(`e2e.${org.slug}`);
    await page.keyboard.press('Tab');
    await page.keyboard.type(E2E_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sign-out');
    expect(await page.locator('#nav a').allTextContents()).toContain('Dyspozytor');
    // Who, and in which centre (an installation serves several).
    expect(await page.locator('#signed-in').textContent()).toBe(`Zalogowano: Ewa Testowa — ${(await api.get('/organisation')).body.name}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'login-signed-in.png'), fullPage: true });
    // The cookie is out of the page's reach; signing out brings the login page back.
    expect(await page.evaluate('document.cookie')).not.toContain('dowoz_session');
    await page.click('#sign-out');
    await page.waitForSelector('#login-form');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('serving the web app', () => {
  it('serves the built page at /app/, for deep links too, with the map settings beside it', async () => {
    const page = await fetch(`${t.baseUrl}/app/`);
    const deep = await fetch(`${t.baseUrl}/app/board/anything`);
    const config = await fetch(`${t.baseUrl}/app/config.json`);
    const missingAsset = await fetch(`${t.baseUrl}/app/assets/no-such-file.js`);

    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toMatch(/\/app\/assets\/index-[\w-]+\.js/);
    expect(await deep.text()).toBe(html);
    expect(await config.json()).toMatchObject({ mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
    expect(missingAsset.status).toBe(404);
  });
});

describe('the web app in a browser', () => {
  it('shows the page asked for last when an earlier one is still loading', async () => {
    const page = await openApp('#/booking');
    // The day board of another day answers slowly (a big day, a slow network).
    const OTHER = '2026-11-30';
    let slowAnswered = false;
    await page.route(`**/api/v1/rides?date=${OTHER}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
      slowAnswered = true;
    });
    await page.evaluate(`location.hash = '#/board?date=${OTHER}'`);
    await page.waitForTimeout(200);
    await page.evaluate(`location.hash = '#/board?date=${DATE}'`);
    await page.locator('#board-date').waitFor();
    expect(await page.locator('#board-date').inputValue()).toBe(DATE);
    await expect.poll(() => slowAnswered, { timeout: 15_000 }).toBe(true);
    await page.waitForTimeout(300);
    // The late board was drawn off the page: the day asked for last is still the one shown, once.
    expect(await page.locator('#board-date').count()).toBe(1);
    expect(await page.locator('#board-date').inputValue()).toBe(DATE);
    // The same with another page: the tab, the title and the page agree.
    slowAnswered = false;
    await page.evaluate(`location.hash = '#/board?date=${OTHER}'`);
    await page.waitForTimeout(200);
    await page.click('#nav a[href="#/booking"]');
    await page.getByRole('heading', { level: 1, name: 'Rezerwacja przejazdu' }).waitFor();
    await expect.poll(() => slowAnswered, { timeout: 15_000 }).toBe(true);
    await page.waitForTimeout(300);
    expect(await page.locator('#main h1').allTextContents()).toEqual(['Rezerwacja przejazdu']);
    expect(await page.title()).toBe('Rezerwacja — Dowóz');
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('lets a caseworker find a client by name and book a ride with its return, showing field errors first', async () => {
    const page = await openApp('#/booking');
    await page.getByRole('heading', { name: 'Rezerwacja przejazdu' }).waitFor();

    await page.getByRole('combobox', { name: 'Klient' }).pressSequentially('Kowal');
    await page.getByRole('option', { name: /Kowalczyk Helena/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#bk-client-info').textContent()).toContain('Helena Kowalczyk dom');
    await page.getByLabel('Dzień', { exact: true }).fill(DATE);
    // 04:30 is asked about before anything is sent; declined, nothing is booked.
    await page.getByLabel('Godzina', { exact: true }).fill('04:30');
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
    await page.getByRole('button', { name: 'Zarezerwuj' }).click();
    expect(await asked).toContain('Godzina 04:30 — to poza zwykłymi godzinami przewozów');
    expect(await page.locator('#bk-to-error').textContent()).toBe('');
    await page.getByLabel('Godzina', { exact: true }).fill('08:30');
    await page.getByRole('button', { name: 'Zarezerwuj' }).click();

    // No destination: the API's field error appears next to the destination select.
    await expect.poll(() => page.locator('#bk-to-error').textContent()).not.toBe('');
    expect(await page.locator('#bk-to').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Dokąd').selectOption(day.dayCentreId);
    await page.getByRole('checkbox', { name: 'Przejazd powrotny' }).check();
    await page.getByLabel('Powrót po godzinie').fill('14:00');
    await page.getByRole('button', { name: 'Zarezerwuj' }).click();

    const success = page.locator('.success');
    await success.waitFor();
    expect(await success.textContent()).toContain('Zarezerwowano');
    expect(await success.locator('li').count()).toBe(2);
    expect(await page.locator('#bk-to-error').textContent()).toBe('');
    await shot(page, 'booking');
    const rides = (await api.get(`/rides?date=${DATE}`)).body.items as { client: { name: string }; arriveBy: string | null }[];
    expect(rides.map((r) => [r.client.name, r.arriveBy])).toEqual(expect.arrayContaining([['Helena Kowalczyk', '08:30'], ['Helena Kowalczyk', null]]));
    expect(await page.locator('#bk-warnings').count()).toBe(0);

    // A return at 19:00, after every shift: booked, and the caseworker is told no vehicle runs then.
    await page.getByLabel('Dzień', { exact: true }).fill('2026-11-26');
    await page.getByLabel('Powrót po godzinie').fill('19:00');
    await page.getByRole('button', { name: 'Zarezerwuj' }).click();
    await expect.poll(() => page.locator('.success h2').textContent()).toBe('Zarezerwowano');
    await page.locator('#bk-warnings li').first().waitFor();
    expect(await page.locator('#bk-warnings li').allTextContents()).toEqual([
      expect.stringMatching(/^Żaden kierowca nie pracuje w godzinach 19:00–19:30: przy obecnych pojazdach i ich zmianach plan tego przejazdu nie przydzieli/),
    ]);
    expect((await api.get('/rides?date=2026-11-26')).body.items).toHaveLength(2);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets a dispatcher plan the day, watch the progress bar finish and see routes, timelines and unassigned rides', async () => {
    // More rides for the day; one before any driver's shift starts, which no vehicle can serve.
    const early = await createClient(api, 'Adam Wczesny', VILLAGE.wyskok, { phone: '601 234 199' });
    // And one whose return is after every shift: taken there, with no ride back.
    const late = await createClient(api, 'Marek Późny', VILLAGE.lesk, { phone: '601 234 198' });
    for (const b of [
      { clientId: late, toPlaceId: day.healthId, arriveBy: '10:00', return: { departAfter: '17:00' } },
      { clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '09:30', return: { departAfter: '11:00' } },
      { clientId: day.clients.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
      { clientId: day.clients.irena, toPlaceId: day.healthId, departAfter: '10:00' },
      { clientId: early, toPlaceId: day.healthId, arriveBy: '05:30' },
    ]) {
      const res = await api.post('/rides', { date: DATE, ...b });
      expect(res.status, res.text).toBe(201);
    }
    // Two rides to the county town's hospital leave the gmina: they wait for the dispatcher.
    const ketrzyn = await createPlace(api, 'HOSPITAL', 'Szpital Kętrzyn', [54.0765, 21.3753]);
    const far = async (clientId: string, arriveBy: string) => {
      const res = await api.post('/rides', { date: DATE, clientId, toPlaceId: ketrzyn, arriveBy });
      expect(res.status, res.text).toBe(201);
      expect(res.body.outbound.status).toBe('REQUESTED');
      return res.body.outbound.id as string;
    };
    const toApprove = await far(day.clients.jan!, '12:00');
    const toTurnDown = await far(day.clients.jozef!, '13:00');

    const page = await openApp(`#/board?date=${DATE}`);
    await page.getByRole('heading', { name: 'Plan dnia' }).waitFor();
    expect(await page.locator('table.rides tbody tr').count()).toBe(11);
    expect(await page.locator('#awaiting-approval').textContent()).toContain('2');
    expect(await page.locator('table.rides tr.awaiting').count()).toBe(2);
    await page.getByLabel('Tylko czekające na zatwierdzenie').check();
    expect(await page.locator('table.rides tbody tr').count()).toBe(2);
    await shot(page, 'board-approval');
    await page.locator(`button[data-approve="${toApprove}"]`).click();
    await expect.poll(() => page.locator('table.rides tr.awaiting').count()).toBe(1);
    await page.locator(`button[data-turn-down="${toTurnDown}"]`).click();
    await page.getByLabel('Powód odrzucenia (Józef Zieliński)').fill('Brak wolnego pojazdu na wyjazd poza gminę');
    await page.getByRole('button', { name: 'Potwierdź odrzucenie' }).click();
    await expect.poll(() => page.locator('table.rides tr.awaiting').count()).toBe(0);
    expect((await api.get(`/rides/${toApprove}`)).body.status).toBe('APPROVED');
    expect((await api.get(`/rides/${toTurnDown}`)).body.status).toBe('TURNED_DOWN');
    await page.getByLabel('Tylko czekające na zatwierdzenie').uncheck();
    expect(await page.locator('table.rides tbody tr').count()).toBe(11);
    await page.getByLabel('Szukaj (klient, miejsce)').fill('Zofia');
    expect(await page.locator('table.rides tbody tr').count()).toBe(2);
    await page.getByLabel('Szukaj (klient, miejsce)').fill('');

    await page.getByRole('button', { name: 'Zaplanuj dzień' }).click();
    const bar = page.locator('#plan-progress');
    await bar.waitFor();
    await page.getByText('Plan nr 1 gotowy').first().waitFor({ timeout: 60_000 });
    expect(await bar.evaluate((el) => (el as unknown as { value: number }).value)).toBe(100);
    const plan = (await api.get(`/plans?date=${DATE}`)).body.items[0];
    const full = (await api.get(`/plans/${plan.id}`)).body;
    const scheduled = (await api.get(`/rides?date=${DATE}`)).body.items.filter((r: { status: string }) => r.status === 'SCHEDULED').length;
    expect(scheduled).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.locator('table.rides .status-scheduled').count()).toBe(scheduled);
    await page.locator('.leaflet-overlay-pane path.route-line').first().waitFor();
    expect(await page.locator('.leaflet-overlay-pane path.route-line').count()).toBe(full.routes.length);
    expect(await page.locator('.leaflet-overlay-pane path.stop-marker').count()).toBe(full.routes.reduce((n: number, r: any) => n + r.stops.length, 0));
    expect(await page.locator('.tl-row').count()).toBe(full.routes.length);
    const unassigned = page.locator('ul.unassigned li');
    expect(await unassigned.count()).toBe(full.unassigned.length);
    const tooEarly = full.unassigned.findIndex((u: { client: { name: string } }) => u.client.name === 'Adam Wczesny');
    expect(tooEarly).toBeGreaterThanOrEqual(0);
    expect(await unassigned.nth(tooEarly).textContent()).toContain(full.unassigned[tooEarly].reason);
    expect(await unassigned.nth(tooEarly).locator('.stranded').count()).toBe(0);
    const stranded = full.unassigned.findIndex((u: { client: { name: string } }) => u.client.name === 'Marek Późny');
    const marekOut = full.routes.flatMap((r: any) => r.stops.map((s: any) => ({ ...s, vehicle: r.vehicle.name }))).find((s: any) => s.client.name === 'Marek Późny' && s.kind === 'PICKUP');
    expect(await unassigned.nth(stranded).locator('.stranded').textContent()).toBe(
      `Uwaga: przejazd w tamtą stronę jest zaplanowany (${marekOut.vehicle}, odbiór ${marekOut.time}), a powrotu nie ma.`,
    );
    // Without tiles (offline) the map says so, and the routes are still there.
    await page.getByText('Podkład mapy jest niedostępny', { exact: false }).waitFor();
    await shot(page, 'board');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Day plan' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('ul.unassigned li').first().waitFor();
    expect(await page.locator('ul.unassigned li').nth(tooEarly).textContent()).toContain(full.unassigned[tooEarly].reasonEn);
    expect(await page.locator('ul.unassigned li').nth(stranded).locator('.stranded').textContent()).toContain('but there is no ride back');
    await shot(page, 'board-en');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('lets the dispatcher zoom the map and leave the board at once, with no page error', async () => {
    // Leaflet ends a zoom on timers that map.remove() does not cancel: leaving mid-zoom used to
    // throw "Cannot read properties of undefined (reading '_leaflet_pos')" from the removed map.
    // A browser on its real clock: Leaflet's animation frames do not run on a fixed one.
    const page = await (await newBrowserContext(browser, t.baseUrl)).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${t.baseUrl}/app/#/board?date=${DATE}`);
    await signIn(page);
    for (const zoom of ['wheel', 'dblclick', 'wheel', 'dblclick']) {
      await page.evaluate(`location.hash = '#/board?date=${DATE}'`);
      await page.locator('.leaflet-overlay-pane path.route-line').first().waitFor();
      await page.locator('#route-map').scrollIntoViewIfNeeded();
      const box = (await page.locator('#route-map').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      if (zoom === 'wheel') await page.mouse.wheel(0, -100);
      else await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
      await page.getByRole('link', { name: 'Klienci' }).click();
      await page.waitForTimeout(700);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the dispatcher see a move’s verdict before making it, move a ride, lock a route and publish to drivers', async () => {
    const planId = (await api.get(`/plans?date=${DATE}`)).body.items[0].id;
    const plan = (await api.get(`/plans/${planId}`)).body;
    const rides = (await api.get(`/rides?date=${DATE}`)).body.items as { id: string; wheelchair: boolean }[];
    const placed = plan.routes.flatMap((r: any) => r.stops.filter((s: any) => s.kind === 'PICKUP').map((s: any) => ({ rideId: s.rideId as string, from: r.vehicle.id as string })));
    // Infeasible: a wheelchair user into the car, which has no wheelchair place.
    const wheelchair = placed.find((p: { rideId: string }) => rides.find((r) => r.id === p.rideId)?.wheelchair);
    expect(wheelchair?.from).toBe(day.busId);
    // A spare van joins for the day; the first ride the API's own dry run lets move there is moved.
    const van = await api.post('/vehicles', { name: 'Van', seats: 6, wheelchairPlaces: 1, depotPlaceId: day.depotId, shiftStart: '06:30', shiftEnd: '17:00' });
    expect(van.status, van.text).toBe(201);
    const refusals: string[] = [];
    let candidate: { rideId: string; to: string } | null = null;
    for (const p of placed) {
      const dry = await api.post(`/plans/${planId}/moves`, { rideId: p.rideId, vehicleId: van.body.id, dryRun: true });
      if (dry.status === 200) {
        candidate = { rideId: p.rideId, to: van.body.id };
        break;
      }
      refusals.push(dry.text);
    }
    expect(candidate, refusals.join('\n')).not.toBeNull();

    const page = await openApp(`#/board?date=${DATE}`);
    await page.locator('#plan-live').waitFor();
    expect(await page.locator('#published-state').textContent()).toContain('Kierowcy jeszcze nie widzą');
    await page.getByLabel('Przejazd', { exact: true }).selectOption(wheelchair!.rideId);
    await page.getByLabel('Do pojazdu').selectOption(day.carId);
    await expect.poll(() => page.locator('#move-verdict').getAttribute('class')).toBe('verdict bad');
    expect(await page.locator('#move-verdict').textContent()).toMatch(/^Niemożliwe: .+/);
    expect(await page.locator('#move-apply').isDisabled()).toBe(true);

    await page.getByLabel('Przejazd', { exact: true }).selectOption(candidate!.rideId);
    await page.getByLabel('Do pojazdu').selectOption(candidate!.to);
    await expect.poll(() => page.locator('#move-verdict').getAttribute('class')).toBe('verdict ok');
    expect(await page.locator('#move-verdict').textContent()).toMatch(/^Możliwe: .+ km, .+ min/);
    await shot(page, 'board-move-verdict');
    // The verdicts were dry runs: the plan is as it was.
    expect((await api.get(`/plans/${planId}`)).body.version).toBe(plan.version);

    await page.getByRole('button', { name: 'Przenieś', exact: true }).click();
    await expect
      .poll(async () => (await api.get(`/plans/${planId}`)).body.routes.find((r: any) => r.vehicle.id === candidate!.to)?.stops.some((s: any) => s.rideId === candidate!.rideId))
      .toBe(true);
    await expect.poll(() => page.locator('#plan-live .change-list li').count()).toBeGreaterThan(0);

    // The ride nobody can serve (before any shift) cannot be fitted in either; the page says why.
    const adam = plan.unassigned.find((u: { client: { name: string } }) => u.client.name === 'Adam Wczesny').rideId;
    await page.locator(`button[data-insert="${adam}"]`).click();
    await page.locator('#insert-result.verdict.bad').waitFor();
    expect(await page.locator('#insert-result').textContent()).toMatch(/^Adam Wczesny: Przejazdu nie da się dołączyć do planu: .+/);

    await page.getByRole('button', { name: 'Zablokuj trasę: Bus' }).click();
    await page.getByRole('button', { name: 'Odblokuj trasę: Bus' }).waitFor();
    expect(await page.getByRole('button', { name: 'Odblokuj trasę: Bus' }).getAttribute('aria-pressed')).toBe('true');
    expect((await api.get(`/plans/${planId}`)).body.routes.find((r: any) => r.vehicle.id === day.busId).locked).toBe(true);

    await page.getByRole('button', { name: 'Opublikuj kierowcom' }).click();
    await page.locator('#published-state', { hasText: 'Opublikowano kierowcom' }).waitFor();
    expect((await api.get(`/plans/${planId}`)).body.publishedAt).not.toBeNull();
    // Nothing more to publish: edits now reach the drivers by themselves, and the board says so.
    expect(await page.locator('#publish-plan').count()).toBe(0);
    expect(await page.locator('#published-live').textContent()).toBe('Każda zmiana tego planu trafia do kierowców od razu.');
    await shot(page, 'board-published');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('gives the driver the next stop with phone and navigation, the printable manifest and the PDF', async () => {
    clock = DAY_MORNING;
    const manifest = (await api.get(`/manifests/${DATE}/${day.busId}`)).body;
    expect(manifest.stops.length).toBeGreaterThan(0);
    const first = manifest.stops[0];

    const page = await openApp(`#/driver?date=${DATE}&vehicle=${day.busId}`, { width: 390, height: 844 });
    const next = page.locator('.stop-card.next');
    await next.waitFor();
    const text = await next.textContent();
    expect(text).toContain('Następny przystanek');
    expect(text).toContain(first.time);
    expect(text).toContain(first.passenger.name);
    expect(text).toContain(first.place.address);
    expect(await next.getByRole('link', { name: /Nawiguj/ }).getAttribute('href')).toBe(first.navigationUrl);
    if (first.passenger.phone) {
      expect(await next.getByRole('link', { name: /Zadzwoń/ }).getAttribute('href')).toBe(`tel:${first.passenger.phone.replace(/\D/g, '')}`);
    }
    expect(await page.locator('.stop-list > li').count()).toBe(manifest.stops.length - 1);
    expect(await page.locator('#outbox-status').textContent()).toContain('Wszystkie zgłoszenia wysłane');
    // What changed since planning, as the dispatcher's edits reached this vehicle.
    expect(manifest.changes.length).toBeGreaterThan(0);
    expect(await page.locator('.change-list li').first().textContent()).toContain(manifest.changes[0].pl);
    await shot(page, 'driver');

    // The printable manifest opens in a new tab (fetched with the page's credentials).
    const [printable] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Wersja do druku' }).click()]);
    await printable.getByText('Karta drogowa — Bus').first().waitFor();
    expect(await printable.locator('body').textContent()).toContain(first.passenger.name);
    await shot(printable, 'manifest-printable');
    await printable.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = join(ROOT, 'test-artifacts/manifest-bus.pdf');
    await download.saveAs(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('starts a driver who opens the manifest late at the first stop not yet reported, with its report buttons', async () => {
    const manifest = (await api.get(`/manifests/${DATE}/${day.busId}`)).body;
    const [hh, mm] = manifest.stops[2].time.split(':').map(Number);
    // Two hours after the third stop's planned time, nothing reported yet.
    clock = new Date(Date.UTC(2026, 10, 24, hh - 1 + 2, mm));
    try {
      const page = await openApp(`#/driver?date=${DATE}&vehicle=${day.busId}`, { width: 390, height: 844 });
      const next = page.locator('.stop-card.next');
      await next.waitFor();
      expect(Number(await next.getAttribute('data-sequence'))).toBe(manifest.stops[0].sequence);
      await next.getByRole('button', { name: 'Przyjechałem' }).waitFor();
      expect(await page.locator('.done-stops').count()).toBe(0);
      await page.close();
    } finally {
      clock = DAY_MORNING;
    }
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('takes a driver’s pickup online and a no-show offline, sent when the signal is back and kept across a reload', async () => {
    const manifest = (await api.get(`/manifests/${DATE}/${day.busId}`)).body;
    const first = manifest.stops[0];
    expect(first.kind).toBe('PICKUP');
    const phone = await newBrowser({ width: 390, height: 844 });
    let page = await openApp(`#/driver?date=${DATE}&vehicle=${day.busId}`, undefined, phone);
    const early = acceptEarlyReports(page);
    const next = () => page.locator('.stop-card.next');
    await next().waitFor();

    // Online: arrived, then picked up; each reaches the server.
    await next().getByRole('button', { name: 'Przyjechałem' }).click();
    await page.locator(`.stop-card.next[data-sequence="${first.sequence}"] [data-state="ARRIVED"]`).waitFor();
    await expect.poll(async () => (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops[0].state).toBe('ARRIVED');
    await next().getByRole('button', { name: 'Odebrany' }).click();
    await expect.poll(async () => (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops[0].state).toBe('DONE');
    await expect.poll(() => page.locator('#outbox-status').textContent()).toContain('Wszystkie zgłoszenia wysłane');
    // Running late for the next stop: the driver says so, the stop carries it.
    const second = page.locator(`.stop-card.next:not([data-sequence="${first.sequence}"])`);
    const secondSequence = Number(await second.getAttribute('data-sequence'));
    await second.getByRole('button', { name: 'Zgłoś opóźnienie' }).click();
    // How late: one tap on the minutes; the stops ahead are estimated on from it.
    await second.getByRole('group', { name: 'Ile minut opóźnienia?' }).getByRole('button', { name: '15 min' }).click();
    await expect
      .poll(async () => (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops.find((s: { sequence: number }) => s.sequence === secondSequence).actual.delayed)
      .toBe(true);
    const delayed = await t.db.stopEvent.findFirstOrThrow({ where: { kind: 'DELAYED', organisationId: org.id } });
    expect(delayed.delayMin).toBe(15);
    // The change row follows the report (the estimates are worked out after it is stored).
    await expect
      .poll(async () => (await t.db.planChange.findFirst({ where: { organisationId: org.id, kind: 'DELAY' } }))?.messagePl, { timeout: 10_000 })
      .toContain('zgłasza 15 min opóźnienia');
    await page.locator(`.stop-card.next[data-sequence="${secondSequence}"]`, { hasText: 'opóźnienie zgłoszone' }).waitFor();

    // Offline: drop-offs as they come, until a pickup where the client is not there.
    await phone.setOffline(true);
    await expect.poll(() => page.locator('#outbox-status').textContent()).toContain('brak połączenia');
    let made = 0;
    let noShow: { sequence: number; passenger: { name: string } } | null = null;
    let done = first.sequence;
    while (!noShow) {
      // The next stop once the last report shows (the page moves on at once, without the server).
      const card = page.locator(`.stop-card.next:not([data-sequence="${done}"])`);
      const sequence = Number(await card.getAttribute('data-sequence'));
      const stop = manifest.stops.find((s: { sequence: number }) => s.sequence === sequence);
      expect(stop, `stop ${sequence}`).toBeDefined();
      if (stop.kind === 'PICKUP') {
        // A no-show is taken only once the client had to be ready (D57): the driver waits at the
        // door until the planned minute (Warsaw, CET), on the phone's clock and the server's.
        const [hh, mm] = stop.time.split(':').map(Number);
        clock = new Date(Date.UTC(2026, 10, 24, hh - 1, mm));
        await phone.clock.setFixedTime(clock);
        // A no-show is final: the phone asks once more.
        const asked: string[] = [];
        page.once('dialog', (d) => {
          asked.push(d.message());
          void d.accept();
        });
        await card.getByRole('button', { name: 'Nieobecny' }).click();
        await expect.poll(() => asked.length).toBe(1);
        expect(asked[0]).toMatch(/^Zgłosić nieobecność: .+\? Tego nie można cofnąć/);
        noShow = stop;
      } else await card.getByRole('button', { name: 'Wysadzony' }).click();
      done = sequence;
      made += 1;
      await expect.poll(() => page.locator('.outbox-list li').count()).toBe(made);
    }
    expect(await page.locator('#outbox-status').textContent()).toContain(`Czeka na wysłanie: ${made}`);
    // It is 06:30: a stop planned over an hour ahead asked once more before its report (the first did not).
    const laterThanAnHour = manifest.stops.filter((s: { sequence: number; time: string }) => s.sequence > first.sequence && s.sequence < done && s.time > '07:30');
    expect(early.length).toBeGreaterThan(0);
    expect(early[0]).toMatch(/^Ten przystanek \(.+\) jest zaplanowany na \d\d:\d\d, a teraz jest 06:30\. Czy to na pewno ten przystanek\?$/);
    expect(early.length).toBe(laterThanAnHour.length + (first.time > '07:30' ? 2 : 0));
    await shot(page, 'driver-offline');
    const onServer = (await api.get(`/manifests/${DATE}/${day.busId}`)).body;
    expect(onServer.stops.find((s: { sequence: number }) => s.sequence === noShow!.sequence).state).toBe('PLANNED');

    // The phone's page is closed and opened again once the signal is back: nothing was lost.
    await page.close();
    await phone.setOffline(false);
    page = await openApp(`#/driver?date=${DATE}&vehicle=${day.busId}`, undefined, phone);
    await expect.poll(() => page.locator('#outbox-status').textContent(), { timeout: 15_000 }).toContain('Wszystkie zgłoszenia wysłane');
    const after = (await api.get(`/manifests/${DATE}/${day.busId}`)).body;
    expect(after.stops.find((s: { sequence: number }) => s.sequence === noShow!.sequence).state).toBe('NO_SHOW');
    await shot(page, 'driver-back-online');
    await phone.close();
    clock = DAY_MORNING;
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows the dispatcher what happened: actual times, the no-show and the list of changes', async () => {
    const planId = (await api.get(`/plans?date=${DATE}`)).body.items[0].id;
    const plan = (await api.get(`/plans/${planId}`)).body;
    expect(plan.changes.length).toBeGreaterThan(0);
    const page = await openApp(`#/board?date=${DATE}`);
    await page.locator('#plan-live').waitFor();
    const changes = page.locator('#plan-live .change-list li');
    expect(await changes.count()).toBe(plan.changes.length);
    expect(await changes.first().textContent()).toContain(plan.changes[0].pl);
    await expect.poll(() => page.locator('table.rides .status-no_show').count()).toBe(1);
    await page.getByText('Przystanki: Bus').click();
    expect(await page.locator('td.actual').filter({ hasText: /\d\d:\d\d/ }).count()).toBeGreaterThan(0);
    await shot(page, 'board-changes');
    // The move form offers only rides still to be picked up: not the no-show, not those driven.
    const noShowRide = ((await api.get(`/rides?date=${DATE}`)).body.items as { id: string; status: string }[]).find((r) => r.status === 'NO_SHOW')!;
    const offered = await page.locator('#move-ride option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(offered).not.toContain(noShowRide.id);
    const driven = plan.routes.flatMap((r: any) => r.stops.filter((s: any) => s.kind === 'PICKUP' && s.actual).map((s: any) => s.rideId));
    expect(driven.length).toBeGreaterThan(0);
    expect(offered.filter((id) => driven.includes(id))).toEqual([]);

    // Planning again keeps the locked bus route as it stands, stops in order.
    const busBefore = plan.routes.find((r: any) => r.vehicle.id === day.busId).stops.map((s: any) => `${s.rideId}:${s.kind}`);
    expect(await page.getByLabel('Przy ponownym planowaniu zachowaj zablokowane trasy').isChecked()).toBe(true);
    // The drivers have this plan: the board asks first; saying no changes nothing.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Zaplanuj dzień' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('Plan tego dnia jest już u kierowców');
    expect((await api.get(`/plans?date=${DATE}`)).body.items.some((p: { revision: number }) => p.revision === plan.revision + 1)).toBe(false);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Zaplanuj dzień' }).click();
    await page.getByText(`Plan nr ${plan.revision + 1} gotowy`).first().waitFor({ timeout: 60_000 });
    const replanned = (await api.get(`/plans?date=${DATE}`)).body.items.find((p: { revision: number }) => p.revision === plan.revision + 1);
    const bus = (await api.get(`/plans/${replanned.id}`)).body.routes.find((r: any) => r.vehicle.id === day.busId);
    expect(bus.locked).toBe(true);
    expect(bus.stops.map((s: any) => `${s.rideId}:${s.kind}`)).toEqual(busBefore);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows the month’s report as charts with their values, picks a period, and gives the CSV', async () => {
    const report = (await api.get('/reports?from=2026-11-01&to=2026-11-30')).body;
    const page = await openApp('#/reports?from=2026-11-01&to=2026-11-30');
    await page.locator('#chart-rides svg').waitFor();
    const values = await page.locator('#chart-rides text.bar-value').allTextContents();
    expect(values[0]).toBe(String(report.rides.requested));
    expect(await page.locator('#chart-rides svg title').textContent()).toContain(`zamówione ${report.rides.requested}`);
    expect(await page.locator('#chart-km text.bar-label').allTextContents()).toEqual(report.vehicles.map((v: { name: string }) => v.name));
    await shot(page, 'reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('raport-2026-11-01-2026-11-30.csv');

    await page.getByLabel('Miesiąc').fill('2026-10');
    expect(await page.getByLabel('Od dnia').inputValue()).toBe('2026-10-01');
    expect(await page.getByLabel('Do dnia').inputValue()).toBe('2026-10-31');
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await page.waitForURL(/from=2026-10-01&to=2026-10-31/);
    await page.locator('#chart-rides text.bar-value').first().waitFor();
    expect(await page.locator('#chart-rides text.bar-value').first().textContent()).toBe('0');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets an administrator change the rules (errors shown by the field), upload the boundary, edit a shift, add a place and open the queue dashboard', async () => {
    const page = await openApp('#/admin');
    await page.getByRole('heading', { name: /Zasady rezerwacji/ }).waitFor();
    const factor = page.getByLabel('Mnożnik czasu jazdy bezpośredniej');
    await factor.fill('0.5');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('#rule-factor-error').textContent()).not.toBe('');
    expect(await factor.getAttribute('aria-invalid')).toBe('true');
    expect((await api.get('/organisation')).body.rules.maxRide.factor).toBe(1.5);
    await factor.fill('1.8');
    await page.getByLabel('Rezerwacja najwyżej tyle dni naprzód').fill('45');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.locator('#rules-saved', { hasText: 'Zapisano.' }).waitFor();
    const rules = (await api.get('/organisation')).body.rules;
    expect([rules.maxRide.factor, rules.bookingHorizonDays]).toEqual([1.8, 45]);

    await page.locator('#boundary-file').setInputFiles({
      name: 'srokowo.geojson', mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'Feature', properties: { name: 'Srokowo' }, geometry: SROKOWO_BOUNDARY })),
    });
    await page.getByRole('button', { name: 'Wyślij' }).click();
    await page.locator('#boundary-result', { hasText: 'Granica zapisana' }).waitFor();
    const places = (await api.get('/places')).body.items as { insideGmina: boolean | null }[];
    expect(await page.locator('#boundary-result').textContent()).toContain(`${places.filter((p) => p.insideGmina).length} z ${places.length} w granicy`);
    // The state line follows the upload without a reload.
    expect(await page.locator('#boundary-state').textContent()).toMatch(/^Granica gminy: tak/);
    // Latitude first by mistake: nothing lies inside, and the page says what may be wrong.
    const swapped = { ...SROKOWO_BOUNDARY, coordinates: SROKOWO_BOUNDARY.coordinates.map((ring: number[][]) => ring.map(([lon, lat]) => [lat, lon])) };
    await page.locator('#boundary-file').setInputFiles({ name: 'odwrotnie.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(swapped)) });
    await page.getByRole('button', { name: 'Wyślij' }).click();
    await page.locator('#boundary-result', { hasText: 'zamienionej szerokości' }).waitFor();
    // Put the right one back for the tests that follow.
    await page.locator('#boundary-file').setInputFiles({ name: 'srokowo.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(SROKOWO_BOUNDARY)) });
    await page.getByRole('button', { name: 'Wyślij' }).click();
    await page.locator('#boundary-result:not(.warning)', { hasText: 'Granica zapisana' }).waitFor();
    await shot(page, 'admin-settings');

    await page.getByRole('link', { name: 'Pojazdy i zmiany' }).click();
    await page.getByRole('button', { name: 'Edytuj: Auto' }).click();
    await page.getByLabel('Koniec zmiany').fill('16:30');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(async () => (await api.get(`/vehicles/${day.carId}`)).body.shiftEnd).toBe('16:30');
    // The saved vehicle stays in the form, so a second change goes to it, not to a new one.
    await expect.poll(() => page.locator('#veh-saved').textContent()).toBe('Zapisano: Auto.');
    expect(await page.locator('#veh-form-heading').textContent()).toContain('Auto');
    await page.getByLabel('Początek zmiany').fill('06:30');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(async () => (await api.get(`/vehicles/${day.carId}`)).body.shiftStart).toBe('06:30');
    expect((await api.get('/vehicles')).body.items.filter((v: { name: string }) => v.name === 'Auto')).toHaveLength(1);
    expect(await page.locator('#veh-plan-warnings').isHidden()).toBe(true);
    // A shift shortened under the day's plan: the page names the plan to re-plan, and forgets it once undone.
    const plans = (await api.get(`/plans?date=${DATE}`)).body.items as { id: string; revision: number; status: string }[];
    const newest = plans.filter((p) => p.status === 'DONE').sort((a, b) => b.revision - a.revision)[0]!;
    const planned = (await api.get(`/plans/${newest.id}`)).body.routes.find((r: any) => r.stops.length > 0);
    const before = (await api.get(`/vehicles/${planned.vehicle.id}`)).body;
    await page.getByRole('button', { name: `Edytuj: ${planned.vehicle.name}` }).click();
    await page.getByLabel('Koniec zmiany').fill(planned.stops[0].time);
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.locator('#veh-plan-warnings li').first().waitFor();
    expect(await page.locator('#veh-saved').textContent()).toBe(`Zapisano: ${planned.vehicle.name}. Uwaga: plany, których pojazd nie może już wykonać tak, jak je zaplanowano:`);
    expect(await page.locator('#veh-plan-warnings li').first().textContent()).toContain(`Plan na ${DATE} (nr ${newest.revision}`);
    expect(await page.locator('#veh-plan-warnings li').first().textContent()).toContain(`wychodzi poza zmianę ${before.shiftStart}–${planned.stops[0].time}`);
    await shot(page, 'admin-vehicle-plan-warning');
    await page.getByLabel('Koniec zmiany').fill(before.shiftEnd);
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await expect.poll(() => page.locator('#veh-plan-warnings').isHidden()).toBe(true);
    expect((await api.get(`/vehicles/${planned.vehicle.id}`)).body.shiftEnd).toBe(before.shiftEnd);
    await shot(page, 'admin-vehicles');

    await page.getByRole('link', { name: 'Miejsca', exact: true }).click();
    await page.getByLabel('Rodzaj').selectOption('REHAB');
    await page.getByLabel('Nazwa', { exact: true }).fill('Rehabilitacja Srokowo');
    await page.getByLabel('Adres', { exact: true }).fill('ul. Szkolna 1, 11-420 Srokowo');
    await page.getByLabel('Szerokość geograficzna').fill('54,2130');
    await page.getByLabel('Długość geograficzna').fill('21.5180');
    await page.getByRole('button', { name: 'Zapisz' }).click();
    await page.locator('#places-table th', { hasText: 'Rehabilitacja Srokowo' }).waitFor();
    const rehab = (await api.get('/places')).body.items.find((p: { name: string }) => p.name === 'Rehabilitacja Srokowo');
    expect(rehab).toMatchObject({ kind: 'REHAB', lat: 54.213, lon: 21.518, insideGmina: true });
    await shot(page, 'admin-places');

    // This administrator is one of the installation's: the link to the queue dashboard shows.
    await page.locator('#queue-dashboard').waitFor();
    const queues = await page.goto(`${t.baseUrl}/admin/queues`);
    expect(queues?.status()).toBe(200);
    // The day's plan job is there, finished, with its retry controls.
    await page.getByText(PLANNING_QUEUE).first().click();
    await page.getByText('Completed', { exact: false }).first().click();
    await page.getByText(PLAN_DAY_JOB).first().waitFor();
    await shot(page, 'queue-dashboard');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets a dispatcher accept a one-way booking after the deadline, from a service place, with its purpose and funding', async () => {
    const org = (await api.get('/organisation')).body;
    // Book by 08:00 two working days before: on Monday 23.11 at 10:00 Wednesday's deadline has passed.
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: { time: '08:00', workingDaysBefore: 2 } }, version: org.version })).status).toBe(200);
    const page = await openApp('#/booking');
    await page.getByRole('heading', { name: 'Rezerwacja przejazdu' }).waitFor();
    await page.getByRole('combobox', { name: 'Klient' }).pressSequentially('Kowal');
    await page.getByRole('option', { name: /Kowalczyk Helena/ }).click();
    // Home from the health centre, one way.
    await page.getByLabel('Skąd').selectOption(day.healthId);
    await page.getByLabel('Dokąd').selectOption({ label: 'Dom klienta' });
    await page.getByLabel('Dzień', { exact: true }).fill('2026-11-25');
    await page.getByLabel('Wyjazd po godzinie').check();
    await page.getByLabel('Godzina', { exact: true }).fill('12:00');
    await page.getByLabel('Cel przejazdu').selectOption('HEALTH');
    await page.getByLabel('Źródło finansowania').selectOption('PFRON');
    await page.getByRole('button', { name: 'Zarezerwuj' }).click();
    await expect.poll(() => page.locator('#bk-date-error').textContent()).toContain('termin rezerwacji na ten dzień minął');
    await page.getByLabel('Przyjmij po terminie rezerwacji (dyspozytor)').check();
    await page.getByRole('button', { name: 'Zarezerwuj' }).click();
    await page.locator('.success').waitFor();
    const ride = (await api.get('/rides?date=2026-11-25')).body.items.find((r: { client: { name: string } }) => r.client.name === 'Helena Kowalczyk');
    const home = (await api.get(`/clients/${day.clients.helena}`)).body.homePlaceId;
    expect(ride).toMatchObject({ from: { id: day.healthId }, to: { id: home }, departAfter: '12:00', purpose: 'HEALTH', fundingSource: 'PFRON' });
    await page.close();
    const now = (await api.get('/organisation')).body;
    expect((await api.patch('/organisation/rules', { rules: { bookingCutoff: null }, version: now.version })).status).toBe(200);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
