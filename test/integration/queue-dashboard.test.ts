/**
 * The queue dashboard shows every organisation's plan jobs, so only the installation's
 * administrators open it (issue #7, D26): a signed-in ADMIN whose login is in INSTALLATION_ADMINS;
 * without that list, no one while the installation holds more than one organisation. Everyone
 * else is sent to the login page (not signed in) or answered 404.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';

const PASSWORD = 'dobre-haslo-123';
const suffix = randomBytes(4).toString('hex');
const INSTALLATION_ADMIN = `instalacja.${suffix}`;

let listed: TestContext;
let unlisted: TestContext;

beforeAll(async () => {
  listed = await createTestContext({ installationAdmins: [INSTALLATION_ADMIN.toUpperCase()] });
  unlisted = await createTestContext();
});
afterAll(async () => {
  await listed.close();
  await unlisted.close();
});

/** Signs in through POST /auth/login and opens the dashboard with the session cookie. */
async function dashboardAs(baseUrl: string, login: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  expect(res.status, login).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return (await fetch(`${baseUrl}/admin/queues`, { redirect: 'manual', headers: { Cookie: cookie } })).status;
}

async function user(t: TestContext, slug: string, login: string, roles: string[]) {
  const made = await apiFor(t.baseUrl, slug).post('/users', { login, displayName: login, password: PASSWORD, roles });
  expect(made.status, made.text).toBe(201);
}

describe('the queue dashboard', () => {
  it('opens for an installation administrator named in INSTALLATION_ADMINS, and for no other organisation’s admin', async () => {
    const centre = await listed.newOrganisation();
    const other = await listed.newOrganisation();
    await user(listed, centre.slug, INSTALLATION_ADMIN, ['ADMIN']);
    await user(listed, other.slug, `admin.inny.${suffix}`, ['ADMIN']);
    await user(listed, centre.slug, `opiekun.${suffix}`, ['CASEWORKER']);

    expect(await dashboardAs(listed.baseUrl, INSTALLATION_ADMIN)).toBe(200);
    // An ADMIN of an organisation is not the installation's administrator.
    expect(await dashboardAs(listed.baseUrl, `admin.inny.${suffix}`)).toBe(404);
    expect(await dashboardAs(listed.baseUrl, `opiekun.${suffix}`)).toBe(404);
    // Not signed in, or with an API token (no browser session): the login page.
    const anonymous = await fetch(`${listed.baseUrl}/admin/queues`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/app/');
    expect((await fetch(`${listed.baseUrl}/admin/queues`, { redirect: 'manual', headers: { Authorization: `Bearer ${centre.token}` } })).status).toBe(303);
  });

  it('stays closed to every ADMIN without INSTALLATION_ADMINS once the installation holds several organisations', async () => {
    const a = await unlisted.newOrganisation();
    await unlisted.newOrganisation();
    expect(await unlisted.db.organisation.count()).toBeGreaterThan(1);
    await user(unlisted, a.slug, `admin.bez.listy.${suffix}`, ['ADMIN']);
    expect(await dashboardAs(unlisted.baseUrl, `admin.bez.listy.${suffix}`)).toBe(404);
  });
});
