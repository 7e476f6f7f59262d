/**
 * A caseworker limited to their own caseload (issue #7, docs/DECISIONS.md D13): lists, reads,
 * changes and books only for clients whose caseworker they are; everyone else's clients, their
 * rides and weekly patterns answer exactly like unknown ids. Unrestricted caseworkers,
 * dispatchers and administrators see the whole centre.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet, VILLAGE, createPlace } from '../helpers/day-fixture.js';
import { signIn } from '../helpers/sign-in.js';

let t: TestContext;
// Monday 2026-11-23, 10:00 in Warsaw: 2026-11-24 is bookable.
const NOW = new Date('2026-11-23T09:00:00Z');
const DATE = '2026-11-24';
const PASSWORD = 'dobre-haslo-123';
const UNKNOWN_ID = '7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11';

beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

type Api = ReturnType<typeof apiFor>;
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id).sort();

async function newUser(admin: Api, login: string, displayName: string, roles: string[], ownCaseloadOnly?: boolean): Promise<string> {
  const res = await admin.post('/users', { login, displayName, password: PASSWORD, roles, ...(ownCaseloadOnly !== undefined ? { ownCaseloadOnly } : {}) });
  if (res.status !== 201) throw new Error(`user ${login}: ${res.status} ${res.text}`);
  return res.body.id;
}

async function assign(admin: Api, clientId: string, caseworkerUserId: string | null) {
  const c = (await admin.get(`/clients/${clientId}`)).body;
  return admin.patch(`/clients/${clientId}`, { caseworkerUserId, version: c.version });
}

/**
 * Helena is Anna's (limited to her own caseload), Jan is Bogdan's (unrestricted); the others
 * have no caseworker account. Jan has a ride and a weekly pattern booked by the administrator.
 */
async function setup() {
  const org = await t.newOrganisation();
  const admin = apiFor(t.baseUrl, org.slug);
  const day = await createSmallFleet(admin);
  const suffix = org.slug.slice(-6);
  const annaId = await newUser(admin, `anna.${suffix}`, 'Anna Opiekun', ['CASEWORKER'], true);
  const bogdanId = await newUser(admin, `bogdan.${suffix}`, 'Bogdan Opiekun', ['CASEWORKER']);
  await newUser(admin, `dora.${suffix}`, 'Dora Dyspozytor', ['DISPATCHER', 'CASEWORKER'], true);
  expect((await assign(admin, day.clients.helena!, annaId)).status).toBe(200);
  expect((await assign(admin, day.clients.jan!, bogdanId)).status).toBe(200);
  const janRide = (await admin.post('/rides', { clientId: day.clients.jan, date: DATE, toPlaceId: day.healthId, arriveBy: '10:00' })).body.outbound;
  const janPattern = (await admin.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.dayCentreId, arriveBy: '08:30', weekdays: [3], startDate: DATE })).body;
  return {
    org,
    admin,
    day,
    annaId,
    bogdanId,
    janRide,
    janPattern,
    anna: await signIn(t.baseUrl, `anna.${suffix}`, PASSWORD),
    bogdan: await signIn(t.baseUrl, `bogdan.${suffix}`, PASSWORD),
    dora: await signIn(t.baseUrl, `dora.${suffix}`, PASSWORD),
  };
}

describe('a caseworker limited to their own caseload', () => {
  it('lists and reads only their own clients; another caseworker\'s answers like an unknown id', async () => {
    const { admin, day, anna, annaId } = await setup();
    const helena = await anna.get(`/clients/${day.clients.helena}`);
    expect(helena.status).toBe(200);
    // The administrator's assignment named the account, and its name filled the caseworker field.
    expect(helena.body).toMatchObject({ caseworkerUserId: annaId, caseworker: 'Anna Opiekun' });
    expect(ids(await anna.get('/clients'))).toEqual([day.clients.helena]);
    expect((await anna.get('/clients?q=Król')).body.items).toEqual([]);
    // Everyone else in the centre is still there for the administrator.
    expect(ids(await admin.get('/clients'))).toEqual(Object.values(day.clients).sort());

    const jan = await anna.get(`/clients/${day.clients.jan}`);
    const unknown = await anna.get(`/clients/${UNKNOWN_ID}`);
    expect(jan.status).toBe(404);
    expect(jan.body).toEqual(unknown.body);
    expect((await anna.get(`/clients/${day.clients.jan}/policy-events`)).status).toBe(404);
    expect((await anna.patch(`/clients/${day.clients.jan}`, { phone: '600 000 000', version: 1 })).status).toBe(404);
    const stored = await t.db.client.findUniqueOrThrow({ where: { id: day.clients.jan! } });
    expect(stored.phone).not.toBe('600 000 000');
  });

  it('does not see the homes of other caseworkers\' clients among the places', async () => {
    const { admin, day, anna, bogdan } = await setup();
    const janHome = (await admin.get(`/clients/${day.clients.jan}`)).body.homePlaceId;
    const names = async (api: { get: Api['get'] }, q = '') => (await api.get(`/places${q}`)).body.items.map((p: { name: string }) => p.name).sort();
    const annaSees = await names(anna);
    expect(annaSees).toEqual(expect.arrayContaining(['Baza', 'Dzienny Dom', 'Ośrodek Zdrowia', 'Helena Kowalczyk dom']));
    expect(annaSees.filter((n: string) => n.endsWith(' dom'))).toEqual(['Helena Kowalczyk dom']);
    expect(await names(anna, '?q=Król')).toEqual([]);
    expect((await anna.get(`/places/${janHome}`)).status).toBe(404);
    expect((await anna.patch(`/places/${janHome}`, { name: 'Zmiana', version: 1 })).status).toBe(404);
    expect(await names(bogdan, '?q=Król')).toEqual(['Jan Król dom']);
  });

  it('books only for their own clients, and sees only their rides', async () => {
    const { day, anna, janRide } = await setup();
    const own = await anna.post('/rides', { clientId: day.clients.helena, date: DATE, toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    expect(own.status).toBe(201);

    const other = await anna.post('/rides', { clientId: day.clients.jan, date: DATE, toPlaceId: day.dayCentreId, arriveBy: '14:00' });
    const unknown = await anna.post('/rides', { clientId: UNKNOWN_ID, date: DATE, toPlaceId: day.dayCentreId, arriveBy: '14:00' });
    expect(other.status).toBe(400);
    expect(other.body).toEqual(unknown.body);
    expect(other.body.error.fields).toEqual([expect.objectContaining({ path: 'clientId', messageEn: 'no such client' })]);
    expect(await t.db.ride.count({ where: { clientId: day.clients.jan!, serviceDate: new Date(`${DATE}T00:00:00Z`) } })).toBe(1);

    expect(ids(await anna.get(`/rides?date=${DATE}`))).toEqual([own.body.outbound.id]);
    expect((await anna.get(`/rides/${janRide.id}`)).status).toBe(404);
    expect((await anna.post(`/rides/${janRide.id}/cancel`, { reason: 'Klient w szpitalu' })).status).toBe(404);
    expect((await t.db.ride.findUniqueOrThrow({ where: { id: janRide.id } })).status).toBe('APPROVED');
  });

  it('sees and makes weekly patterns only for their own clients', async () => {
    const { day, anna, janPattern } = await setup();
    expect((await anna.get('/recurring-rides')).body.items).toEqual([]);
    expect((await anna.get(`/recurring-rides?clientId=${day.clients.jan}`)).body.items).toEqual([]);
    expect((await anna.get(`/recurring-rides/${janPattern.id}`)).status).toBe(404);
    expect((await anna.patch(`/recurring-rides/${janPattern.id}`, { notes: 'zmiana', version: janPattern.version })).status).toBe(404);
    const refused = await anna.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.healthId, arriveBy: '09:00', weekdays: [1], startDate: DATE });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ path: 'clientId', messageEn: 'no such client' });

    const own = await anna.post('/recurring-rides', { clientId: day.clients.helena, toPlaceId: day.healthId, arriveBy: '09:00', weekdays: [1], startDate: DATE });
    expect(own.status).toBe(201);
    expect(ids(await anna.get('/recurring-rides'))).toEqual([own.body.id]);
  });

  it('becomes the caseworker of a client they add, and cannot hand clients to someone else', async () => {
    const { anna, annaId, bogdanId, day } = await setup();
    const homePlaceId = await createPlace(anna, 'ADDRESS', 'Nowy dom', VILLAGE.wyskok);
    const added = await anna.post('/clients', { firstName: 'Stefan', lastName: 'Nowy', homePlaceId });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ caseworkerUserId: annaId, caseworker: 'Anna Opiekun' });
    expect(ids(await anna.get('/clients'))).toEqual([day.clients.helena, added.body.id].sort());

    const forBogdan = await anna.post('/clients', { firstName: 'Ewa', lastName: 'Obca', homePlaceId, caseworkerUserId: bogdanId });
    expect(forBogdan.status).toBe(400);
    expect(forBogdan.body.error.fields[0]).toMatchObject({ path: 'caseworkerUserId' });
    const handOver = await anna.patch(`/clients/${added.body.id}`, { caseworkerUserId: bogdanId, version: added.body.version });
    expect(handOver.status).toBe(400);
    expect(handOver.body.error.fields[0]).toMatchObject({ path: 'caseworkerUserId' });
    expect((await anna.get(`/clients/${added.body.id}`)).body.caseworkerUserId).toBe(annaId);
  });
});

describe('who is not limited', () => {
  it('an unrestricted caseworker, a dispatcher token, and a dispatcher who is also a caseworker see every client and ride', async () => {
    const s = await setup();
    const all = Object.values(s.day.clients).sort();
    const dispatcher = apiFor(t.baseUrl, s.org.slug, { token: await t.newToken(s.org.id, ['DISPATCHER']) });
    const caseworkerToken = apiFor(t.baseUrl, s.org.slug, { token: await t.newToken(s.org.id, ['CASEWORKER']) });
    for (const [who, api] of [['bogdan', s.bogdan], ['dispatcher token', dispatcher], ['dora', s.dora], ['caseworker token', caseworkerToken]] as const) {
      expect(ids(await api.get('/clients')), who).toEqual(all);
      expect((await api.get(`/clients/${s.day.clients.helena}`)).status, who).toBe(200);
      expect((await api.get(`/clients/${s.day.clients.jan}`)).status, who).toBe(200);
      expect(ids(await api.get(`/rides?date=${DATE}`)), who).toEqual([s.janRide.id]);
      expect((await api.get(`/recurring-rides/${s.janPattern.id}`)).status, who).toBe(200);
    }
    const booked = await s.bogdan.post('/rides', { clientId: s.day.clients.helena, date: DATE, toPlaceId: s.day.healthId, arriveBy: '12:00' });
    expect(booked.status).toBe(201);
    // A token carries no person: the client it adds has no caseworker account.
    const homePlaceId = await createPlace(caseworkerToken, 'ADDRESS', 'Adam Tokenowy dom', VILLAGE.wyskok);
    const added = await caseworkerToken.post('/clients', { firstName: 'Adam', lastName: 'Tokenowy', homePlaceId });
    expect(added.status).toBe(201);
    expect(added.body.caseworkerUserId).toBeNull();
  });
});

describe('the administrator', () => {
  it('sets and clears the option on the account, and it applies to the signed-in session at once', async () => {
    const { admin, anna, annaId, day } = await setup();
    const account = await admin.get(`/users/${annaId}`);
    expect(account.body.ownCaseloadOnly).toBe(true);
    expect((await admin.get('/users')).body.items.find((u: { id: string }) => u.id === annaId).ownCaseloadOnly).toBe(true);

    const cleared = await admin.patch(`/users/${annaId}`, { ownCaseloadOnly: false, version: account.body.version });
    expect(cleared.status).toBe(200);
    expect(cleared.body.ownCaseloadOnly).toBe(false);
    expect((await anna.get(`/clients/${day.clients.jan}`)).status).toBe(200);

    const set = await admin.patch(`/users/${annaId}`, { ownCaseloadOnly: true, version: cleared.body.version });
    expect(set.body.ownCaseloadOnly).toBe(true);
    expect((await anna.get(`/clients/${day.clients.jan}`)).status).toBe(404);
    expect((await admin.patch(`/users/${annaId}`, { ownCaseloadOnly: 'tak', version: set.body.version })).status).toBe(400);
  });

  it('reassigns a client between caseworkers, and refuses an account that is not a caseworker', async () => {
    const { admin, anna, bogdanId, day, org } = await setup();
    const moved = await assign(admin, day.clients.helena!, bogdanId);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ caseworkerUserId: bogdanId, caseworker: 'Bogdan Opiekun' });
    expect((await anna.get('/clients')).body.items).toEqual([]);
    expect((await anna.get(`/clients/${day.clients.helena}`)).status).toBe(404);

    const plainDispatcherId = await newUser(admin, `ola.${org.slug.slice(-6)}`, 'Ola Dyspozytor', ['DISPATCHER']);
    const notCaseworker = await assign(admin, day.clients.zofia!, plainDispatcherId);
    expect(notCaseworker.status).toBe(400);
    expect(notCaseworker.body.error.fields[0]).toMatchObject({ path: 'caseworkerUserId', messageEn: 'no such caseworker (an active account with the CASEWORKER role)' });
    expect((await assign(admin, day.clients.zofia!, UNKNOWN_ID)).status).toBe(400);
    // Dora holds the caseworker role too, so she may have a caseload; an account of another
    // organisation may not.
    const doraId = (await t.db.user.findFirstOrThrow({ where: { organisationId: org.id, displayName: 'Dora Dyspozytor' } })).id;
    expect((await assign(admin, day.clients.zofia!, doraId)).status).toBe(200);
    const other = await t.newOrganisation();
    const outsider = await apiFor(t.baseUrl, other.slug).post('/users', { login: `obcy.${other.slug.slice(-6)}`, displayName: 'Obcy', password: PASSWORD, roles: ['CASEWORKER'] });
    expect((await assign(admin, day.clients.jozef!, outsider.body.id)).status).toBe(400);

    expect((await assign(admin, day.clients.helena!, null)).body.caseworkerUserId).toBeNull();
    expect((await anna.get('/clients')).body.items).toEqual([]);
  });
});
