import { describe, expect, it } from 'vitest';
import { delayAlertOf, type AlertStop } from '../../../../../src/domain/plan/live/delay-alerts.js';
import { liveRouteOf, type LiveRouteInput, type LiveStop } from '../../../../../src/domain/plan/live/live-route.js';

const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
const stop = (sequence: number, kind: 'PICKUP' | 'DROPOFF', rideId: string, at: number, events: LiveStop['events'] = []): LiveStop => ({
  id: `s${sequence}`, sequence, kind, rideId, placeId: `p${rideId}${kind}`, arrivalSec: at - 600, serviceStartSec: at, departureSec: at + 120, events,
});
const route = (stops: LiveStop[]): LiveRouteInput => ({
  routeId: 'r', locked: false, outOfServiceMin: null, startSec: m(7, 0), distanceM: 10_000, drivingSec: 900, stops,
  vehicle: { id: 'v', name: 'Bus', depotPlaceId: 'depot', seats: 8, wheelchairPlaces: 1, shiftStartMin: 7 * 60, shiftEndMin: 16 * 60 },
});
const delayed = (sec: number, delayMin: number, expectedSec: number, id: string) => ({ kind: 'DELAYED' as const, sec, delayMin, expectedSec, id });

/** Estimated times after the report, as reestimateRoute stored them. */
const eta: Record<string, number> = { s0: m(8, 40), s1: m(9, 0), s2: m(9, 31), s3: m(9, 50) };
const stopOf = (id: string): AlertStop => ({ etaSec: eta[id]!, client: { id: `c-${id}`, name: `Klient ${id}`, phone: id === 's2' ? null : '600 100 200' }, place: `Miejsce ${id}` });

describe('the board’s alert for a reported delay (D62)', () => {
  const stops = [
    stop(0, 'PICKUP', 'a', m(8, 0), [delayed(m(7, 10), 15, m(8, 15), 'e1'), delayed(m(7, 30), 40, m(8, 40), 'e2')]),
    stop(1, 'PICKUP', 'b', m(8, 30)),
    stop(2, 'PICKUP', 'c', m(9, 0)),
    stop(3, 'DROPOFF', 'a', m(9, 20)),
  ];

  it('names the vehicle, the newest figure, the stop, and the told pickups now expected after their window', () => {
    const told = new Map([
      ['a', { fromMin: 7 * 60 + 50, toMin: 8 * 60 + 20 }], // expected 08:40: late
      ['b', { fromMin: 8 * 60 + 30, toMin: 9 * 60 }], // expected 09:00: the window's last minute, not late
      ['c', { fromMin: 9 * 60, toMin: 9 * 60 + 30 }], // expected 09:31: late by a minute
    ]);
    const alert = delayAlertOf(liveRouteOf(route(stops), m(7, 30)), stopOf, told);
    expect(alert).toEqual({
      reportId: 'e2',
      vehicle: { id: 'v', name: 'Bus' },
      minutes: 40,
      reportedAt: '07:30',
      expected: '08:40',
      stop: { sequence: 1, kind: 'PICKUP', client: { id: 'c-s0', name: 'Klient s0' }, place: 'Miejsce s0' },
      lateForTold: [
        { rideId: 'a', client: { id: 'c-s0', name: 'Klient s0' }, phone: '600 100 200', told: { from: '07:50', to: '08:20' }, eta: '08:40' },
        { rideId: 'c', client: { id: 'c-s2', name: 'Klient s2' }, phone: null, told: { from: '09:00', to: '09:30' }, eta: '09:31' },
      ],
    });
  });

  it('lists nobody when no one was told a window, and no alert without a delay or once its stop is reached', () => {
    expect(delayAlertOf(liveRouteOf(route(stops), m(7, 30)), stopOf, new Map())?.lateForTold).toEqual([]);
    expect(delayAlertOf(liveRouteOf(route(stops.map((s) => ({ ...s, events: [] }))), m(7, 30)), stopOf, new Map())).toBeNull();
    const arrived = [{ ...stops[0]!, events: [...stops[0]!.events, { kind: 'ARRIVED' as const, sec: m(8, 38), delayMin: null }] }, ...stops.slice(1)];
    expect(delayAlertOf(liveRouteOf(route(arrived), m(8, 38)), stopOf, new Map())).toBeNull();
  });
});
