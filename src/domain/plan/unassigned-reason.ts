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
const FLEET_REASONS: ReadonlySet<UnassignedCode> = new Set(['capacity', 'pinned', 'shift', 'shiftEnd', 'timeWindow', 'busy', 'full']);

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

/**
 * The window that matters in the words each reason needs. A window whose ends read the same
 * minute (a told pickup can narrow it to one) is a time, not a span: "o 21:15", never "między
 * 21:15 a 21:15".
 */
interface WindowWords {
  /** "między 08:00 a 08:30" / "o 21:15". */
  readonly pl: string;
  /** "between 08:00 and 08:30" / "at 21:15". */
  readonly en: string;
  /** "w godzinach 08:00–08:30" / "o 21:15". */
  readonly plHours: string;
  /** "08:00–08:30" / "21:15" (after "No driver's shift covers", in parentheses). */
  readonly span: string;
  /** After "nie zdąży": "między 08:00 a 08:30" / "na 21:15". */
  readonly plBy: string;
}

function windowWords(c: ReasonContext): WindowWords {
  const a = formatSeconds(Math.max(0, c.window[0]));
  const b = formatSeconds(c.window[1]);
  return a === b
    ? { pl: `o ${a}`, en: `at ${a}`, plHours: `o ${a}`, span: a, plBy: `na ${a}` }
    : { pl: `między ${a} a ${b}`, en: `between ${a} and ${b}`, plHours: `w godzinach ${a}–${b}`, span: `${a}–${b}`, plBy: `między ${a} a ${b}` };
}

function describeHeldBack(code: UnassignedCode, c: ReasonContext, vehicles: readonly LateVehicle[]): ReasonText {
  const w = windowWords(c);
  const list = vehicles.map((v) => `${v.name} (wolny od ${formatSeconds(v.freeFromSec)})`).join(', ');
  const listEn = vehicles.map((v) => `${v.name} (free from ${formatSeconds(v.freeFromSec)})`).join(', ');
  return vehicles.length === 1
    ? { code, pl: `Żaden pojazd nie zdąży ${w.plBy}: ${list} jest spóźniony wg zgłoszenia kierowcy`, en: `No vehicle can make it ${w.en}: ${listEn} is late, as its driver reported` }
    : { code, pl: `Żaden pojazd nie zdąży ${w.plBy}: spóźnione wg zgłoszeń kierowców: ${list}`, en: `No vehicle can make it ${w.en}: late, as their drivers reported: ${listEn}` };
}

/** The places the ride takes in a vehicle, as "a vehicle with …" needs them (instrumental) and as "has no …" (genitive). */
function placesNeeded(c: ReasonContext): { withFree: { pl: string; en: string }; has: { pl: string; en: string } } {
  if (c.wheelchair) {
    return c.seats === 0
      ? { withFree: { pl: 'wolnym miejscem na wózek', en: 'a free wheelchair place' }, has: { pl: 'miejsca na wózek', en: 'a wheelchair place' } }
      : { withFree: { pl: 'wolnym miejscem na wózek i miejscem dla opiekuna', en: 'a free wheelchair place and a seat for the assistant' }, has: { pl: 'miejsca na wózek i miejsca dla opiekuna', en: 'a wheelchair place and a seat for the assistant' } };
  }
  return c.seats <= 1
    ? { withFree: { pl: 'wolnym miejscem', en: 'a free seat' }, has: { pl: 'miejsca siedzącego', en: 'a seat' } }
    : { withFree: { pl: `${c.seats} wolnymi miejscami`, en: `${c.seats} free seats` }, has: { pl: `${c.seats} miejsc siedzących`, en: `${c.seats} seats` } };
}

function describeReason(code: UnassignedCode, c: ReasonContext): ReasonText {
  const w = windowWords(c);
  const places = placesNeeded(c);
  switch (code) {
    case 'unreachable':
      return { code, pl: `Brak drogi między „${c.fromName}” a „${c.toName}” w danych mapowych`, en: `No road route between "${c.fromName}" and "${c.toName}" in the map data` };
    case 'capacity':
      // The vehicles as they are built, not what is free on the day: no layout carries the ride.
      return { code, pl: `Żaden pojazd nie ma ${places.has.pl}`, en: `No vehicle has ${places.has.en}` };
    case 'pinned':
      return { code, pl: 'Przypisany pojazd nie może wykonać tego przejazdu', en: 'The vehicle this ride is pinned to cannot serve it' };
    case 'maxRideTime':
      return { code, pl: 'Nawet przejazd bezpośredni trwa dłużej niż dopuszczalny czas jazdy', en: 'Even the direct ride takes longer than the maximum ride time' };
    case 'shift':
      return { code, pl: `Żaden kierowca nie pracuje ${w.plHours}`, en: `No driver's shift covers ${w.span}` };
    case 'shiftEnd':
      return { code, pl: `Przejazd ${w.pl} skończyłby się po zmianie każdego kierowcy, który mógłby go wykonać`, en: `The ride ${w.en} would end after the shift of every driver who could take it` };
    case 'timeWindow':
      return { code, pl: `Żaden pojazd nie zdąży dojechać ${w.plBy}`, en: `No vehicle can get there ${w.en}` };
    case 'passed':
      return { code, pl: `Ten czas już minął (${w.span}): dzień zaplanowano później`, en: `That time had passed (${w.span}) when the day was planned` };
    case 'outboundUnassigned':
      return { code, pl: 'Przejazd w tamtą stronę nie został zaplanowany, więc powrót też nie', en: 'The outbound ride was not placed, so neither is the return' };
    case 'busy':
      // Places are not what is missing: the vehicles' other rides leave no time for this one.
      return {
        code,
        pl: `Wszystkie pojazdy, które mogą go wieźć, są ${w.pl} zajęte innymi przejazdami i nie zdążą go obsłużyć między swoimi przystankami; potrzebny pojazd wolny w tym czasie albo inna godzina przejazdu`,
        en: `Every vehicle that could take it is busy with other rides ${w.en} and cannot fit it between its stops in time; it needs a vehicle free then, or another time`,
      };
    case 'full':
      return {
        code,
        pl: `Brak pojazdu z ${places.withFree.pl} ${w.pl}: pojazdy, które zdążą, wiozą wtedy innych pasażerów`,
        en: `No vehicle with ${places.withFree.en} ${w.en}: the vehicles that can be there in time carry other passengers then`,
      };
  }
}
