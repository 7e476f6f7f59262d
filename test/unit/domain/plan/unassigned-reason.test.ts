import { describe, expect, it } from 'vitest';
import { describeUnassigned } from '../../../../src/domain/plan/unassigned-reason.js';

const base = { seats: 1, window: [8 * 3600, 8.5 * 3600] as const, fromName: 'Jegławki 8', toName: 'Szpital w Kętrzynie' };

describe('why a ride was not placed', () => {
  it('says the vehicles are busy with other rides, not short of seats, when time is what they lack', () => {
    const t = describeUnassigned('busy', { ...base, wheelchair: false, seats: 2 });
    expect(t.pl).toBe('Wszystkie pojazdy, które mogą go wieźć, są między 08:00 a 08:30 zajęte innymi przejazdami i nie zdążą go obsłużyć między swoimi przystankami; potrzebny pojazd wolny w tym czasie albo inna godzina przejazdu');
    expect(t.en).toBe('Every vehicle that could take it is busy with other rides between 08:00 and 08:30 and cannot fit it between its stops in time; it needs a vehicle free then, or another time');
    expect(t.pl).not.toMatch(/miejsc/);
    expect(t.code).toBe('busy');
  });

  it('names the free places missing when places are the limit: a wheelchair place, the assistant’s seat, the seats', () => {
    const wheelchair = describeUnassigned('full', { ...base, wheelchair: true, seats: 0 });
    expect(wheelchair.pl).toBe('Brak pojazdu z wolnym miejscem na wózek między 08:00 a 08:30: pojazdy, które zdążą, wiozą wtedy innych pasażerów');
    expect(wheelchair.en).toBe('No vehicle with a free wheelchair place between 08:00 and 08:30: the vehicles that can be there in time carry other passengers then');
    expect(describeUnassigned('full', { ...base, wheelchair: true, seats: 1 }).pl).toMatch(/^Brak pojazdu z wolnym miejscem na wózek i miejscem dla opiekuna między/);
    expect(describeUnassigned('full', { ...base, wheelchair: false }).pl).toMatch(/^Brak pojazdu z wolnym miejscem między 08:00 a 08:30:/);
    expect(describeUnassigned('full', { ...base, wheelchair: false, seats: 2 }).pl).toMatch(/^Brak pojazdu z 2 wolnymi miejscami między 08:00 a 08:30:/);
  });

  it('says what no vehicle has at all, not what is free, when the fleet cannot carry the ride', () => {
    expect(describeUnassigned('capacity', { ...base, wheelchair: false, seats: 2 })).toMatchObject({ pl: 'Żaden pojazd nie ma 2 miejsc siedzących', en: 'No vehicle has 2 seats' });
    expect(describeUnassigned('capacity', { ...base, wheelchair: false }).pl).toBe('Żaden pojazd nie ma miejsca siedzącego');
    expect(describeUnassigned('capacity', { ...base, wheelchair: true, seats: 0 }).pl).toBe('Żaden pojazd nie ma miejsca na wózek');
    expect(describeUnassigned('capacity', { ...base, wheelchair: true, seats: 1 }).pl).toBe('Żaden pojazd nie ma miejsca na wózek i miejsca dla opiekuna');
  });

  it('gives every solver reason its own words', () => {
    const codes = ['unreachable', 'capacity', 'pinned', 'maxRideTime', 'shift', 'shiftEnd', 'timeWindow', 'busy', 'full', 'passed', 'outboundUnassigned'] as const;
    const texts = codes.map((c) => describeUnassigned(c, { ...base, wheelchair: false }));
    expect(new Set(texts.map((t) => t.pl)).size).toBe(codes.length);
    expect(new Set(texts.map((t) => t.en)).size).toBe(codes.length);
    expect(texts.every((t) => t.en.length > 10 && t.pl.length > 10)).toBe(true);
    expect(texts[0]!.pl).toContain('Szpital w Kętrzynie');
  });

  it('reads a window whose ends are the same minute as a time, never "między 21:15 a 21:15"', () => {
    const oneMinute = { ...base, wheelchair: false, window: [21 * 3600 + 15 * 60 - 20, 21 * 3600 + 15 * 60 + 20] as const };
    const said = (code: Parameters<typeof describeUnassigned>[0]) => describeUnassigned(code, oneMinute);
    expect(said('busy').pl).toBe('Wszystkie pojazdy, które mogą go wieźć, są o 21:15 zajęte innymi przejazdami i nie zdążą go obsłużyć między swoimi przystankami; potrzebny pojazd wolny w tym czasie albo inna godzina przejazdu');
    expect(said('busy').en).toMatch(/busy with other rides at 21:15 and/);
    expect(said('full').pl).toBe('Brak pojazdu z wolnym miejscem o 21:15: pojazdy, które zdążą, wiozą wtedy innych pasażerów');
    expect(said('full').en).toMatch(/^No vehicle with a free seat at 21:15:/);
    expect(said('shift')).toMatchObject({ pl: 'Żaden kierowca nie pracuje o 21:15', en: "No driver's shift covers 21:15" });
    expect(said('shiftEnd')).toMatchObject({ pl: 'Przejazd o 21:15 skończyłby się po zmianie każdego kierowcy, który mógłby go wykonać', en: 'The ride at 21:15 would end after the shift of every driver who could take it' });
    expect(said('timeWindow')).toMatchObject({ pl: 'Żaden pojazd nie zdąży dojechać na 21:15', en: 'No vehicle can get there at 21:15' });
    expect(said('passed')).toMatchObject({ pl: 'Ten czas już minął (21:15): dzień zaplanowano później', en: 'That time had passed (21:15) when the day was planned' });
    const bus = { name: 'Bus', shiftStartSec: 7 * 3600, shiftEndSec: 22 * 3600, freeFromSec: 21.5 * 3600 };
    expect(describeUnassigned('shift', { ...oneMinute, lateVehicles: [bus] }).pl).toBe('Żaden pojazd nie zdąży na 21:15: Bus (wolny od 21:30) jest spóźniony wg zgłoszenia kierowcy');
    for (const code of ['busy', 'full', 'shift', 'shiftEnd', 'timeWindow', 'passed'] as const) {
      expect(said(code).pl).not.toMatch(/21:15 a 21:15|21:15–21:15/);
      expect(said(code).en).not.toMatch(/21:15 and 21:15|21:15–21:15/);
    }
    // A window of two minutes is still a span.
    expect(describeUnassigned('timeWindow', { ...base, wheelchair: false, window: [21 * 3600 + 14 * 60, 21 * 3600 + 15 * 60] }).pl).toBe('Żaden pojazd nie zdąży dojechać między 21:14 a 21:15');
  });

  it('names the vehicles a driver reported late, with when they are free, beside the locked ones (D55)', () => {
    const bus = { name: 'Bus', shiftStartSec: 7 * 3600, shiftEndSec: 15 * 3600, freeFromSec: 8 * 3600 + 50 * 60 };
    expect(describeUnassigned('busy', { ...base, wheelchair: false, lockedVehicles: ['Osobowy'], lateVehicles: [bus] }).pl).toMatch(/\(bez pojazdów z zablokowaną trasą: Osobowy; spóźnione wg zgłoszenia kierowcy, wolne od: Bus \(08:50\)\)$/);
    expect(describeUnassigned('busy', { ...base, wheelchair: false, lateVehicles: [bus] }).en).toMatch(/\(late as their drivers reported, free from: Bus \(08:50\)\)$/);
    expect(describeUnassigned('unreachable', { ...base, wheelchair: false, lateVehicles: [bus] }).pl).not.toMatch(/spóźni/);
  });

  it('blames the late vehicle, not the shifts, when its driver works then but cannot be there in time (D56)', () => {
    const bus = { name: 'Bus z windą', shiftStartSec: 7 * 3600, shiftEndSec: 15 * 3600, freeFromSec: 8 * 3600 + 50 * 60 };
    const t = describeUnassigned('shift', { ...base, wheelchair: true, lateVehicles: [bus] });
    expect(t.pl).toBe('Żaden pojazd nie zdąży między 08:00 a 08:30: Bus z windą (wolny od 08:50) jest spóźniony wg zgłoszenia kierowcy');
    expect(t.en).toBe('No vehicle can make it between 08:00 and 08:30: Bus z windą (free from 08:50) is late, as its driver reported');
    expect(t.code).toBe('shift');
    // Several late vehicles are listed once, in the reason and not again in a note.
    const two = describeUnassigned('shift', { ...base, wheelchair: true, lateVehicles: [bus, { ...bus, name: 'Osobowy 1' }] });
    expect(two.pl).toBe('Żaden pojazd nie zdąży między 08:00 a 08:30: spóźnione wg zgłoszeń kierowców: Bus z windą (wolny od 08:50), Osobowy 1 (wolny od 08:50)');
    // A window outside the late vehicle's shift is the shifts' doing.
    const early = describeUnassigned('shift', { ...base, wheelchair: true, lateVehicles: [{ ...bus, shiftStartSec: 9 * 3600 }] });
    expect(early.pl).toBe('Żaden kierowca nie pracuje w godzinach 08:00–08:30 (spóźnione wg zgłoszenia kierowcy, wolne od: Bus z windą (08:50))');
    expect(describeUnassigned('shift', { ...base, wheelchair: true, lateVehicles: [{ ...bus, shiftStartSec: 5 * 3600, shiftEndSec: 7.5 * 3600 }] }).pl).toMatch(/^Żaden kierowca nie pracuje/);
  });

  it('says which vehicles a re-plan left out because their routes were locked, where the reason is about vehicles', () => {
    const t = describeUnassigned('capacity', { ...base, wheelchair: true, seats: 0, lockedVehicles: ['Bus', 'Bus 2'] });
    expect(t.pl).toBe('Żaden pojazd nie ma miejsca na wózek (bez pojazdów z zablokowaną trasą: Bus, Bus 2)');
    expect(t.en).toBe('No vehicle has a wheelchair place (vehicles with locked routes left out: Bus, Bus 2)');
    expect(describeUnassigned('busy', { ...base, wheelchair: false, lockedVehicles: ['Bus'] }).pl).toMatch(/zablokowaną trasą: Bus\)$/);
    // A ride that no vehicle could ever make says so, locked routes or not.
    expect(describeUnassigned('maxRideTime', { ...base, wheelchair: false, lockedVehicles: ['Bus'] }).pl).not.toMatch(/zablokowan/);
    expect(describeUnassigned('timeWindow', { ...base, wheelchair: false, lockedVehicles: [] }).pl).toBe('Żaden pojazd nie zdąży dojechać między 08:00 a 08:30');
  });
});
