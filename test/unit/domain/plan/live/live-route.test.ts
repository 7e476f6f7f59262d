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

describe('a delay the driver announced (D55)', () => {
  it('holds the vehicle back: it cannot leave before the announced time less the planned drive', () => {
    // Stop 1 at 08:00, reached at 07:59 after a 59-minute drive from the depot (route start 07:00).
    const r = liveRouteOf(route([stop(0, 'PICKUP', 'a', 8 * H, [{ kind: 'DELAYED', sec: 6.5 * H, delayMin: 30, expectedSec: 8.5 * H }]), stop(1, 'DROPOFF', 'a', 9 * H)]), 6.5 * H);
    expect(r.anchor).toEqual({ placeId: 'depot', sec: 8.5 * H - 59 * 60 });
    expect(r.lateFromSec).toBe(8.5 * H - 59 * 60);
    expect(liveRouteOf(route([stop(0, 'PICKUP', 'a', 8 * H)]), 6.5 * H).lateFromSec).toBeNull();
  });

  it('counts the planned drives and services up to a stop further ahead, but not the waits a delay eats', () => {
    const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
    const stops = [
      stop(0, 'PICKUP', 'a', m(8, 0), [{ kind: 'PICKED_UP', sec: m(8, 0), delayMin: null }]), // gone 08:02
      stop(1, 'PICKUP', 'b', m(9, 0), [], m(8, 12)), // 10 min drive, then 48 min wait, 2 min service
      stop(2, 'DROPOFF', 'b', m(9, 30), [{ kind: 'DELAYED', sec: m(8, 5), delayMin: 25 }], m(9, 20)), // 18 min drive
    ];
    const r = liveRouteOf(route(stops), m(8, 5));
    // 09:55 announced at stop 3, less 10 + 2 + 18 minutes of planned work: free from 09:25.
    expect(r.anchor).toEqual({ placeId: 'paPICKUP', sec: m(9, 25) });
  });

  it('counts from the drive, not the planned wait: 5 minutes late for an 08:00 stop planned to be reached at 07:30', () => {
    const r = liveRouteOf(route([stop(0, 'PICKUP', 'a', 8 * H, [{ kind: 'DELAYED', sec: 6.5 * H, delayMin: 5 }], 7.5 * H)]), 6.5 * H);
    expect(r.anchor.sec).toBe(7 * H + 35 * 60);
    // Without a report the vehicle leaves at its shift start.
    expect(liveRouteOf(route([stop(0, 'PICKUP', 'a', 8 * H, [], 7.5 * H)]), 6.5 * H).anchor.sec).toBe(7 * H);
  });
});

describe('a delay kept on the route after its report’s stop left it (D56)', () => {
  const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
  const late = (afterStopId: string | null, fromSec: number) => ({ storedLate: { afterStopId, fromSec } });

  it('holds the vehicle back at the depot while nothing has been reported since', () => {
    // A re-plan wrote it: the stop with the DELAYED report belongs to the previous plan.
    const r = liveRouteOf({ ...route([stop(0, 'PICKUP', 'b', m(9, 0))]), ...late(null, m(8, 44)) }, m(8, 10));
    expect(r.anchor).toEqual({ placeId: 'depot', sec: m(8, 44) });
    expect(r.lateFromSec).toBe(m(8, 44));
  });

  it('holds it back at the stop it was written after', () => {
    const done = stop(0, 'PICKUP', 'a', m(8, 0), [{ kind: 'PICKED_UP', sec: m(8, 0), delayMin: null }]);
    const r = liveRouteOf({ ...route([done, stop(1, 'DROPOFF', 'a', m(8, 30))]), ...late('s0', m(8, 40)) }, m(8, 5));
    expect(r.anchor).toEqual({ placeId: 'paPICKUP', sec: m(8, 40) });
  });

  it('lets go once the driver reports a stop after it: the report says where the vehicle really is', () => {
    const stops = [
      stop(0, 'PICKUP', 'a', m(8, 0), [{ kind: 'PICKED_UP', sec: m(8, 20), delayMin: null }]),
      stop(1, 'DROPOFF', 'a', m(8, 30)),
    ];
    const r = liveRouteOf({ ...route(stops), ...late(null, m(8, 44)) }, m(8, 21));
    expect(r.anchor).toEqual({ placeId: 'paPICKUP', sec: m(8, 21) });
    expect(r.lateFromSec).toBeNull();
  });

  it('gives way to a later announcement on a stop ahead, and no longer binds once now is past it', () => {
    const ahead = stop(0, 'PICKUP', 'b', m(9, 0), [{ kind: 'DELAYED', sec: m(8, 30), delayMin: 30, expectedSec: m(9, 30) }], m(7, 50));
    // 09:30 expected less the 50-minute drive from the depot (left 07:00): 08:40, later than the kept 08:20.
    expect(liveRouteOf({ ...route([ahead]), ...late(null, m(8, 20)) }, m(8, 30)).anchor.sec).toBe(m(8, 40));
    const r = liveRouteOf({ ...route([stop(0, 'PICKUP', 'b', m(9, 0))]), ...late(null, m(8, 44)) }, m(8, 50));
    expect(r.anchor.sec).toBe(m(8, 50));
    expect(r.lateFromSec).toBeNull();
  });
});

describe('a delay the driver reported again (D62)', () => {
  const m = (hh: number, mm: number) => (hh * 60 + mm) * 60;
  const delayed = (sec: number, delayMin: number, expectedSec: number) => ({ kind: 'DELAYED' as const, sec, delayMin, expectedSec });
  // Stop 1 at 09:00, reached at 08:50 after a 110-minute drive from the depot (route start 07:00).
  const at9 = (events: LiveStop['events']) => stop(0, 'PICKUP', 'b', m(9, 0), events, m(8, 50));

  it('takes the newest figure at the same stop, larger or smaller, not the largest', () => {
    const worse = liveRouteOf(route([at9([delayed(m(7, 0), 15, m(9, 15)), delayed(m(7, 30), 40, m(9, 40))])]), m(7, 30));
    expect(worse.anchor.sec).toBe(m(9, 40) - 110 * 60);
    const better = liveRouteOf(route([at9([delayed(m(7, 0), 40, m(9, 40)), delayed(m(7, 30), 10, m(9, 10))])]), null);
    expect(better.anchor.sec).toBe(m(9, 10) - 110 * 60);
    expect(better.announced).toMatchObject({ stopId: 's0', delayMin: 10, expectedSec: m(9, 10), reportedSec: m(7, 30) });
    expect(better.lateReportedSec).toBe(m(7, 30));
    // Listed oldest first; at the same time, the one received later counts.
    expect(liveRouteOf(route([at9([delayed(m(7, 30), 40, m(9, 40)), delayed(m(7, 30), 10, m(9, 10))])]), null).announced?.delayMin).toBe(10);
  });

  it('takes the newest report on the route when an edit put another stop before the one reported on', () => {
    const first = stop(0, 'PICKUP', 'c', m(8, 30), [delayed(m(7, 40), 10, m(8, 40))], m(8, 20));
    const second = stop(1, 'PICKUP', 'b', m(9, 0), [delayed(m(7, 10), 45, m(9, 45))], m(8, 50));
    const r = liveRouteOf(route([first, second]), null);
    expect(r.announced).toMatchObject({ stopId: 's0', delayMin: 10 });
    expect(r.anchor.sec).toBe(m(8, 40) - 80 * 60);
    // The 45 minutes said earlier at the second stop no longer push it to 09:45.
    expect(estimateEtas(7 * H, [first, second], null)).toEqual([m(8, 40), m(9, 0)]);
  });

  it('a hold on the route row from a newer report (its stop gone) outweighs an older report still on the route', () => {
    const older = at9([delayed(m(7, 10), 45, m(9, 45))]);
    const stored = (reportedSec: number | null) => ({ storedLate: { afterStopId: null, fromSec: m(7, 20), reportedSec } });
    const r = liveRouteOf({ ...route([older]), ...stored(m(7, 40)) }, null);
    expect(r.anchor.sec).toBe(m(7, 20));
    expect(r.announced).toBeNull();
    expect(r.lateReportedSec).toBe(m(7, 40));
    expect(estimateEtas(7 * H, [older], m(7, 40), undefined, r.announced)).toEqual([m(9, 0)]);
    // Made before the report on the route, or before D62 (time unknown): the report counts.
    expect(liveRouteOf({ ...route([older]), ...stored(m(7, 0)) }, null).anchor.sec).toBe(m(9, 45) - 110 * 60);
    expect(liveRouteOf({ ...route([older]), ...stored(null) }, null).anchor.sec).toBe(m(9, 45) - 110 * 60);
  });

  it('estimates the stop from the newest figure only', () => {
    const stops = [at9([delayed(m(7, 0), 40, m(9, 40)), delayed(m(7, 30), 10, m(9, 10))]), stop(1, 'DROPOFF', 'b', m(9, 30))];
    // 09:10, then the planned 27-minute drive: 09:39 (from the 40 minutes it was 10:09).
    expect(estimateEtas(7 * H, stops, m(7, 30))).toEqual([m(9, 10), m(9, 39)]);
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

  it('count an announced delay once after an edit planned the stop from the late vehicle', () => {
    // Reported "15 min late" at 08:00 (expected 08:15); an edit since then re-timed the stop to 08:15.
    const stops = [stop(0, 'PICKUP', 'a', 8.25 * H, [{ kind: 'DELAYED', sec: 7.9 * H, delayMin: 15, expectedSec: 8.25 * H }])];
    expect(estimateEtas(7 * H, stops, null)).toEqual([8.25 * H]);
  });
});
