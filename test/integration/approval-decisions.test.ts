/**
 * Rides leaving the gmina wait for a dispatcher (REQUESTED). The caseworker who booked them, and
 * the caseworker of their client, learn the decision from GET /rides/approval-decisions (who
 * decided, when, why), within their own caseload when limited to it; a turn-down's reason shows
 * on the client's ride too. The dispatcher's board finds the other days with rides waiting from
 * GET /rides/approval-days. Bad queries name their field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, type TestContext } from '../helpers/test-context.js';
import { createPlace, createSmallFleet } from '../helpers/day-fixture.js';
import { signIn } from '../helpers/sign-in.js';

let t: TestContext;
// Monday 2026-11-23, 10:00 in Warsaw.
let now = new Date('2026-11-23T09:00:00Z');
const PASSWORD = 'dobre-haslo-123';

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
});
afterAll(async () => {
  await t.close();
});

type Api = ReturnType<typeof apiFor>;

async function newUser(admin: Api, login: string, displayName: string, roles: string[], ownCaseloadOnly = false): Promise<string> {
  const res = await admin.post('/users', { login, displayName, password: PASSWORD, roles, ownCaseloadOnly });
  if (res.status !== 201) throw new Error(`user ${login}: ${res.status} ${res.text}`);
  return res.body.id;
}

async function assign(admin: Api, clientId: string, caseworkerUserId: string) {
  const c = (await admin.get(`/clients/${clientId}`)).body;
  expect((await admin.patch(`/clients/${clientId}`, { caseworkerUserId, version: c.version })).status).toBe(200);
}

/**
 * Anna (caseworker) books Jan's ride to the county hospital with its return and Józef's, and one
 * inside the gmina for Irena; the administrator's token books Helena's (Anna's client) and
 * Zofia's (Basia's, who is limited to her own caseload) to the hospital.
 */
async function setup() {
  now = new Date('2026-11-23T09:00:00Z');
  const org = await t.newOrganisation();
  const admin = apiFor(t.baseUrl, org.slug);
  const day = await createSmallFleet(admin);
  const c = day.clients;
  const hospital = await createPlace(admin, 'HOSPITAL', 'Szpital Kętrzyn', [54.0765, 21.3753]);
  const s = org.slug.slice(-6);
  const annaId = await newUser(admin, `anna.${s}`, 'Anna Opiekun', ['CASEWORKER']);
  const basiaId = await newUser(admin, `basia.${s}`, 'Barbara Opiekun', ['CASEWORKER'], true);
  await newUser(admin, `dorota.${s}`, 'Dorota Dyspozytor', ['DISPATCHER']);
  await assign(admin, c.helena!, annaId);
  await assign(admin, c.zofia!, basiaId);
  const anna = await signIn(t.baseUrl, `anna.${s}`, PASSWORD);
  const basia = await signIn(t.baseUrl, `basia.${s}`, PASSWORD);
  const dorota = await signIn(t.baseUrl, `dorota.${s}`, PASSWORD);
  const book = async (api: Api | typeof anna, body: object) => {
    const res = await api.post('/rides', body);
    expect(res.status, res.text).toBe(201);
    return res.body as { outbound: { id: string; status: string }; return: { id: string; status: string } | null };
  };
  const jan = await book(anna, { clientId: c.jan, date: '2026-11-25', toPlaceId: hospital, arriveBy: '10:00', return: { departAfter: '12:00' } });
  const jozef = await book(anna, { clientId: c.jozef, date: '2026-11-26', toPlaceId: hospital, arriveBy: '11:00' });
  const irena = await book(anna, { clientId: c.irena, date: '2026-11-25', toPlaceId: day.dayCentreId, arriveBy: '09:00' });
  const helena = await book(admin, { clientId: c.helena, date: '2026-11-27', toPlaceId: hospital, arriveBy: '09:30' });
  const zofia = await book(admin, { clientId: c.zofia, date: '2026-11-24', toPlaceId: hospital, arriveBy: '10:30' });
  expect([jan.outbound.status, jan.return!.status, jozef.outbound.status, irena.outbound.status, helena.outbound.status]).toEqual(['REQUESTED', 'REQUESTED', 'REQUESTED', 'APPROVED', 'REQUESTED']);
  return { org, admin, day, hospital, anna, basia, dorota, login: (name: string) => signIn(t.baseUrl, `${name}.${s}`, PASSWORD), rides: { jan, jozef, irena, helena, zofia } };
}

const ids = (items: { id: string }[]) => items.map((r) => r.id);

describe('the decisions on rides awaiting approval', () => {
  it('tells the caseworker which of their rides wait, and who approved or turned down which, when and why', async () => {
    const setUp = await setup();
    const { admin, basia, dorota, day, rides, login } = setUp;
    let { anna } = setUp;

    const before = await anna.get('/rides/approval-decisions');
    expect(before.status, before.text).toBe(200);
    expect(before.body).toMatchObject({ from: '2026-11-23', decidedSince: '2026-11-09T09:00:00.000Z', decided: [] });
    // Hers by day and time (Helena's is her client's, booked by the administrator); not Irena's
    // (it never waited) nor Zofia's (another caseworker's client, booked by someone else).
    expect(ids(before.body.awaiting)).toEqual([rides.jan.outbound.id, rides.jan.return!.id, rides.jozef.outbound.id, rides.helena.outbound.id]);
    const helenaWaits = before.body.awaiting[3];
    expect(helenaWaits).toMatchObject({ status: 'REQUESTED', date: '2026-11-27', arriveBy: '09:30', client: { id: day.clients.helena }, to: { name: 'Szpital Kętrzyn' }, decision: null });
    expect(helenaWaits.bookedBy).toEqual({ actor: expect.stringMatching(/^token:/), name: 'test ADMIN' });
    expect(before.body.awaiting[0].bookedBy).toMatchObject({ name: 'Anna Opiekun' });

    // The dispatcher decides, one after another.
    now = new Date('2026-11-23T09:10:00Z');
    expect((await dorota.post(`/rides/${rides.jan.outbound.id}/approve`)).status).toBe(200);
    expect((await dorota.post(`/rides/${rides.jan.return!.id}/approve`)).status).toBe(200);
    now = new Date('2026-11-23T09:20:00Z');
    const turned = await dorota.post(`/rides/${rides.jozef.outbound.id}/turn-down`, { reason: 'Brak kierowcy na wyjazd poza gminę' });
    expect(turned.status).toBe(200);
    // The turn-down's reason is on the ride, as a cancellation's is: the client card shows it.
    expect(turned.body).toMatchObject({ status: 'TURNED_DOWN', cancelReason: 'Brak kierowcy na wyjazd poza gminę' });
    const jozefRides = await anna.get(`/rides?clientId=${day.clients.jozef}&from=2026-11-23&to=2026-11-30`);
    expect(jozefRides.body.items[0]).toMatchObject({ status: 'TURNED_DOWN', cancelReason: 'Brak kierowcy na wyjazd poza gminę' });

    const after = await anna.get('/rides/approval-decisions');
    expect(ids(after.body.awaiting)).toEqual([rides.helena.outbound.id]);
    // Newest decision first.
    expect(ids(after.body.decided)).toEqual([rides.jozef.outbound.id, rides.jan.outbound.id, rides.jan.return!.id]);
    expect(after.body.decided[0]).toMatchObject({
      status: 'TURNED_DOWN',
      bookedBy: { name: 'Anna Opiekun' },
      decision: { status: 'TURNED_DOWN', at: '2026-11-23T09:20:00.000Z', by: { name: 'Dorota Dyspozytor' }, reason: 'Brak kierowcy na wyjazd poza gminę' },
    });
    expect(after.body.decided[1]).toMatchObject({ status: 'APPROVED', decision: { status: 'APPROVED', at: '2026-11-23T09:10:00.000Z', by: { name: 'Dorota Dyspozytor' }, reason: null } });

    // Basia, limited to her caseload, sees her client Zofia's ride, booked by the administrator.
    const basias = await basia.get('/rides/approval-decisions');
    expect(ids(basias.body.awaiting)).toEqual([rides.zofia.outbound.id]);
    expect(basias.body.decided).toEqual([]);
    // The administrator's token sees what it booked.
    expect(ids((await admin.get('/rides/approval-decisions')).body.awaiting)).toEqual([rides.zofia.outbound.id, rides.helena.outbound.id]);

    // Two weeks on the decisions are no longer news; a longer look back still finds them.
    now = new Date('2026-12-08T09:00:00Z');
    anna = await login('anna'); // the session of two weeks ago has ended
    expect((await anna.get('/rides/approval-decisions?from=2026-11-23')).body.decided).toEqual([]);
    const longer = await anna.get('/rides/approval-decisions?from=2026-11-23&decidedWithinDays=30');
    expect(ids(longer.body.decided)).toEqual([rides.jozef.outbound.id, rides.jan.outbound.id, rides.jan.return!.id]);
    // From today on (the default), the past days' rides are gone.
    expect((await anna.get('/rides/approval-decisions?decidedWithinDays=30')).body).toMatchObject({ from: '2026-12-08', awaiting: [], decided: [] });
  });

  it('keeps to the caseload: a limited caseworker loses a ride she booked when its client goes to another', async () => {
    const { org, admin, basia, day, hospital } = await setup();
    const own = await basia.post('/rides', { clientId: day.clients.zofia, date: '2026-11-30', toPlaceId: hospital, arriveBy: '10:00' });
    expect(own.status, own.text).toBe(201);
    expect(ids((await basia.get('/rides/approval-decisions')).body.awaiting)).toContain(own.body.outbound.id);
    const other = await newUser(admin, `cecylia.${org.slug.slice(-6)}`, 'Cecylia Opiekun', ['CASEWORKER']);
    await assign(admin, day.clients.zofia!, other);
    expect((await basia.get('/rides/approval-decisions')).body.awaiting).toEqual([]);
  });

  it('gives the dispatcher the days from today on with rides waiting, and how many', async () => {
    const { admin, anna, dorota, rides } = await setup();
    const days = await dorota.get('/rides/approval-days');
    expect(days.status, days.text).toBe(200);
    expect(days.body).toEqual({
      from: '2026-11-23',
      items: [{ date: '2026-11-24', count: 1 }, { date: '2026-11-25', count: 2 }, { date: '2026-11-26', count: 1 }, { date: '2026-11-27', count: 1 }],
    });
    // Decided rides leave the count; a day with none left leaves the list.
    expect((await dorota.post(`/rides/${rides.jan.outbound.id}/approve`)).status).toBe(200);
    expect((await dorota.post(`/rides/${rides.jozef.outbound.id}/turn-down`, { reason: 'Brak miejsc' })).status).toBe(200);
    expect((await dorota.get('/rides/approval-days?from=2026-11-25')).body).toEqual({ from: '2026-11-25', items: [{ date: '2026-11-25', count: 1 }, { date: '2026-11-27', count: 1 }] });
    // The next day, yesterday's waiting ride is not pointed to.
    // Approving is the dispatcher's: a caseworker is refused like an unknown route.
    expect((await anna.get('/rides/approval-days')).status).toBe(404);
    now = new Date('2026-11-24T23:30:00Z');
    expect((await admin.get('/rides/approval-days')).body).toEqual({ from: '2026-11-25', items: [{ date: '2026-11-25', count: 1 }, { date: '2026-11-27', count: 1 }] });
    // Another organisation sees none of these.
    const other = apiFor(t.baseUrl, (await t.newOrganisation()).slug);
    expect((await other.get('/rides/approval-days?from=2026-11-23')).body.items).toEqual([]);
    expect((await other.get('/rides/approval-decisions?from=2026-11-23')).body).toMatchObject({ awaiting: [], decided: [] });
  });

  it('names the field of a wrong query', async () => {
    const { anna, dorota } = await setup();
    const fieldsOf = async (api: typeof anna, path: string) => {
      const res = await api.get(path);
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.fields.every((f: any) => f.message && f.messageEn)).toBe(true);
      return res.body.error.fields.map((f: any) => [f.path, f.message]);
    };
    expect(await fieldsOf(anna, '/rides/approval-decisions?decidedWithinDays=0')).toEqual([['decidedWithinDays', 'co najmniej 1']]);
    expect(await fieldsOf(anna, '/rides/approval-decisions?decidedWithinDays=91')).toEqual([['decidedWithinDays', 'najwyżej 90']]);
    expect(await fieldsOf(anna, '/rides/approval-decisions?decidedWithinDays=dwa')).toEqual([['decidedWithinDays', 'podaj liczbę']]);
    expect(await fieldsOf(anna, '/rides/approval-decisions?decidedWithinDays=2.5')).toEqual([['decidedWithinDays', 'podaj liczbę całkowitą']]);
    expect(await fieldsOf(anna, '/rides/approval-decisions?from=2026-02-30')).toEqual([['from', 'taka data nie istnieje']]);
    expect(await fieldsOf(anna, '/rides/approval-decisions?form=2026-11-23')).toEqual([['form', 'nieznane pole']]);
    expect(await fieldsOf(dorota, '/rides/approval-days?from=24.11.2026')).toEqual([['from', 'data w formacie RRRR-MM-DD']]);
    expect(await fieldsOf(dorota, '/rides/approval-days?date=2026-11-24')).toEqual([['date', 'nieznane pole']]);
  });
});
