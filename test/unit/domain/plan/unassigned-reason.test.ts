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

  it('names the vehicles a driver reported late, beside the locked ones (D55)', () => {
    const t = describeUnassigned('shift', { ...base, wheelchair: true, lateVehicles: ['Bus z windą'] });
    expect(t.pl).toBe('Żaden kierowca nie pracuje w godzinach 08:00–08:30 (spóźnione wg zgłoszenia kierowcy: Bus z windą)');
    expect(t.en).toMatch(/\(late as their drivers reported: Bus z windą\)$/);
    expect(describeUnassigned('busy', { ...base, wheelchair: false, lockedVehicles: ['Osobowy'], lateVehicles: ['Bus'] }).pl).toMatch(/\(bez pojazdów z zablokowaną trasą: Osobowy; spóźnione wg zgłoszenia kierowcy: Bus\)$/);
    expect(describeUnassigned('unreachable', { ...base, wheelchair: false, lateVehicles: ['Bus'] }).pl).not.toMatch(/spóźnione/);
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
