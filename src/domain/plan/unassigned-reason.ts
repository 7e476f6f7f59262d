/**
 * Why a ride was not placed, in words a dispatcher understands (Polish first, English second).
 * The solver answers with a code (solver/model/solution.ts); the ride gives the when and the what.
 */
import type { UnassignedReason } from '../../solver/model/solution.js';
import type { Request } from '../../solver/model/instance.js';
import { formatSeconds } from '../common/time.js';

/**
 * The optimiser's reasons, and the domain's own: a return whose outbound ride was not placed, and
 * a ride whose time had passed when its day was planned (day-under-way.ts).
 */
export type UnassignedCode = UnassignedReason | 'outboundUnassigned' | 'passed';

export interface ReasonText {
  readonly code: UnassignedCode;
  readonly pl: string;
  readonly en: string;
}

export interface ReasonContext {
  readonly wheelchair: boolean;
  /** Seats the ride needs (passenger and assistant). */
  readonly seats: number;
  /** The window that matters to the client: arrival for arrive-by rides, pickup for depart-after. */
  readonly window: readonly [number, number];
  readonly fromName: string;
  readonly toName: string;
  /**
   * Vehicles whose locked routes a re-plan kept as they were (keepLocked): the optimiser did not
   * offer them the ride, so "no vehicle" means none of the others.
   */
  readonly lockedVehicles?: readonly string[];
  /** Vehicles a driver's announced delay holds back (D55): "no vehicle in time" is then why. */
  readonly lateVehicles?: readonly LateVehicle[];
}

export interface LateVehicle {
  readonly name: string;
  /** Its driver's shift (seconds after midnight). */
  readonly shiftStartSec: number;
  readonly shiftEndSec: number;
  /** From when the delay lets it go on (LiveRoute.lateFromSec). */
  readonly freeFromSec: number;
}

/** The window that matters to the client (ReasonContext.window) of a ride's request. */
export function windowThatMatters(ride: { readonly timeMode: 'ARRIVE_BY' | 'DEPART_AFTER' }, req: Request): readonly [number, number] {
  return ride.timeMode === 'ARRIVE_BY' ? [req.dropoff.twStart, req.dropoff.twEnd] : [req.pickup.twStart, req.pickup.twEnd];
}

/** Reasons that speak of the vehicles the optimiser had; the others belong to the ride alone. */
const FLEET_REASONS: ReadonlySet<UnassignedCode> = new Set(['capacity', 'pinned', 'shift', 'shiftEnd', 'timeWindow', 'busy']);

export function describeUnassigned(code: UnassignedCode, c: ReasonContext): ReasonText {
  if (!FLEET_REASONS.has(code)) return describeReason(code, c);
  const locked = c.lockedVehicles ?? [];
  const late = c.lateVehicles ?? [];
  // "No driver works then" is untrue when a driver does but is late: the optimiser saw the late
  // vehicle start where its delay lets it (its shift, as far as the solver knows, begins there).
  // A late vehicle whose real shift covers the window is then the reason, named with its time.
  const heldBack = code === 'shift' ? late.filter((v) => v.shiftStartSec <= c.window[1] && v.shiftEndSec >= c.window[0]) : [];
  const text = heldBack.length ? describeHeldBack(code, c, heldBack) : describeReason(code, c);
  const lateElse = late.filter((v) => !heldBack.includes(v)).map((v) => `${v.name} (${formatSeconds(v.freeFromSec)})`);
  const notes = [
    ...(locked.length ? [{ pl: `bez pojazdów z zablokowaną trasą: ${locked.join(', ')}`, en: `vehicles with locked routes left out: ${locked.join(', ')}` }] : []),
    ...(lateElse.length ? [{ pl: `spóźnione wg zgłoszenia kierowcy, wolne od: ${lateElse.join(', ')}`, en: `late as their drivers reported, free from: ${lateElse.join(', ')}` }] : []),
  ];
  if (notes.length === 0) return text;
  return { code, pl: `${text.pl} (${notes.map((n) => n.pl).join('; ')})`, en: `${text.en} (${notes.map((n) => n.en).join('; ')})` };
}

/** The window that matters, as "HH:MM" from and to. */
const windowText = (c: ReasonContext): [string, string] => [formatSeconds(Math.max(0, c.window[0])), formatSeconds(c.window[1])];

function describeHeldBack(code: UnassignedCode, c: ReasonContext, vehicles: readonly LateVehicle[]): ReasonText {
  const [a, b] = windowText(c);
  const list = vehicles.map((v) => `${v.name} (wolny od ${formatSeconds(v.freeFromSec)})`).join(', ');
  const listEn = vehicles.map((v) => `${v.name} (free from ${formatSeconds(v.freeFromSec)})`).join(', ');
  return vehicles.length === 1
    ? { code, pl: `Żaden pojazd nie zdąży między ${a} a ${b}: ${list} jest spóźniony wg zgłoszenia kierowcy`, en: `No vehicle can make it between ${a} and ${b}: ${listEn} is late, as its driver reported` }
    : { code, pl: `Żaden pojazd nie zdąży między ${a} a ${b}: spóźnione wg zgłoszeń kierowców: ${list}`, en: `No vehicle can make it between ${a} and ${b}: late, as their drivers reported: ${listEn}` };
}

function describeReason(code: UnassignedCode, c: ReasonContext): ReasonText {
  const [a, b] = windowText(c);
  const free = c.wheelchair
    ? { pl: 'wolnym miejscem na wózek', en: 'a free wheelchair place' }
    : c.seats === 1
      ? { pl: 'wolnym miejscem', en: 'a free seat' }
      : { pl: `${c.seats} wolnymi miejscami`, en: `${c.seats} free seats` };
  switch (code) {
    case 'unreachable':
      return { code, pl: `Brak drogi między „${c.fromName}” a „${c.toName}” w danych mapowych`, en: `No road route between "${c.fromName}" and "${c.toName}" in the map data` };
    case 'capacity':
      return c.wheelchair
        ? { code, pl: 'Żaden pojazd nie ma miejsca na wózek', en: 'No vehicle has a wheelchair place' }
        : { code, pl: `Żaden pojazd nie ma ${c.seats} wolnych miejsc siedzących`, en: `No vehicle has ${c.seats} seats` };
    case 'pinned':
      return { code, pl: 'Przypisany pojazd nie może wykonać tego przejazdu', en: 'The vehicle this ride is pinned to cannot serve it' };
    case 'maxRideTime':
      return { code, pl: 'Nawet przejazd bezpośredni trwa dłużej niż dopuszczalny czas jazdy', en: 'Even the direct ride takes longer than the maximum ride time' };
    case 'shift':
      return { code, pl: `Żaden kierowca nie pracuje w godzinach ${a}–${b}`, en: `No driver's shift covers ${a}–${b}` };
    case 'shiftEnd':
      return { code, pl: `Przejazd między ${a} a ${b} skończyłby się po zmianie każdego kierowcy, który mógłby go wykonać`, en: `The ride between ${a} and ${b} would end after the shift of every driver who could take it` };
    case 'timeWindow':
      return { code, pl: `Żaden pojazd nie zdąży dojechać między ${a} a ${b}`, en: `No vehicle can get there between ${a} and ${b}` };
    case 'passed':
      return { code, pl: `Ten czas już minął (${a}–${b}): dzień zaplanowano później`, en: `That time had passed (${a}–${b}) when the day was planned` };
    case 'outboundUnassigned':
      return { code, pl: 'Przejazd w tamtą stronę nie został zaplanowany, więc powrót też nie', en: 'The outbound ride was not placed, so neither is the return' };
    case 'busy':
      return { code, pl: `Brak pojazdu z ${free.pl} między ${a} a ${b}`, en: `No vehicle with ${free.en} between ${a} and ${b}` };
  }
}
