import { describe, expect, it } from 'vitest';
import { liveRouteOf, type LiveRouteInput, type LiveStop } from '../../../../../src/domain/plan/live/live-route.js';
import { estimateEtas } from '../../../../../src/domain/plan/live/estimate-etas.js';

const stop = (sequence: number, kind: 'PICKUP' | 'DROPOFF', rideId: string, at: number, events: LiveStop['events'] = [], arrivalSec = at - 60): LiveStop => ({
  id: `s${sequence}`, sequence, kind, rideId, placeId: `p${rideId}${kind}`, arrivalSec, serviceStartSec: at, departureSec: at + 120, events,
});

const route = (stops: LiveStop[]): LiveRouteInput => ({
  routeId: 'r', locked: false, outOfServiceMin: null, startSec: 7 * 3600, distanceM: 10_000, drivingSec: 900, stops,
  vehicle: { id: 'v', name: 'Bus', depotPlaceId: 'depot', seats: 8, wheelchairPlaces: 1, shiftStartMin: 7 * 60, shiftEndMin: 16 * 60 },
});

const H = 3600;

describe('a live route', () => {
  it('before any report: nothing driven, the vehicle at its depot from the shift start', () => {
    const r = liveRouteOf(route([stop(0, 'PICKUP', 'a', 8 * H), stop(1, 'DROPOFF', 'a', 8.5 * H)]), null);
    expect(r.driven).toHaveLength(0);
    expect(r.remaining).toHaveLength(2);
    expect(r.anchor).toEqual({ placeId: 'depot', sec: 7 * H });
    expect(r.onBoard).toEqual([]);
  });

  it('splits at the last reported stop; a passenger picked up is on board until dropped off', () => {
    const r = liveRouteOf(
      route([
        stop(0, 'PICKUP', 'a', 8 * H, [{ kind: 'ARRIVED', sec: 8 * H + 60, delayMin: null }, { kind: 'PICKED_UP', sec: 8 * H + 200, delayMin: null }]),
        stop(1, 'PICKUP', 'b', 8.2 * H),
        stop(2, 'DROPOFF', 'a', 8.5 * H),
        stop(3, 'DROPOFF', 'b', 8.7 * H),
      ]),
      null,
    );
    expect(r.driven.map((s) => s.rideId)).toEqual(['a']);
    expect(r.anchor).toEqual({ placeId: 'paPICKUP', sec: 8 * H + 200 });
    expect(r.onBoard).toEqual([{ rideId: 'a', pickedUpSec: 8 * H + 200 }]);
  });

  it('a no-show is not on board, a DELAYED report moves nothing, and nothing is planned before now', () => {
    const r = liveRouteOf(
      route([
        stop(0, 'PICKUP', 'a', 8 * H, [{ kind: 'NO_SHOW', sec: 8 * H, delayMin: null }]),
        stop(1, 'PICKUP', 'b', 9 * H, [{ kind: 'DELAYED', sec: 8.5 * H, delayMin: 10 }]),
        stop(2, 'DROPOFF', 'a', 9.5 * H),
        stop(3, 'DROPOFF', 'b', 9.7 * H),
      ]),
      8.8 * H,
    );
    expect(r.driven.map((s) => s.sequence)).toEqual([0]);
    expect(r.onBoard).toEqual([]);
    expect(r.anchor.sec).toBe(8.8 * H);
  });
});

describe('estimated times', () => {
  it('equal the plan until reports arrive', () => {
    const stops = [stop(0, 'PICKUP', 'a', 8 * H), stop(1, 'DROPOFF', 'a', 8.5 * H)];
    expect(estimateEtas(7 * H, stops, null)).toEqual([8 * H, 8.5 * H]);
  });

  it('follow a late stop down the route by the planned driving times, but never run early', () => {
    const late = 8 * H + 20 * 60;
    const stops = [
      stop(0, 'PICKUP', 'a', 8 * H, [{ kind: 'ARRIVED', sec: late, delayMin: null }, { kind: 'PICKED_UP', sec: late + 120, delayMin: null }]),
      // Planned leg: 8.5 h − 60 s − (8 h + 120 s) = 1 620 s.
      stop(1, 'DROPOFF', 'a', 8.5 * H),
      // Ten minutes' drive, then the vehicle waits for the 11:00 pickup.
      stop(2, 'PICKUP', 'b', 11 * H, [], 8.5 * H + 120 + 600),
    ];
    const etas = estimateEtas(7 * H, stops, null);
    expect(etas[0]).toBe(late);
    expect(etas[1]).toBe(late + 120 + 1620);
    expect(etas[2]).toBe(11 * H);
  });

  it('count a no-show’s lateness once when the stops ahead were already planned again from it', () => {
    const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
    // S was due 08:07 (gone 08:09); the driver reported the no-show at 08:28, and the live edit
    // planned B's pickup from there: 8 minutes' drive, 08:36.
    const stops = [
      { ...stop(0, 'PICKUP', 's', m(8, 7), [{ kind: 'NO_SHOW', sec: m(8, 28), delayMin: null }]), departureSec: m(8, 9) },
      stop(1, 'PICKUP', 'b', m(8, 36), [], m(8, 36)),
      stop(2, 'DROPOFF', 'b', m(8, 50), [], m(8, 50)),
    ];
    expect(estimateEtas(7 * H, stops, m(8, 28), 8 * 60)).toEqual([m(8, 28), m(8, 36), m(8, 50)]);
    // From the planned times alone the 19 minutes came twice: B "expected" at 08:55.
    expect(estimateEtas(7 * H, stops, m(8, 28))[1]).toBe(m(8, 55));
  });

  it('take a driver’s announced delay and never lie in the past', () => {
    const stops = [stop(0, 'PICKUP', 'a', 8 * H, [{ kind: 'DELAYED', sec: 7.9 * H, delayMin: 15 }]), stop(1, 'DROPOFF', 'a', 8.5 * H)];
    expect(estimateEtas(7 * H, stops, null)[0]).toBe(8 * H + 15 * 60);
    expect(estimateEtas(7 * H, [stop(0, 'PICKUP', 'a', 8 * H)], 9 * H)).toEqual([9 * H]);
  });
});
