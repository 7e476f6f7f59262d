import { describe, expect, it } from 'vitest';
import { describeUnassigned } from '../../../../src/domain/plan/unassigned-reason.js';

const base = { seats: 1, window: [8 * 3600, 8.5 * 3600] as const, fromName: 'Jegławki 8', toName: 'Szpital w Kętrzynie' };

describe('why a ride was not placed', () => {
  it('names the missing wheelchair place and the window, in Polish and English', () => {
    const t = describeUnassigned('busy', { ...base, wheelchair: true });
    expect(t.pl).toBe('Brak pojazdu z wolnym miejscem na wózek między 08:00 a 08:30');
    expect(t.en).toBe('No vehicle with a free wheelchair place between 08:00 and 08:30');
  });

  it('counts the seats a ride with an assistant needs', () => {
    expect(describeUnassigned('busy', { ...base, wheelchair: false, seats: 2 }).pl).toBe('Brak pojazdu z 2 wolnymi miejscami między 08:00 a 08:30');
  });

  it('gives every solver reason its own words', () => {
    const codes = ['unreachable', 'capacity', 'pinned', 'maxRideTime', 'shift', 'shiftEnd', 'timeWindow', 'busy', 'outboundUnassigned'] as const;
    const texts = codes.map((c) => describeUnassigned(c, { ...base, wheelchair: false }));
    expect(new Set(texts.map((t) => t.pl)).size).toBe(codes.length);
    expect(texts.every((t) => t.en.length > 10 && t.pl.length > 10)).toBe(true);
    expect(texts[0]!.pl).toContain('Szpital w Kętrzynie');
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
    const t = describeUnassigned('capacity', { ...base, wheelchair: true, lockedVehicles: ['Bus', 'Bus 2'] });
    expect(t.pl).toBe('Żaden pojazd nie ma miejsca na wózek (bez pojazdów z zablokowaną trasą: Bus, Bus 2)');
    expect(t.en).toBe('No vehicle has a wheelchair place (vehicles with locked routes left out: Bus, Bus 2)');
    expect(describeUnassigned('busy', { ...base, wheelchair: false, lockedVehicles: ['Bus'] }).pl).toMatch(/zablokowaną trasą: Bus\)$/);
    // A ride that no vehicle could ever make says so, locked routes or not.
    expect(describeUnassigned('maxRideTime', { ...base, wheelchair: false, lockedVehicles: ['Bus'] }).pl).not.toMatch(/zablokowan/);
    expect(describeUnassigned('timeWindow', { ...base, wheelchair: false, lockedVehicles: [] }).pl).toBe('Żaden pojazd nie zdąży dojechać między 08:00 a 08:30');
  });
});
