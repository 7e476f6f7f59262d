/**
 * Authorisation (issue #7): every mounted route has a rule in the one permission table, and
 * each role is allowed exactly what the table says — refused calls look like unknown ones (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { createPlace, VILLAGE } from '../helpers/day-fixture.js';
import { resourceRouters } from '../../src/api/app.js';
import { createLogger } from '../../src/logger.js';
import { PERMISSIONS, allows, ruleFor } from '../../src/auth/permissions.js';
import type { Role } from '../../src/domain/organisation/organisation-context.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

/** Every route the resource routers mount, as 'METHOD /api/v1/path/:param'. */
function mountedRoutes(): string[] {
  const deps = { db: t.db, redis: t.redis, log: createLogger('silent'), enqueuePlan: async () => undefined, now: () => new Date() };
  return resourceRouters(deps).flatMap(([prefix, router]) =>
    (router.stack as { route?: { path: string; methods: Record<string, boolean> } }[])
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} /api/v1${(prefix + layer.route!.path).replace(/\/$/, '')}`)),
  );
}

const ROLES: Role[] = ['ADMIN', 'DISPATCHER', 'CASEWORKER', 'DRIVER', 'PROVIDER'];
const SOME_ID = '7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11';

/** A concrete path for a route pattern: ids for :params, a date for :date, 1 for :sequence. */
function concrete(pattern: string): string {
  return pattern
    .replace(':date', '2026-11-23')
    .replace(':sequence', '1')
    .replace(/:\w+/g, SOME_ID);
}

describe('the permission table', () => {
  it('has a rule for every mounted route, and no rule for a route that is not mounted', () => {
    const mounted = mountedRoutes();
    expect(mounted.length).toBeGreaterThan(30);
    const missing = mounted.filter((r) => !(r in PERMISSIONS));
    expect(missing, `routes without a rule in src/auth/permissions.ts: ${missing.join(', ')}`).toEqual([]);
    const stale = Object.keys(PERMISSIONS).filter((k) => !mounted.includes(k));
    expect(stale).toEqual([]);
  });

  it('matches the most literal route first', () => {
    expect(ruleFor('GET', '/api/v1/clients/abc/export')?.key).toBe('GET /api/v1/clients/:id/export');
    expect(ruleFor('GET', '/api/v1/clients/abc')?.key).toBe('GET /api/v1/clients/:id');
    expect(ruleFor('DELETE', '/api/v1/clients/abc')).toBeUndefined();
  });

  it('without credentials: 401 on every route except login', async () => {
    for (const route of mountedRoutes()) {
      const [method, pattern] = route.split(' ') as [string, string];
      const res = await fetch(`${t.baseUrl}${concrete(pattern)}`, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'GET' ? null : '{}' });
      if (route === 'POST /api/v1/auth/login') expect(res.status, route).toBe(400);
      else expect(res.status, route).toBe(401);
    }
  });

  it('for every route and role: refused exactly when the table says so, and refused looks like unknown (404)', async () => {
    const org = await t.newOrganisation();
    const tokens = new Map<Role, string>();
    const provider = await t.db.provider.create({ data: { organisationId: org.id, name: 'Przewoźnik' } });
    for (const role of ROLES) {
      // Drivers sign in with accounts, not tokens; a DRIVER token made directly still tests the table.
      tokens.set(role, await t.newToken(org.id, [role], role === 'PROVIDER' ? provider.id : undefined));
    }
    const unknown = await fetch(`${t.baseUrl}/api/v1/no-such-thing`, { headers: { Authorization: `Bearer ${tokenFor(org.slug)}` } });
    const unknownBody = await unknown.json();
    expect(unknown.status).toBe(404);

    let refused = 0;
    let allowed = 0;
    for (const route of mountedRoutes()) {
      const [method, pattern] = route.split(' ') as [string, string];
      // Routes without a rule fail the first test; logging out would end nothing here (tokens).
      if (!(route in PERMISSIONS) || route === 'POST /api/v1/auth/login' || route === 'POST /api/v1/auth/logout') continue;
      for (const role of ROLES) {
        const res = await fetch(`${t.baseUrl}${concrete(pattern)}`, {
          method,
          headers: { Authorization: `Bearer ${tokens.get(role)}`, 'Content-Type': 'application/json' },
          body: method === 'GET' ? null : '{}',
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        if (allows(PERMISSIONS[route]!, [role])) {
          allowed++;
          // Reached its handler: whatever it answers (400 bad input, 404 unknown id, 200), it is
          // not the router's refusal.
          expect(text, `${role} ${route}`).not.toBe(JSON.stringify(unknownBody));
        } else {
          refused++;
          expect(res.status, `${role} ${route}`).toBe(404);
          expect(JSON.parse(text), `${role} ${route}`).toEqual(unknownBody);
        }
      }
    }
    expect(refused).toBeGreaterThan(50);
    expect(allowed).toBeGreaterThan(50);
  });

  it('a revoked or made-up token is not signed in', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const made = await api.post('/tokens', { name: 'integracja', roles: ['DISPATCHER'] });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^dwz_/);
    const withToken = apiFor(t.baseUrl, org.slug, { token: made.body.token });
    expect((await withToken.get('/vehicles')).status).toBe(200);
    expect((await withToken.get('/users')).status).toBe(404);
    const stored = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.body.id } });
    expect(stored.tokenHash).not.toContain(made.body.token);
    expect((await api.post(`/tokens/${made.body.id}/revoke`)).status).toBe(200);
    expect((await withToken.get('/vehicles')).status).toBe(401);
    expect((await apiFor(t.baseUrl, org.slug, { token: 'dwz_made_up' }).get('/vehicles')).status).toBe(401);
  });

  it('ignores X-Organisation: the organisation is always the token’s', async () => {
    const a = await t.newOrganisation();
    const b = await t.newOrganisation();
    await createPlace(apiFor(t.baseUrl, b.slug), 'DEPOT', 'Baza B', VILLAGE.srokowo);
    const res = await fetch(`${t.baseUrl}/api/v1/places`, { headers: { Authorization: `Bearer ${tokenFor(a.slug)}`, 'X-Organisation': b.slug } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
    const asB = await fetch(`${t.baseUrl}/api/v1/places`, { headers: { Authorization: `Bearer ${tokenFor(b.slug)}` } });
    expect(((await asB.json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});
