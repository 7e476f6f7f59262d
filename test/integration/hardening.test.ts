/**
 * Hardening (issue #7): security headers on every answer, a ceiling on bookings per caller, size
 * limits, and errors that never show a stack trace or SQL.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { buildApp } from '../../src/api/app.js';
import { createLogger } from '../../src/logger.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('hardening', () => {
  it('sends security headers and no framework banner', async () => {
    for (const path of ['/app/', '/api/v1/openapi.json', '/api/v1/clients']) {
      const res = await fetch(`${t.baseUrl}${path}`);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('refuses bodies over the limit, and malformed ones, without leaking internals', async () => {
    const org = await t.newOrganisation();
    const headers = { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'application/json' };
    const big = await fetch(`${t.baseUrl}/api/v1/clients`, { method: 'POST', headers, body: JSON.stringify({ firstName: 'x'.repeat(2_000_000) }) });
    expect(big.status).toBe(413);
    const broken = await fetch(`${t.baseUrl}/api/v1/clients`, { method: 'POST', headers, body: '{"firstName": ' });
    expect(broken.status).toBe(400);
    // A value PostgreSQL cannot take (a NUL byte) reaches the database and fails there.
    const nul = await fetch(`${t.baseUrl}/api/v1/places`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'OTHER', name: 'a\u0000b', address: 'Srokowo 1', lat: 54.2, lon: 21.5 }),
    });
    for (const res of [big, broken, nul]) {
      const text = await res.text();
      expect(text).not.toMatch(/at .*\.(ts|js):\d+|prisma|SELECT|INSERT|postgres/i);
      expect(JSON.parse(text).error.message).toBeTruthy();
    }
  });

  it('limits bookings per caller', async () => {
    const app = buildApp({
      db: t.db,
      redis: t.redis,
      log: createLogger('silent'),
      enqueuePlan: async () => undefined,
      now: () => new Date(),
      queuePrefix: `${t.prefix}_limit`,
      bookingRateLimit: { limit: 3, windowSec: 600 },
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const org = await t.newOrganisation();
      const other = await t.newOrganisation();
      const book = (slug: string) =>
        fetch(`${base}/api/v1/rides`, { method: 'POST', headers: { Authorization: `Bearer ${tokenFor(slug)}`, 'Content-Type': 'application/json' }, body: '{}' });
      // Counted before validation: three bad bookings use the allowance like good ones would.
      for (let i = 0; i < 3; i++) expect((await book(org.slug)).status).toBe(400);
      const refused = await book(org.slug);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
      // Another caller has an allowance of its own.
      expect((await book(other.slug)).status).toBe(400);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('behind a trusted proxy, takes the client’s address and https from it: Secure cookie, real address in the log', async () => {
    const app = buildApp({ db: t.db, redis: t.redis, log: createLogger('silent'), enqueuePlan: async () => undefined, now: () => new Date(), queuePrefix: `${t.prefix}_proxy`, trustProxy: 'loopback' });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const org = await t.newOrganisation();
      const login = `proxy.${org.slug}`;
      await fetch(`${base}/api/v1/users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, displayName: 'P', password: 'haslo-przez-proxy', roles: ['CASEWORKER'] }),
      });
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7', 'X-Forwarded-Proto': 'https' },
        body: JSON.stringify({ login, password: 'haslo-przez-proxy' }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toContain('Secure');
      const entry = await t.db.auditEntry.findFirstOrThrow({ where: { organisationId: org.id, action: 'LOGIN' } });
      expect(entry.ip).toBe('203.0.113.7');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
