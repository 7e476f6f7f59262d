/**
 * Accounts (issue #7): signing in with a cookie and CSRF token, lockout after failures, per-address
 * throttling, the first administrator made by a command, and what a driver may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';
import { createAdmin } from '../../src/auth/create-admin.js';
import { IP_FAILURE_LIMIT, MAX_FREE_FAILURES, lockSeconds } from '../../src/auth/login.js';

let now = new Date('2026-11-23T09:00:00Z');
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

/** A browser: keeps the session cookie and sends the CSRF token on changes. */
function browser(baseUrl: string) {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown, opts: { csrf?: boolean } = {}) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(opts.csrf !== false && csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null; // an HTML page
    }
    return { status: res.status, body: json, setCookie };
  };
  return {
    async login(login: string, password: string) {
      const res = await call('POST', '/auth/login', { login, password });
      if (res.status === 200) csrf = res.body.csrfToken;
      return res;
    },
    get: (p: string) => call('GET', p),
    post: (p: string, b: unknown = {}, o?: { csrf?: boolean }) => call('POST', p, b, o),
    patch: (p: string, b: unknown, o?: { csrf?: boolean }) => call('PATCH', p, b, o),
  };
}

const PASSWORD = 'dobre-haslo-123';

describe('signing in', () => {
  it('sets an HTTP-only SameSite=Strict cookie, answers /me, and needs the CSRF token for changes', async () => {
    const org = await t.newOrganisation();
    const admin = apiFor(t.baseUrl, org.slug);
    const created = await admin.post('/users', { login: 'Anna.Opiekun', displayName: 'Anna Opiekun', password: PASSWORD, roles: ['CASEWORKER'] });
    expect(created.status).toBe(201);
    expect(created.body.login).toBe('anna.opiekun');
    expect(created.body).not.toHaveProperty('passwordHash');
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);

    const b = browser(t.baseUrl);
    expect((await b.get('/auth/me')).status).toBe(401);
    expect((await b.login('anna.opiekun', 'złe-hasło-000')).status).toBe(401);
    const ok = await b.login('ANNA.opiekun', PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.setCookie).toMatch(/dowoz_session=.+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(ok.body.csrfToken).toMatch(/^[0-9a-f]{64}$/);

    const me = await b.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ roles: ['CASEWORKER'], user: { login: 'anna.opiekun' }, organisation: { slug: org.slug }, csrfToken: ok.body.csrfToken });

    const place = { kind: 'OTHER', name: 'Kościół', address: 'Srokowo 1', lat: 54.21, lon: 21.52 };
    const noCsrf = await b.post('/places', place, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.message).toContain('CSRF');
    expect((await b.post('/places', place)).status).toBe(201);
    // A caseworker's session reaches booking, not accounts or planning.
    expect((await b.get('/users')).status).toBe(404);
    expect((await b.get('/plans?date=2026-11-24')).status).toBe(404);

    expect((await b.post('/auth/logout')).status).toBe(204);
    expect((await b.get('/auth/me')).status).toBe(401);
  });

  it('locks an account after repeated failures, for longer each time, and unlocks after the wait', async () => {
    expect(lockSeconds(MAX_FREE_FAILURES - 1)).toBe(0);
    expect(lockSeconds(MAX_FREE_FAILURES)).toBe(30);
    expect(lockSeconds(MAX_FREE_FAILURES + 1)).toBe(60);
    expect(lockSeconds(MAX_FREE_FAILURES + 20)).toBe(900);

    const org = await t.newOrganisation();
    await apiFor(t.baseUrl, org.slug).post('/users', { login: 'dyspozytor.lock', displayName: 'D', password: PASSWORD, roles: ['DISPATCHER'] });
    const b = browser(t.baseUrl);
    for (let i = 0; i < MAX_FREE_FAILURES; i++) expect((await b.login('dyspozytor.lock', 'zgadywane-haslo')).status).toBe(401);
    // Locked now: even the right password is refused, with how long to wait.
    const locked = await b.login('dyspozytor.lock', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('spróbuj ponownie');
    now = new Date(now.getTime() + 31_000);
    expect((await b.login('dyspozytor.lock', PASSWORD)).status).toBe(200);
    const user = await t.db.user.findUniqueOrThrow({ where: { login: 'dyspozytor.lock' } });
    expect(user.failedLogins).toBe(0);
    const audit = await t.db.auditEntry.findMany({ where: { organisationId: org.id, entityId: user.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([...Array(MAX_FREE_FAILURES).fill('LOGIN_FAILED'), 'LOGIN']);
  });

  it('ends the sessions of a deactivated account at once', async () => {
    const org = await t.newOrganisation();
    const admin = apiFor(t.baseUrl, org.slug);
    const u = await admin.post('/users', { login: 'kierowca.odchodzi', displayName: 'K', password: PASSWORD, roles: ['CASEWORKER'] });
    const b = browser(t.baseUrl);
    expect((await b.login('kierowca.odchodzi', PASSWORD)).status).toBe(200);
    expect((await b.get('/clients')).status).toBe(200);
    expect((await admin.patch(`/users/${u.body.id}`, { version: u.body.version, active: false })).status).toBe(200);
    expect((await b.get('/clients')).status).toBe(401);
    expect((await b.login('kierowca.odchodzi', PASSWORD)).status).toBe(401);
  });

  it('makes the first administrator by a command, refusing a short password', async () => {
    const slug = `cmd-${Date.now().toString(36)}`;
    await expect(createAdmin(t.db, () => now, { organisation: slug, login: `admin.${slug}`, password: 'krotkie' })).rejects.toThrow();
    await expect(createAdmin(t.db, () => now, { organisation: slug, login: `admin.${slug}`, password: PASSWORD })).rejects.toThrow(/Nie ma organizacji/);
    const made = await createAdmin(t.db, () => now, { organisation: slug, login: `admin.${slug}`, password: PASSWORD, organisationName: 'CUS Test', gminaName: 'Srokowo' });
    expect(made.user.roles).toEqual(['ADMIN']);
    const b = browser(t.baseUrl);
    expect((await b.login(`admin.${slug}`, PASSWORD)).status).toBe(200);
    expect((await b.get('/users')).body.items).toHaveLength(1);
  });
});

describe('a driver', () => {
  it('reads only the manifest of their own vehicle, and only today', async () => {
    const org = await t.newOrganisation();
    const admin = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(admin);
    const driver = await admin.post('/users', { login: 'kierowca.bus', displayName: 'Kierowca', password: PASSWORD, roles: ['DRIVER'], vehicleIds: [day.busId] });
    expect(driver.status, driver.text).toBe(201);
    const b = browser(t.baseUrl);
    expect((await b.login('kierowca.bus', PASSWORD)).status).toBe(200);
    const today = '2026-11-23';
    const unknownVehicle = await b.get(`/manifests/${today}/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11`);
    const own = await b.get(`/manifests/${today}/${day.busId}`);
    const other = await b.get(`/manifests/${today}/${day.carId}`);
    const tomorrow = await b.get(`/manifests/2026-11-24/${day.busId}`);
    // Own vehicle today reaches the manifest (no plan yet); everything else is an unknown vehicle.
    expect(own.body.error?.message ?? '').not.toBe(unknownVehicle.body.error.message);
    for (const refused of [other, tomorrow]) {
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual(unknownVehicle.body);
    }
    // The fleet list shows a driver only the vehicles they drive.
    expect((await b.get('/vehicles')).body.items.map((v: { id: string }) => v.id)).toEqual([day.busId]);
    expect((await admin.get('/vehicles')).body.items.length).toBeGreaterThan(1);
    expect((await b.get('/clients')).status).toBe(404);
    expect((await b.get('/rides?date=2026-11-23')).status).toBe(404);
    // Paper too: the PDF of their own vehicle, not another's, not the whole day's.
    expect((await b.get(`/manifests/${today}/pdf?vehicleId=${day.carId}`)).body).toEqual(unknownVehicle.body);
    expect((await b.get(`/manifests/${today}/pdf`)).body).toEqual(unknownVehicle.body);
    expect((await b.get(`/manifests/${today}/pdf?vehicleId=${day.busId}`)).body?.error?.message ?? '').not.toBe(unknownVehicle.body.error.message);
    // The admin (and dispatcher) read any vehicle, any day.
    expect((await admin.get(`/manifests/2026-11-24/${day.carId}`)).body.error?.message ?? '').not.toBe(unknownVehicle.body.error.message);
  });
});

describe('throttling by address', () => {
  it(`refuses logins from an address after ${IP_FAILURE_LIMIT} failures, even with the right password`, async () => {
    const own = await createTestContext({ now: () => now });
    try {
      const org = await own.newOrganisation();
      await apiFor(own.baseUrl, org.slug).post('/users', { login: 'ofiara.ip', displayName: 'O', password: PASSWORD, roles: ['CASEWORKER'] });
      const b = browser(own.baseUrl);
      for (let i = 0; i < IP_FAILURE_LIMIT; i++) expect((await b.login(`nieznany${i}`, 'cokolwiek-123')).status).toBe(401);
      expect((await b.login('ofiara.ip', PASSWORD)).status).toBe(429);
    } finally {
      await own.close();
    }
  });
});
