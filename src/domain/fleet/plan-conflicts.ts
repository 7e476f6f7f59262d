/**
 * What a change to a vehicle breaks in plans already made for today and later days. A plan keeps
 * the shift and seats it was made with: shortening a shift, taking out seats or switching the
 * vehicle off leaves routes that the vehicle can no longer drive, and nothing told the
 * administrator so. Pure: the caller reads the routes (plan-conflicts-of-vehicle.ts).
 */
import { formatMinutes, formatSeconds } from '../common/time.js';

export interface VehicleLimits {
  readonly shiftStartMin: number;
  readonly shiftEndMin: number;
  readonly seats: number;
  readonly wheelchairPlaces: number;
  readonly active: boolean;
}

/** The vehicle's route in the newest finished plan of one day. */
export interface PlannedRoute {
  readonly date: string;
  readonly revision: number;
  readonly published: boolean;
  readonly startSec: number;
  readonly endSec: number;
  readonly stopCount: number;
  /** Most seats / wheelchair places taken at once along the route. */
  readonly maxSeats: number;
  readonly maxWheelchairs: number;
}

export interface PlanConflict {
  readonly date: string;
  readonly revision: number;
  readonly published: boolean;
  readonly message: string;
  readonly messageEn: string;
}

/** A schedule's seconds are fractional; a route ending within a second of the shift is inside it. */
const TOLERANCE_SEC = 1;

export function planConflicts(vehicle: VehicleLimits, routes: readonly PlannedRoute[]): PlanConflict[] {
  const out: PlanConflict[] = [];
  for (const r of routes) {
    if (r.stopCount === 0) continue;
    const pl: string[] = [];
    const en: string[] = [];
    const span = `${formatSeconds(r.startSec)}–${formatSeconds(r.endSec)}`;
    if (!vehicle.active) {
      pl.push(`pojazd jest wyłączony, a ma w planie przystanków: ${r.stopCount}`);
      en.push(`the vehicle is switched off but has ${r.stopCount} stops in the plan`);
    } else {
      if (r.startSec < vehicle.shiftStartMin * 60 - TOLERANCE_SEC || r.endSec > vehicle.shiftEndMin * 60 + TOLERANCE_SEC) {
        const shift = `${formatMinutes(vehicle.shiftStartMin)}–${formatMinutes(vehicle.shiftEndMin)}`;
        pl.push(`trasa ${span} wychodzi poza zmianę ${shift}`);
        en.push(`the route ${span} runs outside the shift ${shift}`);
      }
      if (r.maxSeats > vehicle.seats) {
        pl.push(`osób jadących naraz: ${r.maxSeats}, a miejsc w pojeździe: ${vehicle.seats}`);
        en.push(`the route carries ${r.maxSeats} people at once, the vehicle has ${vehicle.seats} seats`);
      }
      if (r.maxWheelchairs > vehicle.wheelchairPlaces) {
        pl.push(`wózków jadących naraz: ${r.maxWheelchairs}, a miejsc na wózek: ${vehicle.wheelchairPlaces}`);
        en.push(`the route carries ${r.maxWheelchairs} wheelchairs at once, the vehicle has ${vehicle.wheelchairPlaces} wheelchair places`);
      }
    }
    if (pl.length === 0) continue;
    out.push({
      date: r.date,
      revision: r.revision,
      published: r.published,
      message: `Plan na ${r.date} (nr ${r.revision}${r.published ? ', opublikowany' : ''}): ${pl.join('; ')}. Zaplanuj ten dzień ponownie.`,
      messageEn: `Plan for ${r.date} (no. ${r.revision}${r.published ? ', published' : ''}): ${en.join('; ')}. Plan this day again.`,
    });
  }
  return out;
}
