import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestContext, tokenFor, type TestContext } from '../helpers/test-context.js';
import { createSmallFleet } from '../helpers/day-fixture.js';

let t: TestContext;
// A fixed "now": Monday 2026-11-23, 10:00 in Warsaw.
const NOW = new Date('2026-11-23T09:00:00Z');
beforeAll(async () => {
  t = await createTestContext({ now: () => NOW });
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const org = await t.newOrganisation();
  const api = apiFor(t.baseUrl, org.slug);
  return { api, day: await createSmallFleet(api) };
}

describe('booking a ride', () => {
  it('books an outbound ride from home with its return, linked, and lists the day', async () => {
    const { api, day } = await setup();

    const res = await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-24', toPlaceId: day.dayCentreId, arriveBy: '08:30', return: { departAfter: '14:00' } });

    expect(res.status).toBe(201);
    expect(res.body.outbound).toMatchObject({ status: 'APPROVED', awaitingApproval: false, arriveBy: '08:30', departAfter: null, wheelchair: false, to: { id: day.dayCentreId } });
    expect(res.body.outbound.from.name).toBe('Helena Kowalczyk dom');
    expect(res.body.return).toMatchObject({ departAfter: '14:00', outboundRideId: res.body.outbound.id, from: { id: day.dayCentreId } });
    const list = await api.get('/rides?date=2026-11-24');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([res.body.outbound.id, res.body.return.id]);
    expect(list.body.items[0].returnRideId).toBe(res.body.return.id);
    expect((await api.get('/rides?date=2026-11-25')).body.items).toEqual([]);
  });

  it('keeps a booking no vehicle could carry, and says why on the field: nobody works at 05:30, the return comes after every shift', async () => {
    const { api, day } = await setup();
    const fine = await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '09:00', return: { departAfter: '12:00' } });
    expect(fine.status).toBe(201);
    expect(fine.body.warnings).toEqual([]);

    const early = await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-24', toPlaceId: day.dayCentreId, departAfter: '05:30', return: { departAfter: '18:00' } });
    expect(early.status).toBe(201);
    expect(early.body.warnings.map((w: { path: string }) => w.path)).toEqual(['departAfter', 'return.departAfter']);
    expect(early.body.warnings[0].message).toMatch(/^Żaden kierowca nie pracuje w godzinach 05:30–06:00: przy obecnych pojazdach/);
    expect(early.body.warnings[1].messageEn).toMatch(/^No driver's shift covers 18:00–18:30/);
    // Kept: the dispatcher may yet add a shift.
    expect((await api.get(`/rides/${early.body.outbound.id}`)).body.status).toBe('APPROVED');

    // A longer shift for the bus and the same booking fits.
    const bus = (await api.get('/vehicles')).body.items.find((v: { name: string }) => v.name === 'Bus');
    expect((await api.patch(`/vehicles/${bus.id}`, { shiftStart: '05:00', shiftEnd: '19:00', version: bus.version })).status).toBe(200);
    const later = await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-25', toPlaceId: day.dayCentreId, departAfter: '05:30', return: { departAfter: '18:00' } });
    expect(later.body.warnings).toEqual([]);

    // A weekly pattern is told the same, once for every week.
    const weekly = await api.post('/recurring-rides', { clientId: day.clients.jan, toPlaceId: day.dayCentreId, departAfter: '21:00', weekdays: [3], startDate: '2026-11-25' });
    expect(weekly.status).toBe(201);
    expect(weekly.body.warnings).toHaveLength(1);
    expect(weekly.body.warnings[0]).toMatchObject({ path: 'departAfter' });
  });

  it('gives a wheelchair user a wheelchair place and an assistant a seat, by default', async () => {
    const { api, day } = await setup();
    const zofia = await api.post('/rides', { clientId: day.clients.zofia, date: '2026-11-24', toPlaceId: day.healthId, departAfter: '09:00' });
    const irena = await api.post('/rides', { clientId: day.clients.irena, date: '2026-11-24', toPlaceId: day.healthId, departAfter: '09:00' });
    expect(zofia.body.outbound).toMatchObject({ wheelchair: true, assistant: false });
    expect(irena.body.outbound).toMatchObject({ wheelchair: false, assistant: true });
  });

  it.each([
    ['neither arrive-by nor depart-after', {}, 'arriveBy'],
    ['both arrive-by and depart-after', { arriveBy: '08:00', departAfter: '07:00' }, 'arriveBy'],
    ['a time that does not exist', { arriveBy: '25:00' }, 'arriveBy'],
    ['a date that does not exist', { arriveBy: '08:00', date: '2026-02-30' }, 'date'],
    ['a date in the past', { arriveBy: '08:00', date: '2026-11-20' }, 'date'],
    ['a return before the outbound', { arriveBy: '10:00', return: { departAfter: '09:00' } }, 'return.departAfter'],
    ['an unknown destination', { arriveBy: '10:00', toPlaceId: '7d0c1c52-4a64-4a43-9a6e-0a4a4b0b7e11' }, 'toPlaceId'],
  ])('refuses %s with 400 naming the field, and books nothing', async (_name, change, field) => {
    const { api, day } = await setup();
    const res = await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect((await api.get('/rides?date=2026-11-24')).body.items).toEqual([]);
  });

  it('refuses a wheelchair user without a wheelchair place, and an inactive client', async () => {
    const { api, day } = await setup();
    const noPlace = await api.post('/rides', { clientId: day.clients.zofia, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00', wheelchair: false });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body.error.fields[0]).toMatchObject({ path: 'wheelchair' });

    const jan = (await api.get(`/clients/${day.clients.jan}`)).body;
    await api.patch(`/clients/${jan.id}`, { active: false, version: jan.version });
    const inactive = await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00' });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.fields[0]).toMatchObject({ path: 'clientId', messageEn: 'the client is inactive' });
  });

  it('cancels a ride with a reason and keeps it on record', async () => {
    const { api, day } = await setup();
    const ride = (await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00' })).body.outbound;

    const noReason = await api.post(`/rides/${ride.id}/cancel`, {});
    const cancelled = await api.post(`/rides/${ride.id}/cancel`, { reason: 'Klient w szpitalu' });

    expect(noReason.status).toBe(400);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'Klient w szpitalu' });
    expect((await api.get('/rides?date=2026-11-24&status=CANCELLED')).body.items).toHaveLength(1);
  });
});

describe('booking twice by accident', () => {
  const post = (slug: string, body: unknown, key?: string) =>
    fetch(`${t.baseUrl}/api/v1/rides`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokenFor(slug)}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      body: JSON.stringify(body),
    });

  it('books once when the same request comes twice at the same moment with one Idempotency-Key', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const body = { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00', return: { departAfter: '12:00' } };

    const responses = await Promise.all([post(org.slug, body, 'click-7f3a9c21'), post(org.slug, body, 'click-7f3a9c21')]);

    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    const [a, b] = (await Promise.all(responses.map((r) => r.json()))) as any[];
    expect(b.outbound.id).toBe(a.outbound.id);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    expect((await api.get('/rides?date=2026-11-24')).body.items).toHaveLength(2);
  });

  it('counts a ride under the purpose its destination implies unless the booking names one, weekly rides too', async () => {
    const { api, day } = await setup();
    const health = await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00' });
    const centre = await api.post('/rides', { clientId: day.clients.helena, date: '2026-11-24', toPlaceId: day.dayCentreId, arriveBy: '08:30' });
    const named = await api.post('/rides', { clientId: day.clients.irena, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '11:00', purpose: 'PROFESSIONAL', fundingSource: 'PFRON' });
    const weekly = await api.post('/recurring-rides', { clientId: day.clients.zofia, toPlaceId: day.healthId, arriveBy: '09:00', weekdays: [2], startDate: '2026-11-24', endDate: '2026-12-01' });
    expect(weekly.status, weekly.text).toBe(201);
    expect(health.body.outbound.purpose).toBe('HEALTH');
    expect(centre.body.outbound.purpose).toBe('SOCIAL');
    expect(named.body.outbound).toMatchObject({ purpose: 'PROFESSIONAL', fundingSource: 'PFRON' });
    const zofia = (await api.get('/rides?date=2026-11-24')).body.items.find((r: { client: { id: string } }) => r.client.id === day.clients.zofia);
    expect(zofia.purpose).toBe('HEALTH');
  });

  it('refuses a key reused for a different booking, and books without a key', async () => {
    const org = await t.newOrganisation();
    const api = apiFor(t.baseUrl, org.slug);
    const day = await createSmallFleet(api);
    const body = { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00' };
    expect((await post(org.slug, body, 'booking-0001')).status).toBe(201);

    const reused = await post(org.slug, { ...body, arriveBy: '11:00' }, 'booking-0001');
    const badKey = await post(org.slug, body, 'x');

    expect(reused.status).toBe(409);
    expect(badKey.status).toBe(400);
    expect(((await badKey.json()) as any).error.fields[0].path).toBe('idempotency-key');
    expect((await post(org.slug, { ...body, arriveBy: '15:00' })).status).toBe(201);
    expect((await api.get('/rides?date=2026-11-24')).body.items).toHaveLength(2);
  });
});

describe('booking rules of the organisation', () => {
  async function withRules(rules: object) {
    const { api, day } = await setup();
    const org = (await api.get('/organisation')).body;
    const res = await api.patch('/organisation/rules', { rules, version: org.version });
    expect(res.status).toBe(200);
    return { api, day };
  }

  it('refuses a booking beyond the horizon', async () => {
    const { api, day } = await withRules({ bookingHorizonDays: 7 });
    const far = await api.post('/rides', { clientId: day.clients.jan, date: '2026-12-01', toPlaceId: day.healthId, arriveBy: '10:00' });
    const near = await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-30', toPlaceId: day.healthId, arriveBy: '10:00' });
    expect(far.status).toBe(400);
    expect(far.body.error.fields[0]).toMatchObject({ path: 'date', messageEn: 'too far ahead: at most 7 days' });
    expect(near.status).toBe(201);
  });

  it('refuses a booking after the cut-off unless the dispatcher accepts it late', async () => {
    // Now is Monday 10:00; the cut-off is 09:00 on the working day before.
    const { api, day } = await withRules({ bookingCutoff: { time: '09:00', workingDaysBefore: 1 } });
    const tuesday = { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00' };
    const late = await api.post('/rides', tuesday);
    const wednesday = await api.post('/rides', { ...tuesday, date: '2026-11-25' });
    // The caseworker cannot accept it late; the dispatcher can.
    const orgId = (await api.get('/organisation')).body.id;
    const caseworker = apiFor(t.baseUrl, '', { token: await t.newToken(orgId, ['CASEWORKER']) });
    const dispatcher = apiFor(t.baseUrl, '', { token: await t.newToken(orgId, ['DISPATCHER']) });
    const notTheirs = await caseworker.post('/rides', { ...tuesday, overrideCutoff: true });
    const accepted = await dispatcher.post('/rides', { ...tuesday, overrideCutoff: true });
    expect(late.status).toBe(400);
    expect(late.body.error.fields[0].messageEn).toContain('2026-11-23 09:00');
    expect(wednesday.status).toBe(201);
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.error.fields).toContainEqual(expect.objectContaining({ path: 'overrideCutoff', message: 'rezerwację po terminie przyjmuje dyspozytor' }));
    expect(accepted.status).toBe(201);
  });

  it('refuses a second ride for the same client at the same time, also when both are sent at once', async () => {
    const { api, day } = await setup();
    const base = { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId };

    const both = await Promise.all([api.post('/rides', { ...base, arriveBy: '10:00' }), api.post('/rides', { ...base, arriveBy: '10:05' })]);

    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
    const refused = both.find((r) => r.status === 400)!;
    expect(refused.body.error.fields[0].messageEn).toContain('the client already has a ride at that time');
    expect((await api.post('/rides', { ...base, arriveBy: '13:00' })).status).toBe(201);
    expect((await api.get('/rides?date=2026-11-24')).body.items).toHaveLength(2);
  });

  it('keeps the rules a change does not name, and refuses bad values', async () => {
    const { api } = await withRules({ bookingHorizonDays: 14 });
    const org = (await api.get('/organisation')).body;
    const changed = await api.patch('/organisation/rules', { rules: { maxRide: { factor: 2 } }, version: org.version });
    expect(changed.body.rules).toMatchObject({ bookingHorizonDays: 14, maxRide: { factor: 2, slackMin: 15, capExtraMin: 60 } });
    const bad = await api.patch('/organisation/rules', { rules: { bookingHorizonDays: 0, colour: 'red' }, version: changed.body.version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: any) => f.path).sort()).toEqual(['rules.bookingHorizonDays', 'rules.colour']);
  });
});

describe('the client profile and the service’s limits', () => {
  it('keeps eligibility, help level, consent and suspension, and refuses rides while suspended', async () => {
    const { api, day } = await setup();
    const jan = (await api.get(`/clients/${day.clients.jan}`)).body;
    const updated = await api.patch(`/clients/${jan.id}`, {
      eligibilityGroup: 'DISABILITY_CERTIFICATE', helpLevel: 'HAND_TO_HAND', assistanceDog: true, caseworker: 'Anna Wiśniewska',
      consent: { givenAt: '2026-09-01', note: 'zgoda pisemna' },
      suspension: { from: '2026-11-24', until: '2026-11-30', reason: 'pobyt w sanatorium' },
      version: jan.version,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      eligibilityGroup: 'DISABILITY_CERTIFICATE', helpLevel: 'HAND_TO_HAND', assistanceDog: true,
      consent: { givenAt: '2026-09-01', note: 'zgoda pisemna' },
      suspension: { from: '2026-11-24', until: '2026-11-30', reason: 'pobyt w sanatorium' },
    });

    const during = await api.post('/rides', { clientId: jan.id, date: '2026-11-25', toPlaceId: day.healthId, arriveBy: '10:00' });
    const after = await api.post('/rides', { clientId: jan.id, date: '2026-12-01', toPlaceId: day.healthId, arriveBy: '10:00', purpose: 'HEALTH', serviceName: 'rehabilitacja', fundingSource: 'PFRON' });

    expect(during.status).toBe(400);
    expect(during.body.error.fields[0].messageEn).toBe('the client is suspended from 2026-11-24 to 2026-11-30: pobyt w sanatorium');
    expect(after.body.outbound).toMatchObject({ purpose: 'HEALTH', serviceName: 'rehabilitacja', fundingSource: 'PFRON' });
  });

  it.each([
    ['a bedridden client', '/clients', { mobility: 'BEDRIDDEN' }, 'mobility', 'the service does not carry bedridden people — it is not medical transport'],
    ['carrying on stairs', '/clients', { needsCarryingOnStairs: true }, 'needsCarryingOnStairs', 'drivers do not carry passengers up or down stairs'],
  ])('refuses %s with the reason', async (_n, _path, change, field, reason) => {
    const { api, day } = await setup();
    const home = (await api.get(`/clients/${day.clients.jan}`)).body.homePlaceId;
    const res = await api.post('/clients', { firstName: 'Ewa', lastName: 'Nowak', homePlaceId: home, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: field, messageEn: reason });
  });

  it('refuses medical transport with the reason', async () => {
    const { api, day } = await setup();
    const res = await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00', purpose: 'MEDICAL_TRANSPORT' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'purpose', messageEn: 'this is not medical transport (ambulance, patient transport)' });
  });

  it('seats a client who transfers from the wheelchair, and tells the driver', async () => {
    const { api, day } = await setup();
    const home = (await api.get(`/clients/${day.clients.jan}`)).body.homePlaceId;
    const ewa = (await api.post('/clients', { firstName: 'Ewa', lastName: 'Nowak', homePlaceId: home, mobility: 'WHEELCHAIR_TRANSFER', helpLevel: 'DOOR_TO_DOOR' })).body;
    const ride = (await api.post('/rides', { clientId: ewa.id, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '10:00' })).body.outbound;
    expect(ride.wheelchair).toBe(false);
  });
});

describe('distance bands and fees', () => {
  it('charges by band — 5 zł in the gmina, 10 zł in the county, 20 zł beyond — and nothing to the exempt', async () => {
    const { api, day } = await setup();
    const { KETRZYN_COUNTY_BOUNDARY } = await import('../../prisma/demo-srokowo.js');
    const ketrzyn = (await api.post('/places', { kind: 'HOSPITAL', name: 'Szpital w Kętrzynie', address: 'Kętrzyn', lat: 54.0792, lon: 21.3702 })).body;
    expect(ketrzyn.insideCounty).toBeNull();
    expect((await api.put('/organisation/county-boundary', KETRZYN_COUNTY_BOUNDARY)).body.inside).toBeGreaterThan(5);
    expect((await api.get(`/places/${ketrzyn.id}`)).body).toMatchObject({ insideGmina: false, insideCounty: true });
    const olsztyn = (await api.post('/places', { kind: 'HOSPITAL', name: 'Szpital w Olsztynie', address: 'Olsztyn', lat: 53.7787, lon: 20.4925 })).body;
    const org = (await api.get('/organisation')).body;
    await api.patch('/organisation/rules', { rules: { fees: { mode: 'ZONE', exemptFunding: ['PFRON'] } }, version: org.version });
    const book = async (clientId: string, toPlaceId: string, arriveBy: string, extra: object = {}) =>
      (await api.post('/rides', { clientId, date: '2026-11-24', toPlaceId, arriveBy, ...extra })).body.outbound;

    const inGmina = await book(day.clients.jan, day.healthId, '08:00');
    const inCounty = await book(day.clients.jozef, ketrzyn.id, '10:00');
    const beyond = await book(day.clients.helena, olsztyn.id, '11:00');
    const pfron = await book(day.clients.irena, ketrzyn.id, '12:00', { fundingSource: 'PFRON' });

    expect([inGmina, inCounty, beyond, pfron].map((r) => [r.distanceBand, r.feeGrosze])).toEqual([
      ['GMINA', 500], ['COUNTY', 1000], ['BEYOND', 2000], ['COUNTY', 0],
    ]);
  });

  it('is free where the organisation set no fees', async () => {
    const { api, day } = await setup();
    const ride = (await api.post('/rides', { clientId: day.clients.jan, date: '2026-11-24', toPlaceId: day.healthId, arriveBy: '08:00' })).body.outbound;
    expect(ride).toMatchObject({ distanceBand: 'GMINA', feeGrosze: 0 });
  });
});
