/**
 * The web app in a real browser (Debian's Chromium through playwright-core; no browser download)
 * against the real server, PostgreSQL, Redis and a plan worker: a caseworker books, a dispatcher
 * plans the day and watches it finish, a driver opens the manifest. Screenshots of each view go to
 * test-artifacts/screenshots/ for a person to look at.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createClient, createSmallFleet, VILLAGE, type SmallDay } from '../helpers/day-fixture.js';
import { startFakeOsrm, type FakeOsrm } from '../fakes/osrm-server.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { WEB_DIST_DIR } from '../../src/api/routes/web.routes.js';

const ROOT = join(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
const DATE = '2026-11-24';

/** Newest modification time under a folder, in ms. */
function newestChange(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestChange(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)),
  );
}

/** Builds the web app when there is no build, or the sources changed since the last one. */
async function ensureWebBuild(): Promise<void> {
  const index = join(WEB_DIST_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestChange(join(ROOT, 'web'))) return;
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

let t: TestContext;
let osrm: FakeOsrm;
let browser: Browser;
let org: { id: string; slug: string };
let day: SmallDay;
let api: ReturnType<typeof apiFor>;
/** Uncaught errors in the page; every test ends expecting none. */
const pageErrors: string[] = [];

beforeAll(async () => {
  await ensureWebBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  t = await createTestContext({ now: () => new Date('2026-11-23T09:00:00Z') });
  osrm = await startFakeOsrm();
  t.startWorker(createTravelTimeProvider({ osrmUrl: osrm.url, osrmRetries: 0 }), { maxIterations: 200 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  org = await t.newOrganisation();
  api = apiFor(t.baseUrl, org.slug);
  day = await createSmallFleet(api);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await osrm?.close();
});

/** A page on the app for this test's organisation; nothing outside the test server is reachable (map tiles fail, as offline). */
async function openApp(hash: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  await page.route('**/*', (route) => (route.request().url().startsWith(t.baseUrl) ? route.continue() : route.abort()));
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${t.baseUrl}/app/?org=${org.slug}${hash}`);
  return page;
}

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
  it('lets a caseworker find a client by name and book a ride with its return, showing field errors first', async () => {
    const page = await openApp('#/booking');
    await page.getByRole('heading', { name: 'Rezerwacja przejazdu' }).waitFor();

    await page.getByRole('combobox', { name: 'Klient' }).pressSequentially('Kowal');
    await page.getByRole('option', { name: /Kowalczyk Helena/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#bk-client-info').textContent()).toContain('Helena Kowalczyk dom');
    await page.getByLabel('Dzień').fill(DATE);
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
    await page.screenshot({ path: join(SCREENSHOTS, 'booking.png'), fullPage: true });
    const rides = (await api.get(`/rides?date=${DATE}`)).body.items as { client: { name: string }; arriveBy: string | null }[];
    expect(rides.map((r) => [r.client.name, r.arriveBy])).toEqual(expect.arrayContaining([['Helena Kowalczyk', '08:30'], ['Helena Kowalczyk', null]]));
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets a dispatcher plan the day, watch the progress bar finish and see routes, timelines and unassigned rides', async () => {
    // More rides for the day; one before any driver's shift starts, which no vehicle can serve.
    const early = await createClient(api, 'Adam Wczesny', VILLAGE.wyskok, { phone: '601 234 199' });
    for (const b of [
      { clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '09:30', return: { departAfter: '11:00' } },
      { clientId: day.clients.jozef, toPlaceId: day.dayCentreId, arriveBy: '08:30' },
      { clientId: day.clients.irena, toPlaceId: day.healthId, departAfter: '10:00' },
      { clientId: early, toPlaceId: day.healthId, arriveBy: '05:30' },
    ]) {
      const res = await api.post('/rides', { date: DATE, ...b });
      expect(res.status, res.text).toBe(201);
    }
    const page = await openApp(`#/board?date=${DATE}`);
    await page.getByRole('heading', { name: 'Plan dnia' }).waitFor();
    expect(await page.locator('table.rides tbody tr').count()).toBe(7);
    await page.getByLabel('Szukaj (klient, miejsce)').fill('Zofia');
    expect(await page.locator('table.rides tbody tr').count()).toBe(2);
    await page.getByLabel('Szukaj (klient, miejsce)').fill('');

    await page.getByRole('button', { name: 'Zaplanuj dzień' }).click();
    const bar = page.locator('#plan-progress');
    await bar.waitFor();
    await page.getByText('Plan gotowy (wersja 1)').first().waitFor({ timeout: 60_000 });
    expect(await bar.evaluate((el) => (el as unknown as { value: number }).value)).toBe(100);
    await expect.poll(() => page.locator('table.rides .status-scheduled').count()).toBe(6);

    const plan = (await api.get(`/plans?date=${DATE}`)).body.items[0];
    const full = (await api.get(`/plans/${plan.id}`)).body;
    await page.locator('.leaflet-overlay-pane path.route-line').first().waitFor();
    expect(await page.locator('.leaflet-overlay-pane path.route-line').count()).toBe(full.routes.length);
    expect(await page.locator('.leaflet-overlay-pane path.stop-marker').count()).toBe(full.routes.reduce((n: number, r: any) => n + r.stops.length, 0));
    expect(await page.locator('.tl-row').count()).toBe(full.routes.length);
    const unassigned = page.locator('ul.unassigned li');
    expect(await unassigned.count()).toBe(1);
    expect(await unassigned.textContent()).toContain('Adam Wczesny');
    expect(await unassigned.textContent()).toContain(full.unassigned[0].reason);
    // Without tiles (offline) the map says so, and the routes are still there.
    await page.getByText('Podkład mapy jest niedostępny', { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'board.png'), fullPage: true });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Day plan' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('ul.unassigned li').waitFor();
    expect(await page.locator('ul.unassigned li').textContent()).toContain(full.unassigned[0].reasonEn);
    await page.screenshot({ path: join(SCREENSHOTS, 'board-en.png'), fullPage: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('shows a driver the next stop on top with phone and navigation, and the printable manifest', async () => {
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
    await page.screenshot({ path: join(SCREENSHOTS, 'driver.png'), fullPage: true });

    // The printable manifest opens in a new tab (fetched with the organisation header).
    const [printable] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Wersja do druku' }).click()]);
    await printable.getByText('Karta drogowa — Bus').first().waitFor();
    expect(await printable.locator('body').textContent()).toContain(first.passenger.name);
    await printable.close();
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
