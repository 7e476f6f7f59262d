/**
 * Demo organisation: the CUS of Gmina Srokowo (Kętrzyn county), from ../shared/domain/README.md.
 * Coordinates are approximate and the boundary is a demo polygon, not the legal border. People
 * and addresses are invented. Everything goes through the same use cases as the API.
 */
import type { Db } from '../src/db/client.js';
import type { DomainDeps } from '../src/domain/deps.js';
import type { OrganisationContext } from '../src/domain/organisation/organisation-context.js';
import { createPlace } from '../src/domain/booking/manage-places.js';
import { createClient } from '../src/domain/booking/manage-clients.js';
import { createVehicle } from '../src/domain/fleet/manage-vehicles.js';
import { bookRide } from '../src/domain/booking/book-ride.js';
import { approveRide } from '../src/domain/booking/manage-rides.js';
import type { CreatePlace } from '../src/domain/booking/place.schema.js';
import type { Mobility } from '../src/domain/booking/client.schema.js';

/** The demo polygon of the gmina, [lon, lat], closed. */
export const SROKOWO_BOUNDARY = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [21.4, 54.33], [21.64, 54.335], [21.682, 54.262], [21.645, 54.17],
      [21.52, 54.14], [21.41, 54.158], [21.37, 54.232], [21.4, 54.33],
    ],
  ],
};

/**
 * A rough polygon around Kętrzyn county (gminas Srokowo, Barciany, Kętrzyn, Korsze, Reszel):
 * a demo shape, not the legal border. Kętrzyn is in it; Węgorzewo, Giżycko and Olsztyn are not.
 */
export const KETRZYN_COUNTY_BOUNDARY = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [20.9, 54.36], [21.64, 54.335], [21.682, 54.262], [21.645, 54.17], [21.6, 54.05],
      [21.5, 53.96], [21.1, 53.93], [20.85, 54.05], [20.9, 54.36],
    ],
  ],
};

const SERVICE_PLACES = {
  depot: { kind: 'DEPOT', name: 'Baza CUS Srokowo', address: 'ul. Szkolna 4, 11-420 Srokowo', lat: 54.2131, lon: 21.5186 },
  dayCentre: { kind: 'CUS', name: 'Dzienny Dom Pomocy CUS Srokowo', address: 'ul. Szkolna 4, 11-420 Srokowo', lat: 54.2134, lon: 21.5192 },
  healthCentre: { kind: 'HEALTH', name: 'Ośrodek Zdrowia w Srokowie', address: 'ul. Kętrzyńska 6, 11-420 Srokowo', lat: 54.2118, lon: 21.5151 },
  school: { kind: 'SCHOOL', name: 'Szkoła Podstawowa w Srokowie', address: 'ul. Szkolna 10, 11-420 Srokowo', lat: 54.2146, lon: 21.5222 },
  hospitalKetrzyn: { kind: 'HOSPITAL', name: 'Szpital Powiatowy w Kętrzynie', address: 'ul. Marii Curie-Skłodowskiej 2, 11-400 Kętrzyn', lat: 54.0792, lon: 21.3702 },
  pcprKetrzyn: { kind: 'OFFICE', name: 'Powiatowe Centrum Pomocy Rodzinie w Kętrzynie', address: 'ul. Pocztowa 11, 11-400 Kętrzyn', lat: 54.0771, lon: 21.3771 },
  rehabWegorzewo: { kind: 'REHAB', name: 'Ośrodek Rehabilitacji w Węgorzewie', address: 'ul. Kopernika 2, 11-600 Węgorzewo', lat: 54.2137, lon: 21.7395 },
  hospitalOlsztyn: { kind: 'HOSPITAL', name: 'Wojewódzki Szpital Specjalistyczny w Olsztynie', address: 'ul. Żołnierska 18, 10-561 Olsztyn', lat: 53.7787, lon: 20.4925 },
} satisfies Record<string, CreatePlace>;
type ServicePlace = keyof typeof SERVICE_PLACES;

/** Villages of the gmina (seat and villages within about 2 km of these points). */
const VILLAGES = {
  'Srokowo': [54.213, 21.519], 'Leśny Rów': [54.258, 21.501], 'Jegławki': [54.175, 21.457],
  'Solanka': [54.19, 21.576], 'Wyskok': [54.171, 21.519], 'Kosakowo': [54.238, 21.432],
  'Silec': [54.205, 21.461], 'Bajory Wielkie': [54.297, 21.525], 'Łęsk': [54.233, 21.601],
  'Leśniewo': [54.277, 21.466], 'Przystań': [54.248, 21.617], 'Głowbity': [54.158, 21.578],
} as const satisfies Record<string, readonly [number, number]>;
type Village = keyof typeof VILLAGES;

interface DemoClient {
  first: string; last: string; village: Village; no: string; dLat: number; dLon: number;
  mobility: Mobility; assistant?: boolean; phone: string; notes?: string;
}

const CASEWORKERS = ['Anna Wiśniewska', 'Marek Zieliński'];

const CLIENTS: DemoClient[] = [
  { first: 'Helena', last: 'Kowalczyk', village: 'Leśny Rów', no: '3', dLat: 0.002, dLon: -0.001, mobility: 'WALKER', phone: '601 234 101', notes: 'Dzwonić domofonem, mieszka na parterze' },
  { first: 'Stanisław', last: 'Wiśniewski', village: 'Leśny Rów', no: '17', dLat: -0.001, dLon: 0.003, mobility: 'WALKS', phone: '601 234 102' },
  { first: 'Zofia', last: 'Nowakowska', village: 'Jegławki', no: '8', dLat: 0.001, dLon: 0.002, mobility: 'WHEELCHAIR', phone: '601 234 103', notes: 'Wózek elektryczny (nie składa się) — potrzebna winda' },
  { first: 'Józef', last: 'Zieliński', village: 'Solanka', no: '2', dLat: -0.002, dLon: 0.001, mobility: 'WALKS', phone: '601 234 104' },
  { first: 'Krystyna', last: 'Lewandowska', village: 'Wyskok', no: '11', dLat: 0.001, dLon: -0.002, mobility: 'WALKER', phone: '601 234 105' },
  { first: 'Tadeusz', last: 'Kamiński', village: 'Kosakowo', no: '5', dLat: 0.0, dLon: 0.002, mobility: 'WHEELCHAIR', assistant: true, phone: '601 234 106', notes: 'Jedzie z żoną (asystentka)' },
  { first: 'Irena', last: 'Szymańska', village: 'Silec', no: '14', dLat: -0.001, dLon: -0.001, mobility: 'WALKS', phone: '601 234 107' },
  { first: 'Władysław', last: 'Woźniak', village: 'Bajory Wielkie', no: '1', dLat: 0.002, dLon: 0.002, mobility: 'WALKER', phone: '601 234 108' },
  { first: 'Danuta', last: 'Dąbrowska', village: 'Łęsk', no: '9', dLat: 0.001, dLon: 0.0, mobility: 'WALKS', phone: '601 234 109' },
  { first: 'Kazimierz', last: 'Kozłowski', village: 'Leśniewo', no: '4', dLat: -0.002, dLon: 0.001, mobility: 'WALKS', phone: '601 234 110' },
  { first: 'Janina', last: 'Jankowska', village: 'Przystań', no: '6', dLat: 0.0, dLon: -0.002, mobility: 'WALKER', phone: '601 234 111' },
  { first: 'Henryk', last: 'Mazur', village: 'Głowbity', no: '12', dLat: 0.001, dLon: 0.001, mobility: 'WALKS', phone: '601 234 112' },
  { first: 'Barbara', last: 'Krawczyk', village: 'Srokowo', no: 'ul. Kętrzyńska 21', dLat: -0.002, dLon: -0.003, mobility: 'WALKS', phone: '601 234 113' },
  { first: 'Edward', last: 'Piotrowski', village: 'Srokowo', no: 'ul. Leśna 3', dLat: 0.003, dLon: 0.002, mobility: 'WALKER', phone: '601 234 114' },
  { first: 'Maria', last: 'Grabowska', village: 'Solanka', no: '7', dLat: 0.002, dLon: -0.001, mobility: 'WHEELCHAIR', phone: '601 234 115' },
  { first: 'Antoni', last: 'Pawłowski', village: 'Jegławki', no: '15', dLat: -0.001, dLon: -0.002, mobility: 'WALKS', phone: '601 234 116' },
  { first: 'Oliwia', last: 'Michalska', village: 'Silec', no: '3', dLat: 0.001, dLon: 0.002, mobility: 'WALKS', assistant: true, phone: '601 234 117', notes: 'Dziecko 9 lat, jedzie z mamą' },
  { first: 'Jan', last: 'Król', village: 'Wyskok', no: '20', dLat: -0.001, dLon: 0.002, mobility: 'WALKS', assistant: true, phone: '601 234 118', notes: 'Dziecko 7 lat, jedzie z opiekunem' },
  { first: 'Teresa', last: 'Wieczorek', village: 'Kosakowo', no: '10', dLat: 0.002, dLon: -0.001, mobility: 'WALKER', phone: '601 234 119' },
  { first: 'Ryszard', last: 'Jabłoński', village: 'Łęsk', no: '2', dLat: -0.002, dLon: 0.001, mobility: 'WALKS', phone: '601 234 120' },
];

/** One booking (outbound and optional return) per line: client index, where, when. */
const BOOKINGS: { client: number; to: ServicePlace; arriveBy?: string; departAfter?: string; returnAt?: string }[] = [
  { client: 0, to: 'dayCentre', arriveBy: '08:30', returnAt: '14:00' },
  { client: 1, to: 'dayCentre', arriveBy: '08:30', returnAt: '14:00' },
  { client: 3, to: 'dayCentre', arriveBy: '08:30', returnAt: '14:00' },
  { client: 6, to: 'dayCentre', arriveBy: '08:30', returnAt: '14:00' },
  { client: 9, to: 'dayCentre', arriveBy: '08:45', returnAt: '14:00' },
  { client: 12, to: 'dayCentre', arriveBy: '08:45', returnAt: '13:30' },
  { client: 4, to: 'healthCentre', arriveBy: '09:30', returnAt: '10:30' },
  { client: 8, to: 'healthCentre', arriveBy: '11:00', returnAt: '12:00' },
  { client: 13, to: 'healthCentre', arriveBy: '10:15' },
  { client: 16, to: 'school', arriveBy: '08:00', returnAt: '13:45' },
  { client: 17, to: 'school', arriveBy: '08:00', returnAt: '13:45' },
  { client: 2, to: 'rehabWegorzewo', arriveBy: '09:00', returnAt: '11:00' },
  { client: 14, to: 'rehabWegorzewo', arriveBy: '09:15', returnAt: '11:15' },
  { client: 5, to: 'hospitalKetrzyn', arriveBy: '10:00', returnAt: '12:30' },
  { client: 7, to: 'hospitalKetrzyn', arriveBy: '10:30', returnAt: '12:30' },
  { client: 10, to: 'pcprKetrzyn', arriveBy: '11:00', returnAt: '12:30' },
  { client: 11, to: 'hospitalOlsztyn', arriveBy: '11:30', returnAt: '13:30' },
];

const PURPOSE_OF: Record<ServicePlace, { purpose: 'SOCIAL' | 'PROFESSIONAL' | 'EDUCATIONAL' | 'HEALTH'; serviceName: string }> = {
  depot: { purpose: 'SOCIAL', serviceName: 'baza' },
  dayCentre: { purpose: 'SOCIAL', serviceName: 'dzienny dom pomocy' },
  healthCentre: { purpose: 'HEALTH', serviceName: 'wizyta u lekarza' },
  school: { purpose: 'EDUCATIONAL', serviceName: 'szkoła' },
  hospitalKetrzyn: { purpose: 'HEALTH', serviceName: 'wizyta w poradni szpitalnej' },
  pcprKetrzyn: { purpose: 'SOCIAL', serviceName: 'sprawy w PCPR' },
  rehabWegorzewo: { purpose: 'HEALTH', serviceName: 'rehabilitacja' },
  hospitalOlsztyn: { purpose: 'HEALTH', serviceName: 'wizyta w szpitalu wojewódzkim' },
};

export interface DemoSeedResult {
  readonly organisationId: string;
  readonly date: string;
  readonly places: number;
  readonly clients: number;
  readonly vehicles: number;
  readonly rides: number;
}

/**
 * Creates the demo organisation with its places, clients and vehicles and books the demo day.
 * With an existing organisation of that slug, only books the day if it has no rides yet.
 */
export async function seedSrokowo(
  deps: DomainDeps,
  options: { slug?: string; date: string },
): Promise<DemoSeedResult> {
  const slug = options.slug ?? 'srokowo';
  const db: Db = deps.db;
  let org = await db.organisation.findUnique({ where: { slug } });
  if (!org) {
    org = await db.organisation.create({
      data: {
        slug,
        name: 'Centrum Usług Społecznych w Srokowie',
        gminaName: 'Srokowo',
        boundary: SROKOWO_BOUNDARY,
        countyBoundary: KETRZYN_COUNTY_BOUNDARY,
        // Book by 12:00 on the working day before, at most 30 days ahead; 5 zł in the gmina,
        // 10 zł to the county town, 20 zł beyond; children and PFRON-funded rides free (domain notes).
        rules: {
          bookingHorizonDays: 30,
          bookingCutoff: { time: '12:00', workingDaysBefore: 1 },
          fees: { mode: 'ZONE', zoneGrosze: { GMINA: 500, COUNTY: 1000, BEYOND: 2000 }, exemptGroups: ['CHILD_4_15'], exemptFunding: ['PFRON'] },
        },
      },
    });
  }
  const ctx: OrganisationContext = { organisationId: org.id, actor: 'seed' };

  if ((await db.place.count({ where: { organisationId: org.id } })) === 0) {
    const places = {} as Record<ServicePlace, string>;
    for (const [key, p] of Object.entries(SERVICE_PLACES) as [ServicePlace, CreatePlace][]) {
      places[key] = (await createPlace(deps, ctx, p)).id;
    }
    for (const c of CLIENTS) {
      const [lat, lon] = VILLAGES[c.village];
      const address = c.village === 'Srokowo' ? `${c.no}, 11-420 Srokowo` : `${c.village} ${c.no}, 11-420 Srokowo`;
      const home = await createPlace(deps, ctx, { kind: 'ADDRESS', name: `Dom: ${c.first} ${c.last}`, address, lat: lat + c.dLat, lon: lon + c.dLon });
      const child = c.notes?.startsWith('Dziecko') ?? false;
      await createClient(deps, ctx, {
        firstName: c.first, lastName: c.last, phone: c.phone, homePlaceId: home.id, mobility: c.mobility,
        needsAssistant: c.assistant ?? false, driverNotes: c.notes ?? null, active: true,
        eligibilityGroup: child ? 'CHILD_4_15' : c.mobility === 'WHEELCHAIR' ? 'DISABILITY_CERTIFICATE' : 'SENIOR',
        helpLevel: c.mobility === 'WALKS' ? 'KERB_TO_KERB' : 'DOOR_TO_DOOR',
        assistanceDog: false,
        caseworker: CASEWORKERS[CLIENTS.indexOf(c) % CASEWORKERS.length]!,
        consent: { givenAt: '2026-09-01', note: 'zgoda pisemna w aktach klienta' },
      });
    }
    const depotPlaceId = places.depot;
    await createVehicle(deps, ctx, { name: 'Bus z windą', registration: 'NKE 10101', seats: 8, wheelchairPlaces: 1, depotPlaceId, shiftStart: '07:00', shiftEnd: '16:00', active: true });
    await createVehicle(deps, ctx, { name: 'Osobowy 1', registration: 'NKE 20202', seats: 4, wheelchairPlaces: 0, depotPlaceId, shiftStart: '07:00', shiftEnd: '15:00', active: true });
    await createVehicle(deps, ctx, { name: 'Osobowy 2', registration: 'NKE 30303', seats: 4, wheelchairPlaces: 0, depotPlaceId, shiftStart: '07:30', shiftEnd: '15:30', active: true });
  }

  const dayHasRides = await db.ride.count({ where: { organisationId: org.id, serviceDate: new Date(`${options.date}T00:00:00Z`) } });
  if (!dayHasRides) {
    const clients = await db.client.findMany({ where: { organisationId: org.id }, orderBy: { createdAt: 'asc' } });
    const byName = new Map(clients.map((c) => [`${c.firstName} ${c.lastName}`, c.id]));
    const places = await db.place.findMany({ where: { organisationId: org.id } });
    const placeByName = new Map(places.map((p) => [p.name, p.id]));
    for (const b of BOOKINGS) {
      const c = CLIENTS[b.client]!;
      await bookRide(deps, ctx, {
        clientId: byName.get(`${c.first} ${c.last}`)!,
        date: options.date,
        toPlaceId: placeByName.get(SERVICE_PLACES[b.to].name)!,
        ...(b.arriveBy ? { arriveBy: b.arriveBy } : { departAfter: b.departAfter! }),
        ...(b.returnAt ? { return: { departAfter: b.returnAt } } : {}),
        ...PURPOSE_OF[b.to],
        // Rehabilitation is funded by PFRON; the rest by the centre's budget.
        fundingSource: b.to === 'rehabWegorzewo' ? 'PFRON' : 'CENTRE_BUDGET',
        // The demo day is entered by the dispatcher, whatever the hour the demo starts.
        overrideCutoff: true,
      });
    }
  }
  // The dispatcher has approved the demo day's rides that leave the gmina.
  const waiting = await db.ride.findMany({ where: { organisationId: org.id, serviceDate: new Date(`${options.date}T00:00:00Z`), status: 'REQUESTED' }, select: { id: true } });
  for (const r of waiting) await approveRide(deps, { ...ctx, actor: 'dyspozytor (demo)' }, r.id);
  const count = (model: 'place' | 'client' | 'vehicle') => (db[model] as { count(a: object): Promise<number> }).count({ where: { organisationId: org.id } });
  return {
    organisationId: org.id,
    date: options.date,
    places: await count('place'),
    clients: await count('client'),
    vehicles: await count('vehicle'),
    rides: await db.ride.count({ where: { organisationId: org.id, serviceDate: new Date(`${options.date}T00:00:00Z`) } }),
  };
}
