/**
 * A small day in the demo gmina, built through the HTTP API the way a caseworker would:
 * a depot, a minibus with a wheelchair place, a car, clients in villages, and bookings.
 */
import { expect } from 'vitest';
import { apiFor } from './test-context.js';

type Api = ReturnType<typeof apiFor>;

export const VILLAGE = {
  srokowo: [54.213, 21.519],
  lesnyRow: [54.258, 21.501],
  jeglawki: [54.175, 21.457],
  solanka: [54.19, 21.576],
  wyskok: [54.171, 21.519],
  silec: [54.205, 21.461],
  lesk: [54.233, 21.601],
} as const;

export async function createPlace(api: Api, kind: string, name: string, [lat, lon]: readonly [number, number]): Promise<string> {
  const res = await api.post('/places', { kind, name, address: `${name}, 11-420 Srokowo`, lat, lon });
  if (res.status !== 201) throw new Error(`place ${name}: ${res.status} ${res.text}`);
  return res.body.id;
}

export async function createClient(
  api: Api,
  name: string,
  at: readonly [number, number],
  extra: { mobility?: string; needsAssistant?: boolean; phone?: string; driverNotes?: string } = {},
): Promise<string> {
  const [firstName, lastName] = name.split(' ');
  const homePlaceId = await createPlace(api, 'ADDRESS', `${name} dom`, at);
  const res = await api.post('/clients', { firstName, lastName, homePlaceId, phone: extra.phone ?? '601 000 000', ...extra });
  if (res.status !== 201) throw new Error(`client ${name}: ${res.status} ${res.text}`);
  return res.body.id;
}

export interface SmallDay {
  readonly depotId: string;
  readonly busId: string;
  readonly carId: string;
  readonly dayCentreId: string;
  readonly healthId: string;
  readonly clients: Record<string, string>;
}

/** Depot, minibus (8 seats + 1 wheelchair place), car (4 seats), two service places, five clients. */
export async function createSmallFleet(api: Api): Promise<SmallDay> {
  const depotId = await createPlace(api, 'DEPOT', 'Baza', VILLAGE.srokowo);
  const dayCentreId = await createPlace(api, 'CUS', 'Dzienny Dom', [54.2134, 21.5192]);
  const healthId = await createPlace(api, 'HEALTH', 'Ośrodek Zdrowia', [54.2118, 21.5151]);
  const bus = await api.post('/vehicles', { name: 'Bus', seats: 8, wheelchairPlaces: 1, depotPlaceId: depotId, shiftStart: '07:00', shiftEnd: '16:00' });
  const car = await api.post('/vehicles', { name: 'Auto', seats: 4, wheelchairPlaces: 0, depotPlaceId: depotId, shiftStart: '07:00', shiftEnd: '15:00' });
  const clients = {
    helena: await createClient(api, 'Helena Kowalczyk', VILLAGE.lesnyRow, { mobility: 'WALKER', phone: '601 234 101', driverNotes: 'Dzwonić <domofonem>' }),
    zofia: await createClient(api, 'Zofia Nowakowska', VILLAGE.jeglawki, { mobility: 'WHEELCHAIR', phone: '601 234 103' }),
    jozef: await createClient(api, 'Józef Zieliński', VILLAGE.solanka),
    irena: await createClient(api, 'Irena Szymańska', VILLAGE.silec, { needsAssistant: true }),
    jan: await createClient(api, 'Jan Król', VILLAGE.lesk),
  };
  return { depotId, busId: bus.body.id, carId: car.body.id, dayCentreId, healthId, clients };
}

export interface BookedRide {
  readonly outbound: { readonly id: string };
  readonly return: { readonly id: string } | null;
}

/** Books a ride as a caseworker would (`POST /rides`) and expects it taken (201). */
export async function bookRide(api: Api, date: string, body: object): Promise<BookedRide> {
  const res = await api.post('/rides', { date, ...body });
  expect(res.status, res.text).toBe(201);
  return res.body as BookedRide;
}
