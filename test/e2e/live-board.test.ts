/**
 * The live day board and the driver's page on a poor connection (issue #6, D28), in a real browser
 * against the real server, PostgreSQL, Redis and a worker: the board open in one browser shows a
 * driver's pickup reported from another, with no reload and no click; the driver's page shows a
 * dispatcher's move the same way; and after one visit online the driver's page opens again with no
 * network at all (the service worker's app shell and the manifest kept on the phone), while the
 * API is never answered from a cache. Screenshots go to test-artifacts/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { acceptEarlyReports, ensureWebBuild, launchChromium, newBrowserContext, openAs, screenshot } from './browser-setup.js';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet, type SmallDay } from '../helpers/day-fixture.js';
import { planAndWait } from '../helpers/plan-and-wait.js';
import { createTravelTimeProvider } from '../../src/routing/create-travel-time-provider.js';
import { WEB_DIST_DIR } from '../../src/api/routes/web.routes.js';

const DATE = '2026-11-24';
const PASSWORD = 'haslo-tablica-na-zywo';

let t: TestContext;
let browser: Browser;
let api: ReturnType<typeof apiFor>;
let day: SmallDay;
let login: string;
let planId: string;
let orgId: string;
let rides: { helena: string; irena: string };
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];
/** The server's and the browsers' clock: booked and planned the day before, then the morning of the day. */
let clock = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  await ensureWebBuild();
  t = await createTestContext({ now: () => clock });
  t.startWorker(createTravelTimeProvider({}), { maxIterations: 200 });
  browser = await launchChromium();
  const org = await t.newOrganisation();
  orgId = org.id;
  api = apiFor(t.baseUrl, org.slug);
  day = await createSmallFleet(api);
  const book = async (b: object) => {
    const res = await api.post('/rides', { date: DATE, ...b });
    if (res.status !== 201) throw new Error(`booking: ${res.text}`);
    return res.body.outbound.id as string;
  };
  rides = {
    helena: await book({ clientId: day.clients.helena, toPlaceId: day.dayCentreId, arriveBy: '08:30' }),
    irena: await book({ clientId: day.clients.irena, toPlaceId: day.healthId, departAfter: '10:00' }),
  };
  // Planned with the car off the road (both rides on the bus), then the car back: free for a move.
  const car = (await api.get(`/vehicles/${day.carId}`)).body;
  const off = await api.patch(`/vehicles/${day.carId}`, { active: false, version: car.version });
  const plan = await planAndWait(api, DATE);
  if (plan.status !== 'DONE') throw new Error(`plan: ${plan.error}`);
  await api.patch(`/vehicles/${day.carId}`, { active: true, version: off.body.version });
  planId = plan.id;
  const published = await api.post(`/plans/${planId}/publish`, {});
  if (published.status !== 200) throw new Error(`publish: ${published.text}`);
  clock = new Date('2026-11-24T05:30:00Z'); // 06:30 in Warsaw, before the first stop
  login = `tablica.${org.slug}`;
  const account = await api.post('/users', { login, displayName: 'Dorota Dyspozytorka', password: PASSWORD, roles: ['ADMIN', 'DISPATCHER'] });
  if (account.status !== 201) throw new Error(`account: ${account.text}`);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.close();
});

async function person(viewport?: { width: number; height: number }): Promise<BrowserContext> {
  const context = await newBrowserContext(browser, t.baseUrl, { viewport, clock });
  contexts.push(context);
  return context;
}

// Code run in the page reaches its globals through `globalThis` (the tests' TypeScript has no DOM types).

/** Marks the page; the mark survives anything but a reload or a navigation. */
const mark = (page: Page) => page.evaluate(() => ((globalThis as any).liveMark = 1));
const stillMarked = (page: Page) => page.evaluate(() => (globalThis as any).liveMark === 1);

let board: Page;
let driverContext: BrowserContext;
let driver: Page;

describe('the live day board and the driver’s page', () => {
  it('the board shows a driver’s pickup reported from another browser, with no reload and no click', async () => {
    board = await openAs(await person(), t.baseUrl, `#/board?date=${DATE}`, login, PASSWORD, pageErrors);
    await board.waitForSelector('#board-live[data-live="true"]');
    await board.waitForSelector('#rides tbody tr');
    expect(await board.locator('#rides .status-in_progress').count()).toBe(0);
    await mark(board);

    driverContext = await person({ width: 390, height: 844 });
    driver = await openAs(driverContext, t.baseUrl, `#/driver?date=${DATE}&vehicle=${day.busId}`, login, PASSWORD, pageErrors);
    acceptEarlyReports(driver);
    await driver.waitForSelector('.stop-card.next');
    const first = (await api.get(`/manifests/${DATE}/${day.busId}`)).body.stops[0];
    expect(first).toMatchObject({ kind: 'PICKUP', rideId: rides.helena });
    await driver.locator('.stop-card.next [data-report="PICKED_UP"]').click();

    // The board hears of it over its change stream and reads the plan and the rides again.
    await board.locator('#rides .status-in_progress').first().waitFor({ timeout: 15_000 });
    expect(await board.locator('#rides .status-in_progress').count()).toBe(1);
    expect(await stillMarked(board)).toBe(true);
    expect((await api.get(`/rides/${rides.helena}`)).body.status).toBe('IN_PROGRESS');
    await screenshot(board, 'live-board-after-pickup');
  }, 60_000);

  it('the driver’s page shows the dispatcher’s move without a reload', async () => {
    await driver.waitForSelector('#outbox.empty');
    const before = await driver.locator(`.stop-card`).count();
    expect(before).toBe(4); // Helena's pickup (done) and drop-off, Irena's pickup and drop-off
    await mark(driver);

    const plan = (await api.get(`/plans/${planId}`)).body;
    const moved = await api.post(`/plans/${planId}/moves`, { rideId: rides.irena, vehicleId: day.carId, version: plan.version });
    expect(moved.status, moved.text).toBe(200);

    await driver.locator('#manifest-live').filter({ hasText: 'Karta zaktualizowana' }).waitFor({ timeout: 15_000 });
    await driver.waitForFunction(() => (globalThis as any).document.querySelectorAll('.stop-card').length === 2);
    expect(await stillMarked(driver)).toBe(true);
    // The move is listed among the manifest's changes, and the board followed it too.
    await driver.locator('#manifest-changes-heading').waitFor();
    await board.locator('.publish').filter({ hasText: `wersja ${moved.body.version} ·` }).waitFor({ timeout: 15_000 });
    expect(await stillMarked(board)).toBe(true);
    await screenshot(driver, 'live-driver-after-move');
  }, 60_000);

  it('after one visit online, the driver’s page opens again with no network, and the API is never cached', async () => {
    // The service worker of this build controls the page.
    const version = /const VERSION = "([0-9a-f]+)"/.exec(readFileSync(join(WEB_DIST_DIR, 'sw.js'), 'utf8'))![1]!;
    await driver.evaluate(() => (globalThis as any).navigator.serviceWorker.ready.then(() => undefined));
    await driver.waitForFunction(() => (globalThis as any).navigator.serviceWorker.controller !== null);
    const cached: Record<string, string[]> = await driver.evaluate(async () => {
      const out: Record<string, string[]> = {};
      for (const name of await (globalThis as any).caches.keys()) out[name] = (await (await (globalThis as any).caches.open(name)).keys()).map((r: { url: string }) => new URL(r.url).pathname);
      return out;
    });
    expect(Object.keys(cached)).toEqual([`dowoz-shell-${version}`]);
    const paths = cached[`dowoz-shell-${version}`]!;
    expect(paths).toContain('/app/index.html');
    expect(paths.some((p) => p.startsWith('/app/assets/') && p.endsWith('.js'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/api/'))).toBe(false);

    await driverContext.setOffline(true);
    // Really no network, for the page and for the service worker alike.
    expect(await driver.evaluate(() => fetch('/api/v1/auth/me').then(() => 'online', () => 'offline'))).toBe('offline');
    const worker = driverContext.serviceWorkers()[0]!;
    expect(await worker.evaluate(() => fetch('/api/v1/auth/me').then(() => 'online', () => 'offline'))).toBe('offline');

    const reloaded = await driver.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await driver.waitForSelector('.stop-card.next');
    expect(await driver.locator('.warning').filter({ hasText: 'Brak połączenia' }).count()).toBe(1);
    expect(await driver.locator('.stop-card').count()).toBe(2);
    await screenshot(driver, 'live-driver-offline-reload');

    // Back online: the API answers from the server again (the stream reopens and reads the manifest).
    await driverContext.setOffline(false);
    await driver.waitForFunction(() => !(globalThis as any).document.body.textContent.includes('Brak połączenia — pokazuję kartę'), undefined, { timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('a delay the driver reports and then raises, typed past the buttons, alerts the board with whom to phone, live and after a reload (D62)', async () => {
    // An urgent ride fitted in this morning: Helena is told its pickup window (she has a phone).
    const booked = await api.post('/rides', { date: DATE, clientId: day.clients.helena, toPlaceId: day.healthId, departAfter: '12:00', overrideCutoff: true });
    expect(booked.status, booked.text).toBe(201);
    const urgent = booked.body.outbound.id as string;
    const plan = (await api.get(`/plans/${planId}`)).body;
    const ins = await api.post(`/plans/${planId}/insertions`, { rideId: urgent, version: plan.version });
    expect(ins.status, ins.text).toBe(200);
    expect(await t.db.notification.count({ where: { rideId: urgent, status: 'PENDING' } })).toBe(1);
    await mark(board);

    await driver.goto(`${t.baseUrl}/app/#/driver?date=${DATE}&vehicle=${ins.body.vehicleId}`);
    const next = driver.locator('.stop-card.next');
    await next.waitFor();
    await next.getByRole('button', { name: 'Zgłoś opóźnienie' }).click();
    await next.getByRole('group', { name: 'Ile minut opóźnienia?' }).getByRole('button', { name: '15 min' }).click();
    await next.locator('[data-delay-min="15"]').waitFor();
    const alert = board.locator('#delay-alerts');
    await alert.filter({ hasText: '15 min opóźnienia' }).waitFor({ timeout: 15_000 });

    // A breakdown, the tow truck hours away: the driver changes the figure, typing it. A wrong one is
    // refused at the field, and nothing is sent.
    await next.getByRole('button', { name: 'Zmień opóźnienie' }).click();
    const other = next.getByLabel('Inna liczba minut');
    await other.fill('0');
    await next.getByRole('button', { name: 'Zgłoś', exact: true }).click();
    await next.getByText('Podaj liczbę całkowitą minut od 1 do 600.').waitFor();
    expect(await other.getAttribute('aria-invalid')).toBe('true');
    await screenshot(driver, 'live-driver-delay-refused');
    await other.fill('240');
    await next.getByRole('button', { name: 'Zgłoś', exact: true }).click();
    await next.locator('[data-delay-min="240"]').waitFor();
    await screenshot(driver, 'live-driver-delay-changed');
    await expect.poll(() => t.db.stopEvent.findMany({ where: { organisationId: orgId, kind: 'DELAYED' }, orderBy: { at: 'asc' }, select: { delayMin: true } })).toEqual([{ delayMin: 15 }, { delayMin: 240 }]);

    // The board, open all along, shows the new figure and whom to phone, with no reload.
    await alert.filter({ hasText: '240 min opóźnienia' }).waitFor({ timeout: 15_000 });
    expect(await stillMarked(board)).toBe(true);
    expect(await alert.textContent()).not.toContain('15 min opóźnienia');
    const call = alert.locator(`.late-for-told li[data-ride="${urgent}"]`);
    await call.waitFor();
    expect(await call.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:601234101');
    await screenshot(board, 'live-board-delay-alert');

    // A board opened later shows the same, from the stored reports.
    await board.reload();
    await board.locator('#delay-alerts').filter({ hasText: '240 min opóźnienia' }).waitFor({ timeout: 15_000 });
    await board.locator(`#delay-alerts li[data-ride="${urgent}"]`).waitFor();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
