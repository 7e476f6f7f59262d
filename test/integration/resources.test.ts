import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const srokowo = { kind: 'CUS', name: 'Dzienny Dom Pomocy', address: 'ul. Szkolna 4, Srokowo', lat: 54.2134, lon: 21.5192 };
const ketrzyn = { kind: 'HOSPITAL', name: 'Szpital w Kętrzynie', address: 'ul. Curie-Skłodowskiej 2, Kętrzyn', lat: 54.0792, lon: 21.3702 };

describe('places', () => {
  it('creates, reads, lists and updates a place, computing whether it lies inside the gmina', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);

    const inside = await api.post('/places', srokowo);
    const outside = await api.post('/places', ketrzyn);

    expect(inside.status).toBe(201);
    expect(inside.body).toMatchObject({ ...srokowo, insideGmina: true, version: 1 });
    expect(outside.body.insideGmina).toBe(false);
    expect((await api.get(`/places/${inside.body.id}`)).body.name).toBe('Dzienny Dom Pomocy');
    expect((await api.get('/places?kind=HOSPITAL')).body.items.map((p: { id: string }) => p.id)).toEqual([outside.body.id]);

    const moved = await api.patch(`/places/${outside.body.id}`, { lat: 54.2, lon: 21.5, version: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ insideGmina: true, version: 2 });
  });

  it('re-classifies every place when the gmina boundary is uploaded, and refuses a broken polygon', async () => {
    const org = await t.newOrganisation(false);
    const api = apiFor(t.baseUrl, org.slug);
    const inside = (await api.post('/places', srokowo)).body;
    const outside = (await api.post('/places', ketrzyn)).body;
    expect([inside.insideGmina, outside.insideGmina]).toEqual([null, null]);
    const { SROKOWO_BOUNDARY } = await import('../../prisma/demo-srokowo.js');

    const res = await api.put('/organisation/boundary', { type: 'Feature', properties: { name: 'Srokowo' }, geometry: SROKOWO_BOUNDARY });
    const broken = await api.put('/organisation/boundary', { type: 'Polygon', coordinates: [[[21.4, 54.3], [21.6, 54.3], [21.5, 54.2]]] });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ places: 2, inside: 1 });
    expect((await api.get(`/places/${inside.id}`)).body.insideGmina).toBe(true);
    expect((await api.get(`/places/${outside.id}`)).body.insideGmina).toBe(false);
    expect((await api.get('/organisation')).body.hasBoundary).toBe(true);
    expect(broken.status).toBe(400);
  });

  it('refuses an update based on a stale version with 409 and changes nothing', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const place = (await api.post('/places', srokowo)).body;
    await api.patch(`/places/${place.id}`, { name: 'Nowa nazwa', version: 1 });

    const stale = await api.patch(`/places/${place.id}`, { name: 'Inna nazwa', version: 1 });

    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect((await api.get(`/places/${place.id}`)).body.name).toBe('Nowa nazwa');
  });

  it('answers 400 naming every bad field, in Polish and English, and writes nothing', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);

    const res = await api.post('/places', { kind: 'CASTLE', name: '', address: 'x', lat: 95, lon: 21.5, extra: 1 });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['extra', 'kind', 'lat', 'name']);
    const lat = res.body.error.fields.find((f: { path: string }) => f.path === 'lat');
    expect(lat.message).toContain('szerokość');
    expect(lat.messageEn).toContain('latitude');
    expect((await api.get('/places')).body.items).toEqual([]);
  });

  it('answers 400 for malformed JSON and 404 for unknown ids and endpoints', async () => {
    const org = await t.newOrganisation();
    const res = await fetch(`${t.baseUrl}/api/v1/places`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenFor(org.slug)}`, 'Content-Type': 'application/json' },
      body: '{"kind": ',
    });
    expect(res.status).toBe(400);
    const api = apiFor(t.baseUrl, org.slug);
    expect((await api.get('/places/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11')).status).toBe(404);
    expect((await api.get('/clients/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11')).status).toBe(404);
    expect((await api.get('/vehicles/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11')).status).toBe(404);
    expect((await api.get('/rides/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11')).status).toBe(404);
    expect((await api.get('/plans/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11')).status).toBe(404);
    expect((await api.get('/no-such-thing')).status).toBe(404);
    const badId = await api.get('/places/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields[0].path).toBe('id');
  });

  it('never shows one organisation’s records to another', async () => {
    const a = apiFor(t.baseUrl, (await t.newOrganisation()).slug);
    const b = apiFor(t.baseUrl, (await t.newOrganisation()).slug);
    const place = (await a.post('/places', srokowo)).body;

    expect((await b.get(`/places/${place.id}`)).status).toBe(404);
    expect((await b.get('/places')).body.items).toEqual([]);
    expect((await b.patch(`/places/${place.id}`, { name: 'x', version: 1 })).status).toBe(404);
    const client = await b.post('/clients', { firstName: 'A', lastName: 'B', homePlaceId: place.id });
    expect(client.status).toBe(400);
    expect(client.body.error.fields[0].path).toBe('homePlaceId');
  });

  it('greets a person at the root in Polish and reports readiness', async () => {
    const home = await fetch(`${t.baseUrl}/`);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(await home.text()).toContain('Serwis działa');
    const ready = await fetch(`${t.baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', redis: 'ok' });
  });

  it('answers 401 without credentials or with an unknown token: there is no choosing an organisation', async () => {
    const org = await t.newOrganisation();
    expect((await fetch(`${t.baseUrl}/api/v1/places`, { headers: { 'X-Organisation': org.slug } })).status).toBe(401);
    expect((await apiFor(t.baseUrl, org.slug, { token: 'dwz_no_such_token' }).get('/places')).status).toBe(401);
  });
});

describe('clients', () => {
  it('creates a client at a home address, finds them by name and updates their mobility', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const home = (await api.post('/places', { kind: 'ADDRESS', name: 'dom', address: 'Leśny Rów 3', lat: 54.258, lon: 21.501 })).body;

    const created = await api.post('/clients', { firstName: 'Helena', lastName: 'Kowalczyk', phone: '601 234 101', homePlaceId: home.id, mobility: 'WALKER' });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ firstName: 'Helena', homeAddress: 'Leśny Rów 3', mobility: 'WALKER', needsAssistant: false, active: true });
    expect((await api.get('/clients?q=kowal')).body.items).toHaveLength(1);
    expect((await api.get('/clients?q=nowak')).body.items).toHaveLength(0);
    const updated = await api.patch(`/clients/${created.body.id}`, { mobility: 'WHEELCHAIR', version: 1 });
    expect(updated.body).toMatchObject({ mobility: 'WHEELCHAIR', version: 2 });
  });

  it('refuses a bad phone number and an unknown mobility', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const home = (await api.post('/places', { kind: 'ADDRESS', name: 'dom', address: 'Silec 1', lat: 54.205, lon: 21.461 })).body;
    const res = await api.post('/clients', { firstName: 'Jan', lastName: 'Nowak', phone: 'abc', homePlaceId: home.id, mobility: 'FLIES' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['mobility', 'phone']);
    expect((await api.get('/clients')).body.items).toEqual([]);
  });
});

describe('vehicles', () => {
  it('creates a minibus with a wheelchair place and a shift, and lists it', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const depot = (await api.post('/places', { kind: 'DEPOT', name: 'Baza', address: 'Srokowo', lat: 54.213, lon: 21.519 })).body;

    const bus = await api.post('/vehicles', { name: 'Bus', seats: 8, wheelchairPlaces: 1, depotPlaceId: depot.id, shiftStart: '07:00', shiftEnd: '16:00' });

    expect(bus.status).toBe(201);
    expect(bus.body).toMatchObject({ seats: 8, wheelchairPlaces: 1, shiftStart: '07:00', shiftEnd: '16:00', active: true });
    expect((await api.get('/vehicles')).body.items).toHaveLength(1);
  });

  it('refuses a shift that ends before it starts, also when only one end is updated', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const depot = (await api.post('/places', { kind: 'DEPOT', name: 'Baza', address: 'Srokowo', lat: 54.213, lon: 21.519 })).body;
    const bad = await api.post('/vehicles', { name: 'Auto', seats: 4, wheelchairPlaces: 0, depotPlaceId: depot.id, shiftStart: '15:00', shiftEnd: '07:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ path: 'shiftEnd', messageEn: 'the shift must end after it starts' });

    const car = (await api.post('/vehicles', { name: 'Auto', seats: 4, wheelchairPlaces: 0, depotPlaceId: depot.id, shiftStart: '07:00', shiftEnd: '15:00' })).body;
    const badUpdate = await api.patch(`/vehicles/${car.id}`, { shiftEnd: '06:00', version: 1 });
    expect(badUpdate.status).toBe(400);
    expect((await api.get(`/vehicles/${car.id}`)).body.shiftEnd).toBe('15:00');
  });
});

describe('readiness', () => {
  it('answers 503 naming Redis when Redis cannot be reached', async () => {
    const { buildApp } = await import('../../src/api/app.js');
    const { createLogger } = await import('../../src/logger.js');
    const { Redis } = await import('ioredis');
    const deadRedis = new Redis({ port: 1, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    deadRedis.on('error', () => undefined);
    const app = buildApp({ db: t.db, redis: deadRedis, log: createLogger('silent'), enqueuePlan: async () => undefined, now: () => new Date() });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'not ready', database: 'ok', redis: 'unavailable' });
    } finally {
      server.close();
      deadRedis.disconnect();
    }
  });
});
