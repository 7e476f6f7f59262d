import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-context.js';
import { resourceRouters } from '../../src/api/app.js';
import { createLogger } from '../../src/logger.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

/** Every route the resource routers really mount, as "METHOD /path/{param}". */
function mountedRoutes(): string[] {
  const deps = { db: t.db, redis: t.redis, log: createLogger('silent'), enqueuePlan: async () => undefined, now: () => new Date() };
  return resourceRouters(deps).flatMap(([prefix, router]) =>
    (router.stack as { route?: { path: string; methods: Record<string, boolean> } }[])
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${(prefix + layer.route!.path).replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`),
      ),
  );
}

describe('the OpenAPI description', () => {
  it('documents every mounted route, and nothing that is not mounted', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((r) => !r.endsWith('/openapi.json') && !r.endsWith('/docs'));

    const mounted = mountedRoutes();

    expect(doc.openapi).toBe('3.1.0');
    expect(mounted.length).toBeGreaterThan(15);
    expect([...documented].sort()).toEqual([...mounted].sort());
  });

  it('describes request bodies from the same schemas that validate them', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/v1/openapi.json`)).json()) as any;
    const booking = doc.paths['/rides'].post.requestBody.content['application/json'].schema;
    expect(booking.required).toEqual(expect.arrayContaining(['clientId', 'date', 'toPlaceId']));
    expect(booking.properties.arriveBy.pattern).toBeDefined();
    expect(booking.additionalProperties).toBe(false);
    expect(doc.paths['/plans/{id}'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['id', 'include']));
  });

  it('serves a readable reference page without needing an organisation', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('POST /api/v1/rides');
    expect(html).toContain('Zarezerwuj przejazd');
  });
});
