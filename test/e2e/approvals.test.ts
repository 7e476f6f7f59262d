/**
 * Rides leaving the gmina in a real browser: the caseworker's booking answer says the ride is not
 * booked yet but awaits the dispatcher; the dispatcher's board points to the other days with rides
 * awaiting approval and switches to them; the caseworker then sees the decisions (approved, turned
 * down with the reason and who decided) at the top of the booking page. No worker: nothing is planned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createPlace, createSmallFleet, type SmallDay } from '../helpers/day-fixture.js';
import { ensureWebBuild, launchChromium, newBrowserContext, openAs, screenshot } from './browser-setup.js';

const DATE = '2026-11-24';
const OTHER_DATE = '2026-11-26';
const PASSWORD = 'haslo-testowe-zatwierdzenia';
// Monday 10:00 in Warsaw, for the server and the browsers.
const clock = new Date('2026-11-23T09:00:00Z');

let t: TestContext;
let browser: Browser;
let org: { id: string; slug: string };
let day: SmallDay;
let hospital: string;
let api: ReturnType<typeof apiFor>;
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

async function openAsUser(login: string, hash: string): Promise<Page> {
  const context = await newBrowserContext(browser, t.baseUrl, { clock });
  contexts.push(context);
  return openAs(context, t.baseUrl, hash, `${login}.${org.slug}`, PASSWORD, pageErrors);
}

beforeAll(async () => {
  await ensureWebBuild();
  t = await createTestContext({ now: () => clock });
  browser = await launchChromium();
  // With the gmina's boundary: the county town's hospital lies outside it.
  org = await t.newOrganisation(true);
  api = apiFor(t.baseUrl, org.slug);
  day = await createSmallFleet(api);
  hospital = await createPlace(api, 'HOSPITAL', 'Szpital Kętrzyn', [54.0765, 21.3753]);
  for (const [login, displayName, roles] of [['opiekun', 'Olga Opiekun', ['CASEWORKER']], ['dyspozytor', 'Dorota Dyspozytor', ['DISPATCHER']]] as const) {
    const res = await api.post('/users', { login: `${login}.${org.slug}`, displayName, password: PASSWORD, roles });
    if (res.status !== 201) throw new Error(`user ${login}: ${res.text}`);
  }
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await t?.close();
});

describe('rides awaiting approval in the browser', () => {
  it('tells the caseworker the ride is not booked yet, and where the decision will show', async () => {
    const page = await openAsUser('opiekun', '#/booking');
    await page.getByRole('heading', { level: 1, name: 'Rezerwacja przejazdu' }).waitFor();
    // Nothing to tell yet: no decisions section.
    expect(await page.locator('#bk-approvals').isHidden()).toBe(true);
    await page.getByRole('combobox', { name: 'Klient' }).pressSequentially('Kowal');
    await page.getByRole('option', { name: /Kowalczyk Helena/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Dokąd').selectOption(hospital);
    await page.getByLabel('Dzień', { exact: true }).fill(DATE);
    await page.getByLabel('Godzina', { exact: true }).fill('10:00');
    await page.getByRole('checkbox', { name: 'Przejazd powrotny' }).check();
    await page.getByLabel('Powrót po godzinie').fill('13:00');
    await page.getByRole('button', { name: 'Zarezerwuj' }).click();

    const answer = page.locator('#bk-awaiting');
    await answer.waitFor();
    expect(await answer.locator('h2').textContent()).toBe('Jeszcze nie zarezerwowano: czeka na zatwierdzenie');
    expect(await answer.locator('li').allTextContents()).toEqual([
      expect.stringContaining('(czeka na zatwierdzenie)'),
      expect.stringContaining('(czeka na zatwierdzenie)'),
    ]);
    expect(await page.locator('#bk-awaiting-note').textContent()).toContain('Zostanie zaplanowany dopiero po zatwierdzeniu');
    expect(await page.locator('.success').count()).toBe(0);
    // The section at the top now lists both legs, booked by her.
    await expect.poll(() => page.locator('#bk-awaiting-rides tbody tr').count()).toBe(2);
    expect(await page.locator('#bk-approvals h3').first().textContent()).toBe('Czekają na zatwierdzenie (2)');
    expect(await page.locator('#bk-awaiting-rides tbody tr').first().textContent()).toContain('Olga Opiekun');
    await screenshot(page, 'booking-awaiting-approval');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('points the dispatcher to the other days with rides awaiting approval, and switches to them', async () => {
    const other = await api.post('/rides', { clientId: day.clients.jan, date: OTHER_DATE, toPlaceId: hospital, arriveBy: '11:00' });
    expect(other.status, other.text).toBe(201);
    const page = await openAsUser('dyspozytor', `#/board?date=${DATE}`);
    await page.getByRole('heading', { level: 1, name: 'Plan dnia' }).waitFor();
    const nav = page.locator('#other-days-awaiting');
    await nav.waitFor();
    // Only the other day: this day's own rides are in the table below.
    expect(await nav.locator('a').allTextContents()).toEqual(['czw 26.11: 1']);
    await page.getByRole('link', { name: 'Pokaż dzień czw 26.11: czekające na zatwierdzenie 1' }).click();
    await expect.poll(() => page.locator('#board-date').inputValue()).toBe(OTHER_DATE);
    await expect.poll(() => page.locator('table.rides tr.awaiting').count()).toBe(1);
    expect(await page.locator('#other-days-awaiting a').allTextContents()).toEqual(['wt 24.11: 2']);
    await screenshot(page, 'board-other-days-awaiting');

    // Back to the first day: approve the ride there, turn down the return with a reason.
    await page.locator('#other-days-awaiting a').click();
    await expect.poll(() => page.locator('#board-date').inputValue()).toBe(DATE);
    const rides = (await api.get(`/rides?date=${DATE}`)).body.items as { id: string; outboundRideId: string | null }[];
    const out = rides.find((r) => !r.outboundRideId)!;
    const back = rides.find((r) => r.outboundRideId)!;
    await page.locator(`button[data-approve="${out.id}"]`).click();
    await expect.poll(() => page.locator('table.rides tr.awaiting').count()).toBe(1);
    await page.locator(`button[data-turn-down="${back.id}"]`).click();
    await page.getByLabel('Powód odrzucenia (Helena Kowalczyk)').fill('Brak kierowcy na powrót z Kętrzyna');
    await page.getByRole('button', { name: 'Potwierdź odrzucenie' }).click();
    await expect.poll(() => page.locator('table.rides tr.awaiting').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows the caseworker the decisions, with the reason and who decided', async () => {
    const page = await openAsUser('opiekun', '#/booking');
    const decided = page.locator('#bk-decided-rides tbody tr');
    await expect.poll(() => decided.count()).toBe(2);
    const rows = await decided.allTextContents();
    expect(rows.find((r) => r.includes('odrzucony'))).toMatch(/Powód: Brak kierowcy na powrót z Kętrzyna.*Dorota Dyspozytor, 23\.11\.2026, 10:00/);
    expect(rows.find((r) => r.includes('zatwierdzony'))).toContain('Dorota Dyspozytor');
    expect(await page.locator('#bk-approvals').textContent()).toContain('Żaden przejazd nie czeka na decyzję.');
    await screenshot(page, 'booking-decisions');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
