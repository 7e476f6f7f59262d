/**
 * A seeded generator of one regional service day (issue #3 target: 1,000 requests, 60
 * heterogeneous vehicles): a synthetic county of about 60 × 45 km with a county town, gmina seats
 * and villages, where residents ride to day-care centres, medical appointments and social services
 * and back home.
 *
 * Each person gives two requests: an outbound ride whose drop-off window ends at the appointment
 * and a return ride whose pickup window opens when the appointment ends. Times are seconds since
 * midnight, distances metres, travel time from straight-line distance × a road detour factor at a
 * rural average speed. Loads are [seats, wheelchairPlaces]; vehicles have alternative layouts.
 */
import type { Instance, Request, Vehicle } from '../src/solver/model/instance.js';

export interface RegionalDayOptions {
  readonly seed: number;
  readonly requestCount?: number;
  readonly vehicleCount?: number;
}

export interface RegionalDay {
  readonly instance: Instance;
  /** Location l sits at (x[l], y[l]) metres. */
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly wheelchairRequests: number;
  readonly escortedRequests: number;
}

const HOUR = 3600;
const MINUTE = 60;
const DAY_START = 5 * HOUR + 30 * MINUTE;
const DAY_END = 19 * HOUR + 30 * MINUTE;
/** Roads are longer than the straight line; 1.3 is typical for rural Polish road networks. */
const ROAD_DETOUR = 1.3;
/** Average speed on county roads, m/s (≈ 50 km/h including villages and junctions). */
const SPEED = 50_000 / HOUR;
const REGION_WIDTH = 60_000;
const REGION_HEIGHT = 45_000;

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Point {
  readonly x: number;
  readonly y: number;
}

type Purpose = 'dayCare' | 'medical' | 'social';

export function generateRegionalDay(options: RegionalDayOptions): RegionalDay {
  const requestCount = options.requestCount ?? 1000;
  const vehicleCount = options.vehicleCount ?? 60;
  const random = createRng(options.seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const near = (center: Point, radius: number): Point => {
    const angle = between(0, 2 * Math.PI);
    const distance = radius * Math.sqrt(random());
    return { x: center.x + distance * Math.cos(angle), y: center.y + distance * Math.sin(angle) };
  };
  const quarterHour = (low: number, high: number) => low + 15 * MINUTE * Math.floor(random() * ((high - low) / (15 * MINUTE) + 1));

  // Settlements: the county town in the middle, six gmina seats around it, villages anywhere.
  const countyTown: Point = { x: REGION_WIDTH / 2, y: REGION_HEIGHT / 2 };
  const seats: Point[] = Array.from({ length: 6 }, (_, k) => {
    const angle = (k / 6) * 2 * Math.PI + between(-0.3, 0.3);
    const distance = between(14_000, 20_000);
    return { x: countyTown.x + distance * Math.cos(angle), y: countyTown.y + distance * 0.75 * Math.sin(angle) };
  });
  const villages: Point[] = Array.from({ length: 80 }, () => ({ x: between(0, REGION_WIDTH), y: between(0, REGION_HEIGHT) }));

  // Destinations (shared locations): hospital and rehab in the county town, a clinic, a day-care
  // centre and a CUS office in every seat.
  const points: Point[] = [];
  const addPoint = (point: Point) => points.push(point) - 1;
  const depots = [countyTown, seats[0]!, seats[2]!, seats[4]!].map((town) => addPoint(near(town, 1_000)));
  const hospital = addPoint(near(countyTown, 800));
  const rehab = addPoint(near(countyTown, 1_500));
  const clinics = [hospital, ...seats.map((seat) => addPoint(near(seat, 600)))];
  const dayCareCentres = [addPoint(near(countyTown, 1_200)), ...seats.map((seat) => addPoint(near(seat, 800)))];
  const socialOffices = [addPoint(near(countyTown, 1_000)), ...seats.map((seat) => addPoint(near(seat, 500)))];
  const distanceBetween = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  const travelTime = (a: number, b: number) => (ROAD_DETOUR * distanceBetween(points[a]!, points[b]!)) / SPEED;
  const nearestOf = (home: Point, candidates: readonly number[]) =>
    [...candidates].sort((a, b) => distanceBetween(home, points[a]!) - distanceBetween(home, points[b]!));

  const vehicles: Vehicle[] = Array.from({ length: vehicleCount }, (_, v) => {
    const kind = v % 12;
    // 1/3 cars, 5/12 minibuses with alternative layouts, 1/4 wheelchair vans.
    const layouts = kind < 4 ? [[4, 0]] : kind < 9 ? [[8, 0], [6, 1], [4, 2]] : [[3, 2], [5, 1]];
    const shift = [
      { start: 6 * HOUR, end: 14 * HOUR },
      { start: 8 * HOUR, end: 16 * HOUR },
      { start: 11 * HOUR, end: 19 * HOUR },
      { start: 6 * HOUR + 30 * MINUTE, end: 18 * HOUR + 30 * MINUTE },
    ][v % 4]!;
    const depot = depots[v % depots.length]!;
    return {
      startLocation: depot,
      endLocation: depot,
      shiftStart: shift.start,
      shiftEnd: shift.end,
      maxDuration: 10 * HOUR,
      layouts,
      fixedCost: 30 * MINUTE,
    };
  });

  const requests: Request[] = [];
  let wheelchairRequests = 0;
  let escortedRequests = 0;
  while (requests.length < requestCount) {
    const home = addPoint(random() < 0.7 ? near(pick(villages), 800) : near(random() < 0.5 ? countyTown : pick(seats), 1_500));
    const homePoint = points[home]!;
    const purposeDraw = random();
    const purpose: Purpose = purposeDraw < 0.35 ? 'dayCare' : purposeDraw < 0.75 ? 'medical' : 'social';
    let destination: number;
    let appointment: number;
    let appointmentEnd: number;
    if (purpose === 'dayCare') {
      destination = nearestOf(homePoint, dayCareCentres)[random() < 0.8 ? 0 : 1]!;
      appointment = quarterHour(7 * HOUR + 30 * MINUTE, 9 * HOUR + 30 * MINUTE);
      appointmentEnd = appointment + quarterHour(5 * HOUR, 7 * HOUR);
    } else if (purpose === 'medical') {
      destination = random() < 0.5 ? (random() < 0.6 ? hospital : rehab) : nearestOf(homePoint, clinics)[0]!;
      appointment = quarterHour(8 * HOUR, 14 * HOUR);
      appointmentEnd = appointment + quarterHour(45 * MINUTE, 2 * HOUR);
    } else {
      destination = nearestOf(homePoint, socialOffices)[random() < 0.7 ? 0 : 1]!;
      appointment = quarterHour(9 * HOUR, 13 * HOUR);
      appointmentEnd = appointment + quarterHour(90 * MINUTE, 3 * HOUR);
    }
    // A vehicle must be able to reach the home and then the destination by the appointment;
    // a booking office would not accept an earlier time, so move it to the first reachable slot.
    const earliestArrival = Math.min(
      ...vehicles.map((vehicle) => vehicle.shiftStart + travelTime(vehicle.startLocation, home) + 5 * MINUTE + travelTime(home, destination)),
    );
    if (appointment < earliestArrival) {
      const shift = Math.ceil((earliestArrival - appointment) / (15 * MINUTE)) * 15 * MINUTE;
      appointment += shift;
      appointmentEnd += shift;
    }
    const isWheelchair = random() < 0.15;
    const hasEscort = random() < 0.2;
    // A wheelchair user takes a wheelchair place; an escort (carer, assistant) takes a seat.
    const load = [(isWheelchair ? 0 : 1) + (hasEscort ? 1 : 0), isWheelchair ? 1 : 0];
    const serviceTime = isWheelchair ? 5 * MINUTE : 2 * MINUTE;
    const directTime = travelTime(home, destination);
    // Typical DARP convention: the detour may add half the direct ride plus ten minutes.
    const maxRideTime = Math.max(20 * MINUTE, 1.5 * directTime + 10 * MINUTE);
    const priority = purpose === 'medical' ? 2 : 1;
    const stop = (location: number, twStart: number, twEnd: number) => ({ location, twStart, twEnd, serviceTime });
    const legs: Request[] = [
      { pickup: stop(home, DAY_START, appointment), dropoff: stop(destination, appointment - 30 * MINUTE, appointment), load, maxRideTime, priority },
      { pickup: stop(destination, appointmentEnd, appointmentEnd + 20 * MINUTE), dropoff: stop(home, appointmentEnd, DAY_END), load, maxRideTime, priority },
    ];
    for (const leg of legs.slice(0, requestCount - requests.length)) {
      requests.push(leg);
      if (isWheelchair) wheelchairRequests++;
      if (hasEscort) escortedRequests++;
    }
  }

  const size = points.length;
  const distances = new Float64Array(size * size);
  const durations = new Float64Array(size * size);
  for (let from = 0; from < size; from++) {
    for (let to = 0; to < size; to++) {
      const road = ROAD_DETOUR * distanceBetween(points[from]!, points[to]!);
      distances[from * size + to] = road;
      durations[from * size + to] = road / SPEED;
    }
  }
  // Larger than every vehicle driving its whole shift plus every fixed cost.
  const unassignedPenalty = vehicleCount * (24 * HOUR + 30 * MINUTE) * 10;
  return {
    instance: { loadDimensions: 2, requests, vehicles, size, durations, distances, objective: 'duration', unassignedPenalty },
    x: points.map((point) => point.x),
    y: points.map((point) => point.y),
    wheelchairRequests,
    escortedRequests,
  };
}
