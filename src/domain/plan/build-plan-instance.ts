/**
 * Turns a day's rides and vehicles into the optimiser's Instance (pure). Database ids stay
 * here: request r is rides[r], vehicle v is vehicles[v], location l is places[l].
 */
import type { Instance, Request, Vehicle } from '../../solver/model/instance.js';
import type { HelpLevel, Mobility } from '../booking/client.schema.js';
import { boardingTimeSec, defaultRideRules, rideLoad, rideWindows, type RideRules } from '../booking/ride.rules.js';

export interface PlanningRide {
  readonly id: string;
  readonly fromPlaceId: string;
  readonly toPlaceId: string;
  readonly timeMode: 'ARRIVE_BY' | 'DEPART_AFTER';
  readonly timeMin: number;
  readonly wheelchair: boolean;
  readonly assistant: boolean;
  readonly mobility: Mobility;
  readonly helpLevel?: HelpLevel;
  readonly assistanceDog?: boolean;
  /** For a return ride: its outbound ride. */
  readonly outboundRideId: string | null;
}

export interface PlanningVehicle {
  readonly id: string;
  readonly depotPlaceId: string;
  readonly seats: number;
  readonly wheelchairPlaces: number;
  readonly shiftStartMin: number;
  readonly shiftEndMin: number;
}

export interface PlanningMatrix {
  readonly size: number;
  readonly durationsSec: Float64Array;
  readonly distancesM: Float64Array;
}

/** Above any day's travel time (60 vehicles × 24 h ≈ 5·10⁶ s): serving a ride always wins. */
export const UNASSIGNED_PENALTY = 1e8;

/** The distinct places of a day, in a stable order: depots first, then rides' places. */
export function collectPlaceIds(rides: readonly PlanningRide[], vehicles: readonly PlanningVehicle[]): string[] {
  const ids = new Set<string>();
  for (const v of vehicles) ids.add(v.depotPlaceId);
  for (const r of rides) {
    ids.add(r.fromPlaceId);
    ids.add(r.toPlaceId);
  }
  return [...ids];
}

export function buildPlanInstance(
  rides: readonly PlanningRide[],
  vehicles: readonly PlanningVehicle[],
  placeIds: readonly string[],
  matrix: PlanningMatrix,
  rules: RideRules = defaultRideRules,
): Instance {
  const index = new Map(placeIds.map((id, i) => [id, i]));
  const at = (placeId: string): number => {
    const i = index.get(placeId);
    if (i === undefined) throw new Error(`place ${placeId} missing from the location list`);
    return i;
  };
  const requests: Request[] = rides.map((r) => {
    const from = at(r.fromPlaceId);
    const to = at(r.toPlaceId);
    const direct = matrix.durationsSec[from * matrix.size + to]!;
    // An unroutable pair is left to the solver, which reports it as 'unreachable'.
    const directSec = Number.isFinite(direct) ? direct : 0;
    const serviceSec = boardingTimeSec(r.mobility, r.wheelchair, r);
    const w = rideWindows(r.timeMode, r.timeMin * 60, directSec, serviceSec, rules);
    return {
      pickup: { location: from, twStart: w.pickup[0], twEnd: w.pickup[1], serviceTime: serviceSec },
      dropoff: { location: to, twStart: w.dropoff[0], twEnd: w.dropoff[1], serviceTime: serviceSec },
      load: rideLoad(r),
      maxRideTime: w.maxRideSec,
      priority: 1,
    };
  });
  const solverVehicles: Vehicle[] = vehicles.map((v) => ({
    startLocation: at(v.depotPlaceId),
    endLocation: at(v.depotPlaceId),
    shiftStart: v.shiftStartMin * 60,
    shiftEnd: v.shiftEndMin * 60,
    maxDuration: Infinity,
    layouts: [[v.seats, v.wheelchairPlaces]],
    fixedCost: 0,
  }));
  return {
    loadDimensions: 2,
    requests,
    vehicles: solverVehicles,
    size: matrix.size,
    durations: matrix.durationsSec,
    distances: matrix.distancesM,
    objective: 'duration',
    unassignedPenalty: UNASSIGNED_PENALTY,
  };
}
