/**
 * A seeded service day for the live-plan benchmark (issue #8 target: 300 rides, 20 vehicles):
 * homes scattered over a rural gmina of about 30 × 25 km around its seat, a handful of
 * destinations (day centre, clinic, rehab, school, office), each person riding out to an
 * appointment between 07:30 and 12:30 and back home two to four hours later. Pure data; the
 * benchmark writes it to the database.
 */
export interface LiveDayOptions {
  readonly seed: number;
  readonly rides?: number;
  readonly vehicles?: number;
}

export interface GeneratedPlace { readonly key: string; readonly kind: 'DEPOT' | 'ADDRESS' | 'CUS' | 'HEALTH' | 'REHAB' | 'SCHOOL' | 'OFFICE'; readonly name: string; readonly lat: number; readonly lon: number }
export interface GeneratedClient { readonly key: string; readonly firstName: string; readonly lastName: string; readonly homeKey: string; readonly wheelchair: boolean }
export interface GeneratedRide { readonly clientKey: string; readonly fromKey: string; readonly toKey: string; readonly timeMode: 'ARRIVE_BY' | 'DEPART_AFTER'; readonly timeMin: number; readonly returnOf: number | null }
export interface GeneratedVehicle { readonly name: string; readonly seats: number; readonly wheelchairPlaces: number; readonly shiftStartMin: number; readonly shiftEndMin: number }

export interface LiveDay {
  readonly places: readonly GeneratedPlace[];
  readonly clients: readonly GeneratedClient[];
  /** Index order matters: a return names its outbound by index. */
  readonly rides: readonly GeneratedRide[];
  readonly vehicles: readonly GeneratedVehicle[];
}

/** mulberry32, the same small generator as bench/regional-day.ts. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEAT = { lat: 54.213, lon: 21.519 } as const;
/** Degrees per km at 54° N. */
const KM_LAT = 1 / 111.2;
const KM_LON = 1 / 65.4;

export function randomPoint(rng: () => number, radiusKm: number): { lat: number; lon: number } {
  const r = radiusKm * Math.sqrt(rng());
  const a = 2 * Math.PI * rng();
  return { lat: SEAT.lat + r * Math.sin(a) * KM_LAT, lon: SEAT.lon + r * Math.cos(a) * KM_LON };
}

export function generateLiveDay(options: LiveDayOptions): LiveDay {
  const rng = createRng(options.seed);
  const rideCount = options.rides ?? 300;
  const vehicleCount = options.vehicles ?? 20;
  const destinations: GeneratedPlace[] = [
    { key: 'cus', kind: 'CUS', name: 'Dzienny Dom Pomocy', ...SEAT },
    { key: 'health', kind: 'HEALTH', name: 'Ośrodek Zdrowia', lat: SEAT.lat - 0.002, lon: SEAT.lon - 0.004 },
    { key: 'rehab', kind: 'REHAB', name: 'Rehabilitacja', ...randomPoint(rng, 8) },
    { key: 'school', kind: 'SCHOOL', name: 'Szkoła specjalna', ...randomPoint(rng, 10) },
    { key: 'office', kind: 'OFFICE', name: 'Urząd Gminy', lat: SEAT.lat + 0.001, lon: SEAT.lon + 0.002 },
  ];
  const places: GeneratedPlace[] = [{ key: 'depot', kind: 'DEPOT', name: 'Baza', lat: SEAT.lat + 0.003, lon: SEAT.lon - 0.003 }, ...destinations];
  const clients: GeneratedClient[] = [];
  const rides: GeneratedRide[] = [];
  for (let p = 0; rides.length < rideCount; p++) {
    const home: GeneratedPlace = { key: `home${p}`, kind: 'ADDRESS', name: `Dom ${p + 1}`, ...randomPoint(rng, 14) };
    places.push(home);
    const client: GeneratedClient = { key: `client${p}`, firstName: `Osoba${p + 1}`, lastName: 'Testowa', homeKey: home.key, wheelchair: rng() < 0.08 };
    clients.push(client);
    const to = destinations[Math.floor(rng() * destinations.length)]!;
    const appointment = 7 * 60 + 30 + Math.floor(rng() * 20) * 15; // 07:30 … 12:15
    rides.push({ clientKey: client.key, fromKey: home.key, toKey: to.key, timeMode: 'ARRIVE_BY', timeMin: appointment, returnOf: null });
    if (rides.length < rideCount) {
      const stay = 120 + Math.floor(rng() * 9) * 15; // 2 h … 4 h
      rides.push({ clientKey: client.key, fromKey: to.key, toKey: home.key, timeMode: 'DEPART_AFTER', timeMin: appointment + stay, returnOf: rides.length - 1 });
    }
  }
  const vehicles: GeneratedVehicle[] = Array.from({ length: vehicleCount }, (_, v) => ({
    name: `Pojazd ${v + 1}`,
    seats: v % 4 === 0 ? 8 : 4,
    wheelchairPlaces: v % 4 === 0 ? 1 : 0,
    shiftStartMin: 6 * 60 + 30,
    shiftEndMin: 17 * 60 + 30,
  }));
  return { places, clients, rides, vehicles };
}
