/**
 * People on board while driving, from the planned routes (pure). See `Occupancy` in report.ts
 * for the definition; the plan has no per-leg distances, so legs are weighed by travel time.
 */
import type { OccupancyFigures, ReportRoute } from './report.js';

export interface OccupancySums {
  passengerSec: number;
  drivingSec: number;
  placeSec: number;
}

/** Σ people × leg seconds over the route's legs between stops (depot legs carry no one). */
export function passengerSeconds(route: ReportRoute): number {
  let sum = 0;
  for (let i = 0; i + 1 < route.stops.length; i++) {
    const leg = route.stops[i + 1]!.arrivalSec - route.stops[i]!.departureSec;
    if (leg > 0) sum += route.stops[i]!.onBoardAfter * leg;
  }
  return sum;
}

export function addRoute(sums: OccupancySums, route: ReportRoute): void {
  sums.passengerSec += passengerSeconds(route);
  sums.drivingSec += route.drivingSec;
  sums.placeSec += route.places * route.drivingSec;
}

export const emptySums = (): OccupancySums => ({ passengerSec: 0, drivingSec: 0, placeSec: 0 });

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function occupancyOf(s: OccupancySums): OccupancyFigures {
  return {
    passengerHours: round(s.passengerSec / 3600, 2),
    drivingHours: round(s.drivingSec / 3600, 2),
    averageOnBoard: s.drivingSec > 0 ? round(s.passengerSec / s.drivingSec, 3) : null,
    placeHours: round(s.placeSec / 3600, 2),
    load: s.placeSec > 0 ? round(s.passengerSec / s.placeSec, 3) : null,
  };
}
