import { describe, expect, it } from 'vitest';
import { fleetFitWarnings, type RideToFit } from '../../../../src/domain/booking/fleet-fit.rules.js';
import { defaultRideRules } from '../../../../src/domain/booking/ride.rules.js';
import type { PlanningVehicle } from '../../../../src/domain/plan/build-plan-instance.js';

const places = new Map([
  ['depot', { lat: 54.2128, lon: 21.5156 }], // Srokowo
  ['home', { lat: 54.25, lon: 21.6 }], // a village ~7 km away
  ['centre', { lat: 54.213, lon: 21.52 }], // day centre in Srokowo
  ['hospital', { lat: 54.0765, lon: 21.3753 }], // Kętrzyn, ~24 km by road
]);

const bus: PlanningVehicle = { id: 'bus', depotPlaceId: 'depot', seats: 8, wheelchairPlaces: 2, shiftStartMin: 7 * 60, shiftEndMin: 16 * 60 };
const car: PlanningVehicle = { ...bus, id: 'car', seats: 4, wheelchairPlaces: 0 };

const ride = (path: string, over: Partial<RideToFit['ride']> = {}, to = 'centre'): RideToFit => ({
  path,
  fromName: 'Dom',
  toName: to === 'hospital' ? 'Szpital Kętrzyn' : 'Dzienny dom',
  ride: {
    id: path,
    fromPlaceId: 'home',
    toPlaceId: to,
    timeMode: 'ARRIVE_BY',
    timeMin: 9 * 60,
    wheelchair: false,
    assistant: false,
    mobility: 'WALKS',
    outboundRideId: null,
    ...over,
  },
});

describe('whether the fleet could carry a booked ride at all', () => {
  it('says nothing when some vehicle could take the ride on an empty route', () => {
    expect(fleetFitWarnings([ride('arriveBy'), ride('return.departAfter', { timeMode: 'DEPART_AFTER', timeMin: 13 * 60 })], [bus, car], places, defaultRideRules)).toEqual([]);
  });

  it('names the field and the hours when nobody works at that time', () => {
    const [w, ...rest] = fleetFitWarnings([ride('departAfter', { timeMode: 'DEPART_AFTER', timeMin: 5 * 60 + 30 })], [bus, car], places, defaultRideRules);
    expect(rest).toEqual([]);
    expect(w!.path).toBe('departAfter');
    expect(w!.message).toMatch(/^Żaden kierowca nie pracuje w godzinach 05:30–06:00: przy obecnych pojazdach i ich zmianach plan tego przejazdu nie przydzieli/);
    expect(w!.messageEn).toMatch(/^No driver's shift covers 05:30–06:00: with the vehicles and shifts as they are/);
  });

  it('warns only about the leg that does not fit: a return after every shift has ended', () => {
    const warnings = fleetFitWarnings([ride('arriveBy'), ride('return.departAfter', { timeMode: 'DEPART_AFTER', timeMin: 17 * 60 })], [bus, car], places, defaultRideRules);
    expect(warnings.map((w) => w.path)).toEqual(['return.departAfter']);
  });

  it('tells a ride that starts in the shift but cannot be back at the depot by its end', () => {
    // Kętrzyn and back takes well over half an hour: a 15:40 departure ends after 16:00.
    const [w] = fleetFitWarnings([ride('departAfter', { timeMode: 'DEPART_AFTER', timeMin: 15 * 60 + 40 }, 'hospital')], [bus], places, defaultRideRules);
    expect(w!.message).toMatch(/^Przejazd między 15:40 a 16:10 skończyłby się po zmianie każdego kierowcy/);
    // Half an hour more shift and it fits.
    expect(fleetFitWarnings([ride('departAfter', { timeMode: 'DEPART_AFTER', timeMin: 15 * 60 + 40 }, 'hospital')], [{ ...bus, shiftEndMin: 17 * 60 }], places, defaultRideRules)).toEqual([]);
  });

  it('tells a wheelchair ride that no vehicle has a lift, and a centre with no vehicles at all', () => {
    const chair = ride('arriveBy', { wheelchair: true, mobility: 'WHEELCHAIR' });
    expect(fleetFitWarnings([chair], [car], places, defaultRideRules)[0]!.message).toMatch(/^Żaden pojazd nie ma miejsca na wózek:/);
    expect(fleetFitWarnings([chair], [car, bus], places, defaultRideRules)).toEqual([]);
    expect(fleetFitWarnings([ride('arriveBy')], [], places, defaultRideRules)[0]!.path).toBe('arriveBy');
  });
});
