/**
 * Personal data (issue #7): every read and change of client data is in the append-only audit log
 * and exportable; no organisation sees another's records; clients past the retention period are
 * anonymised with the month's report unchanged; the right of access and erasure where allowed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Queue } from 'bullmq';
import { waitFor } from '../helpers/wait-for.js';
import { createRedis } from '../../src/queue/connection.js';
import { createLogger } from '../../src/logger.js';
import { ANONYMISE_INACTIVE_JOB, CLIENT_RETENTION_QUEUE } from '../../src/queue/jobs.js';
import { createAnonymiseClientsWorker } from '../../workers/anonymise-clients.worker.js';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { createClient, createSmallFleet, VILLAGE } from '../helpers/day-fixture.js';
import { anonymiseInactiveClients } from '../../src/domain/account/anonymise-inactive-clients.js';
import { retentionCutoff } from '../../src/domain/account/client-retention.js';

const NOW = new Date('2026-11-23T09:00:00Z');
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

const auditOf = (organisationId: string) => t.db.auditEntry.findMany({ where: { organisationId }, orderBy: { id: 'asc' } });

describe('the audit log', () => {
  it('records who read and changed which client, from where, and exports it for the DPO', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const booked = await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-24', toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    expect(booked.status).toBe(201);
    const before = (await auditOf(org.id)).length;

    expect((await api.get(`/clients/${day.clients.zofia}`)).status).toBe(200);
    expect((await api.get('/rides?date=2026-11-24')).status).toBe(200);
    expect((await api.get(`/clients/${day.clients.jan}`)).status).toBe(200);
    // A refused or failed read reveals nothing and is not recorded as a read.
    expect((await api.get('/clients/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11')).status).toBe(404);

    const entries = (await auditOf(org.id)).slice(before);
    const token = await t.db.apiToken.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(entries.map((e) => [e.action, e.entity, e.clientId])).toEqual([
      ['READ', 'client', day.clients.zofia],
      ['READ', 'ride', day.clients.helena],
      ['READ', 'client', day.clients.jan],
    ]);
    for (const e of entries) {
      expect(e.actor).toBe(`token:${token.id}`);
      expect(e.ip).toMatch(/127\.0\.0\.1/);
      expect(e.requestId).toBeTruthy();
    }
    // Creations are recorded too: the clients and the booking made above.
    const all = await auditOf(org.id);
    expect(all.filter((e) => e.action === 'CREATE' && e.entity === 'client')).toHaveLength(5);
    expect(all.some((e) => e.action === 'CREATE' && e.entity === 'ride' && e.clientId === day.clients.helena)).toBe(true);

    const csv = await api.get(`/audit?from=2026-01-01&to=2027-12-31&clientId=${day.clients.zofia}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('czas_utc;kto_id');
    // Created, then read.
    expect(lines.slice(1).map((l) => l.split(';')[3])).toEqual(['"CREATE"', '"READ"']);
    expect((await api.get('/audit?from=2027-01-01&to=2026-01-01')).status).toBe(400);
    // A weekly pattern is recorded under its client.
    const weekly = await api.post('/recurring-rides', { clientId: day.clients.irena, toPlaceId: day.healthId, arriveBy: '09:00', weekdays: [3], startDate: '2026-11-25', endDate: '2026-12-02' });
    expect(weekly.status, weekly.text).toBe(201);
    expect((await auditOf(org.id)).filter((e) => e.entity === 'recurring-ride').map((e) => [e.action, e.clientId])).toEqual([['CREATE', day.clients.irena]]);

    // A plan names every client of the day: its reads are recorded once, by the plan's id.
    const plan = await api.post('/plans', { date: '2026-11-24' });
    expect((await api.get(`/plans/${plan.body.id}`)).status).toBe(200);
    const planReads = (await auditOf(org.id)).filter((e) => e.entity === 'plan');
    expect(planReads.map((e) => [e.action, e.entityId, e.clientId])).toEqual([['READ', plan.body.id, null]]);
  });

  it('is append-only: the database refuses to change or remove an entry', async () => {
    const org = await t.newOrganisation();
    await apiFor(t.baseUrl, org.slug).get('/clients');
    const [entry] = await auditOf(org.id);
    expect(entry).toBeDefined();
    await expect(t.db.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'someone else' WHERE id = ${entry!.id}`)).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM audit_entry WHERE id = ${entry!.id}`)).rejects.toThrow(/append-only/);
    expect((await auditOf(org.id))[0]!.actor).toBe(entry!.actor);
  });
});

describe('organisations', () => {
  it('never see each other’s records, whatever id they ask for', async () => {
    const a = await t.newOrganisation();
    const b = await t.newOrganisation();
    const apiA = apiFor(t.baseUrl, a.slug);
    const apiB = apiFor(t.baseUrl, b.slug);
    const day = await createSmallFleet(apiA);
    const ride = await apiA.post('/rides', { clientId: day.clients.helena, date: '2026-11-24', toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    const notFound = await apiB.get('/clients/7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11');
    for (const path of [`/clients/${day.clients.helena}`, `/places/${day.depotId}`, `/vehicles/${day.busId}`, `/rides/${ride.body.outbound.id}`, `/clients/${day.clients.helena}/export`]) {
      const res = await apiB.get(path);
      expect(res.status, path).toBe(404);
    }
    expect((await apiB.get(`/clients/${day.clients.helena}`)).body).toEqual(notFound.body);
    expect((await apiB.patch(`/clients/${day.clients.helena}`, { version: 1, phone: '600 000 000' })).status).toBe(404);
    expect((await apiB.post(`/rides/${ride.body.outbound.id}/cancel`, { reason: 'pomyłka' })).status).toBe(404);
    expect((await apiB.post(`/clients/${day.clients.helena}/erase`)).status).toBe(404);
    expect((await apiB.get('/clients')).body.items).toEqual([]);
    expect((await apiB.get('/rides?date=2026-11-24')).body.items).toEqual([]);
    expect((await apiA.get(`/clients/${day.clients.helena}`)).body.phone).toBe('601 234 101');
    expect(tokenFor(a.slug)).not.toBe(tokenFor(b.slug));
  });
});

describe('the data lifecycle', () => {
  it('knows the retention cutoff, month ends included', () => {
    expect(retentionCutoff('2031-11-23', 60)).toBe('2026-11-23');
    expect(retentionCutoff('2027-03-31', 1)).toBe('2027-02-28');
    expect(retentionCutoff('2027-01-15', 13)).toBe('2025-12-15');
  });

  it('anonymises clients inactive past the retention period, with the month’s report unchanged', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    for (const [client, to] of [[day.clients.helena, day.dayCentreId], [day.clients.jozef, day.healthId], [day.clients.zofia, day.healthId]] as const) {
      expect((await api.post('/rides', { clientId: client, date: '2026-11-24', toPlaceId: to, arriveBy: '10:00', notes: 'Klucz u sąsiadki' })).status).toBe(201);
    }
    const report = async () => (await api.get('/reports?from=2026-11-01&to=2026-11-30')).body;
    const before = await report();
    expect(before).toBeTruthy();

    expect((await api.put('/organisation/client-retention', { months: 24 })).body).toEqual({ months: 24 });
    // Still inside the period: nothing happens.
    expect((await anonymiseInactiveClients(t.db, org.id, new Date('2028-06-01T12:00:00Z'))).anonymised).toBe(0);
    const later = new Date('2029-01-10T12:00:00Z');
    const result = await anonymiseInactiveClients(t.db, org.id, later);
    expect(result).toMatchObject({ cutoff: '2027-01-10', anonymised: 5 });
    // Idempotent: a rerun finds nothing left to do.
    expect((await anonymiseInactiveClients(t.db, org.id, later)).anonymised).toBe(0);

    const helena = await t.db.client.findUniqueOrThrow({ where: { id: day.clients.helena }, include: { homePlace: true } });
    expect(helena).toMatchObject({ firstName: 'Zanonimizowano', phone: null, driverNotes: null, active: false });
    expect(helena.lastName).not.toContain('Kowalczyk');
    expect(helena.homePlace.address).toBe('Zanonimizowano');
    expect(helena.homePlace.lat).toBeCloseTo(VILLAGE.lesnyRow[0], 1);
    const rides = await t.db.ride.findMany({ where: { organisationId: org.id } });
    expect(rides.every((r) => r.notes === null)).toBe(true);

    const { generatedAt: _a, ...reportBefore } = before as Record<string, unknown>;
    const { generatedAt: _b, ...reportAfter } = (await report()) as Record<string, unknown>;
    expect(reportAfter).toEqual(reportBefore);
    const anonymiseEntries = (await auditOf(org.id)).filter((e) => e.action === 'ANONYMISE');
    expect(anonymiseEntries).toHaveLength(5);
    expect(anonymiseEntries[0]!.actor).toBe('system');
  });

  // Limited to this test's organisations: other test files share the database.
  it('runs as a queue job: anonymises inactive clients and drops expired sessions', async () => {
    const orgs = [await t.newOrganisation(), await t.newOrganisation()];
    const clients = [];
    for (const o of orgs) clients.push(await createClient(apiFor(t.baseUrl, o.slug), 'Stefan Dawny', VILLAGE.silec));
    const user = await apiFor(t.baseUrl, orgs[0]!.slug).post('/users', { login: `job.${orgs[0]!.slug}`, displayName: 'J', password: 'haslo-do-testu-1', roles: ['CASEWORKER'] });
    await t.db.session.create({ data: { organisationId: orgs[0]!.id, userId: user.body.id, tokenHash: `expired-${orgs[0]!.id}`, csrfHash: 'x', expiresAt: new Date('2030-01-01T00:00:00Z') } });

    const connection = createRedis(inject('redisUrl'), 'worker');
    const worker = createAnonymiseClientsWorker({ db: t.db, connection, prefix: t.prefix, log: createLogger('silent'), now: () => new Date('2040-01-01T03:00:00Z') });
    const queue = new Queue(CLIENT_RETENTION_QUEUE, { connection: t.redis, prefix: t.prefix });
    try {
      for (const o of orgs) {
        const job = await queue.add(ANONYMISE_INACTIVE_JOB, { organisationId: o.id });
        const done = await waitFor(async () => ((await job.isCompleted()) ? await queue.getJob(job.id!) : null));
        expect(done!.returnvalue.anonymised).toBe(1);
      }
      // A malformed payload fails at once instead of acting on every organisation.
      const bad = await queue.add(ANONYMISE_INACTIVE_JOB, { organisationId: 'not-an-id' });
      await waitFor(async () => (await bad.isFailed()) || null);
      for (const id of clients) expect((await t.db.client.findUniqueOrThrow({ where: { id } })).firstName).toBe('Zanonimizowano');
      expect(await t.db.session.count({ where: { userId: user.body.id } })).toBe(0);
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }
  });

  it('exports everything about a client, and erases only what the law lets go', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-24', toPlaceId: day.dayCentreId, arriveBy: '08:30' });

    const exported = await api.get(`/clients/${day.clients.helena}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.client).toMatchObject({ firstName: 'Helena', lastName: 'Kowalczyk' });
    expect(exported.body.rides).toHaveLength(1);
    // The ride's history, in the order it happened (its insertion order is internal, not exported).
    expect(exported.body.rides[0].events.map((e: { fromStatus: string | null; toStatus: string }) => [e.fromStatus, e.toStatus])).toEqual([[null, 'APPROVED']]);
    expect(exported.body.rides[0].events[0]).not.toHaveProperty('seq');
    expect(exported.body.accessLog.map((a: { action: string }) => a.action)).toContain('CREATE');

    // Rides in the retention period are settlement records: refused, saying why.
    const refused = await api.post(`/clients/${day.clients.helena}/erase`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('2026-11-24');
    expect(refused.body.error.messageEn).toContain('settlement');
    expect((await api.get(`/clients/${day.clients.helena}`)).body.firstName).toBe('Helena');

    // A client who never rode goes entirely, home address with them.
    const never = await createClient(api, 'Adam Nowy', VILLAGE.wyskok);
    const home = (await api.get(`/clients/${never}`)).body.homePlaceId;
    expect((await api.post(`/clients/${never}/erase`)).body).toEqual({ clientId: never, erased: 'DELETED' });
    expect((await api.get(`/clients/${never}`)).status).toBe(404);
    expect((await api.get(`/places/${home}`)).status).toBe(404);

    const actions = (await auditOf(org.id)).filter((e) => e.clientId === never).map((e) => e.action);
    expect(actions).toEqual(['CREATE', 'READ', 'ERASE']);
    const helenaActions = (await auditOf(org.id)).filter((e) => e.clientId === day.clients.helena).map((e) => e.action);
    expect(helenaActions).toContain('EXPORT');
  });
});
