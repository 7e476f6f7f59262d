/**
 * What the browser tests share: an up-to-date build of the web app, Debian's Chromium through
 * playwright-core (no browser download), browser contexts that reach only the test server (map
 * tiles fail, as offline), signing in through the real login page, and screenshots.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WEB_DIST_DIR } from '../../src/api/routes/web.routes.js';

const ROOT = join(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');

/** Newest modification time under a folder, in ms. */
function newestChange(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newestChange(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)),
  );
}

/** Builds the web app when there is no build, or the sources changed since the last one. */
export async function ensureWebBuild(): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const index = join(WEB_DIST_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestChange(join(ROOT, 'web'))) return;
  // The production build exactly as `npm run build:web` makes it, in its own process: built
  // inside vitest (NODE_ENV=test) Vite would make a non-production bundle, without the service
  // worker the driver's page needs offline.
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * One person's browser (its own storage), Polish, Warsaw time, reaching only `baseUrl`; with
 * `clock`, the page's clock shows the test server's time (a driver's report is dated by it).
 */
export async function newBrowserContext(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number } | undefined; clock?: Date } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
  if (options.clock) await context.clock.setFixedTime(options.clock);
  await context.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.continue() : route.abort()));
  return context;
}

/** Opens `hash` of the app and signs in through the login page; page errors go to `errors`. */
export async function openAs(context: BrowserContext, baseUrl: string, hash: string, login: string, password: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${baseUrl}/app/${hash}`);
  await page.waitForSelector('#login-form, #sign-out');
  if (!(await page.locator('#sign-out').count())) {
    await page.locator('#login').fill(login);
    await page.locator('#password').fill(password);
    await page.locator('#password').press('Enter');
    await page.waitForSelector('#sign-out');
  }
  return page;
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/**
 * Accepts the driver's page's question before a report made long before the stop's planned time
 * ("Ten przystanek (…) jest zaplanowany na 08:10, a teraz jest 06:30…"): the tests drive a whole
 * day in a minute. Other dialogs are left to the test. Returns the questions asked.
 */
export function acceptEarlyReports(page: Page): string[] {
  const asked: string[] = [];
  page.on('dialog', (d) => {
    if (!/^(Ten przystanek|This stop) \(/.test(d.message())) return;
    asked.push(d.message());
    void d.accept();
  });
  return asked;
}

