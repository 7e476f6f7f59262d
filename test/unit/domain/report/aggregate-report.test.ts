import { describe, expect, it } from 'vitest';
import { aggregateReport } from '../../../../src/domain/report/aggregate-report.js';
import { renderReportCsv } from '../../../../src/domain/report/render-report-csv.js';
import type { ReportInput, ReportRide, ReportRoute, ReportStop } from '../../../../src/domain/report/report.js';

let n = 0;
const ride = (over: Partial<ReportRide>): ReportRide => ({
  id: `r${++n}`, date: '2026-11-24', clientId: 'anna', eligibilityGroup: 'SENIOR', status: 'COMPLETED', purpose: 'SOCIAL',
  fundingSource: 'CENTRE_BUDGET', distanceBand: 'GMINA', insideGmina: true, feeGrosze: 500, lateCancelled: null, timeMode: 'ARRIVE_BY', timeMin: 9 * 60, ...over,
});

/** A route without stops (km and hours only). */
const bare = (r: Omit<ReportRoute, 'drivingSec' | 'places' | 'stops'>): ReportRoute => ({ ...r, drivingSec: 0, places: 9, stops: [] });

/** Two days, three clients: Anna twice completed, Bolek completed out of the gmina, Celina a no-show, plus the rest. */
function month(): ReportInput {
  const unassignedRide = ride({ id: 'u1', status: 'APPROVED', clientId: 'dorota', feeGrosze: 1000 });
  return {
    from: '2026-11-01', to: '2026-11-30', hasCutoff: true, events: [], pickupWindowMin: 30, lateToleranceMin: 5,
    rides: [
      ride({ clientId: 'anna' }),
      ride({ clientId: 'anna', date: '2026-11-25', purpose: 'HEALTH', feeGrosze: 0 }),
      ride({ clientId: 'bolek', eligibilityGroup: 'DISABILITY_CERTIFICATE', insideGmina: false, distanceBand: 'COUNTY', fundingSource: 'PFRON', feeGrosze: 1050 }),
      ride({ clientId: 'celina', status: 'NO_SHOW', feeGrosze: 500 }),
      ride({ clientId: 'celina', status: 'LATE_CANCELLED', lateCancelled: true }),
      ride({ clientId: 'anna', status: 'CANCELLED', lateCancelled: false }),
      ride({ id: 'td', clientId: 'bolek', status: 'TURNED_DOWN', insideGmina: false }),
      unassignedRide,
      ride({ id: 'u2', clientId: 'celina', status: 'CANCELLED', lateCancelled: false }),
      ride({ clientId: 'ewa', status: 'SCHEDULED', date: '2026-11-30' }),
    ],
    unassigned: [
      { rideId: 'u1', rideStatus: 'APPROVED', reasonCode: 'capacity', reasonPl: 'Brak miejsc', reasonEn: 'No seats' },
      // Unassigned, then cancelled: counted as cancelled only.
      { rideId: 'u2', rideStatus: 'CANCELLED', reasonCode: 'capacity', reasonPl: 'Brak miejsc', reasonEn: 'No seats' },
    ],
    routes: [
      bare({ date: '2026-11-24', vehicleId: 'v1', vehicleName: 'Bus', distanceM: 12_345, startSec: 7 * 3600, endSec: 11 * 3600 + 1800 }),
      bare({ date: '2026-11-25', vehicleId: 'v1', vehicleName: 'Bus', distanceM: 10_000, startSec: 8 * 3600, endSec: 10 * 3600 }),
      bare({ date: '2026-11-24', vehicleId: 'v2', vehicleName: 'Auto', distanceM: 5_050, startSec: 9 * 3600, endSec: 9 * 3600 + 900 }),
    ],
  };
}

describe('aggregateReport', () => {
  it('counts rides by what became of them, each once', () => {
    const r = aggregateReport(month());
    expect(r.rides).toEqual({ requested: 10, completed: 3, cancelled: 3, lateCancelled: 1, noShows: 1, turnedDown: 1, unassigned: 1, open: 1 });
  });

  it('groups unmet demand by reason: turned down and left unassigned', () => {
    expect(aggregateReport(month()).unmetDemand).toEqual([
      { code: 'capacity', pl: 'Brak miejsc', en: 'No seats', rides: 1 },
      { code: 'TURNED_DOWN', pl: 'Odmowa dyspozytora', en: 'Turned down by the dispatcher', rides: 1 },
    ]);
  });

  it('counts each person served once, by eligibility group, from completed rides only', () => {
    expect(aggregateReport(month()).peopleServed).toEqual({
      total: 2,
      byEligibilityGroup: [{ key: 'DISABILITY_CERTIFICATE', people: 1 }, { key: 'SENIOR', people: 1 }],
    });
  });

  it('breaks completed rides down by gmina, distance band, purpose and funding', () => {
    const r = aggregateReport(month());
    expect(r.completedByGmina).toEqual({ inside: 2, outside: 1, unknown: 0 });
    expect(r.completedByDistanceBand).toEqual([{ key: 'COUNTY', rides: 1 }, { key: 'GMINA', rides: 2 }]);
    expect(r.completedByPurpose).toEqual([{ key: 'HEALTH', rides: 1 }, { key: 'SOCIAL', rides: 2 }]);
    expect(r.completedByFundingSource).toEqual([{ key: 'CENTRE_BUDGET', rides: 2 }, { key: 'PFRON', rides: 1 }]);
  });

  it('sums km and vehicle-hours per vehicle over its days, and fees of completed rides in zł', () => {
    const r = aggregateReport(month());
    expect(r.vehicles).toEqual([
      { vehicleId: 'v2', name: 'Auto', days: 1, km: 5.1, hours: 0.25 },
      { vehicleId: 'v1', name: 'Bus', days: 2, km: 22.3, hours: 6.5 },
    ]);
    expect(r.feesDueZl).toBe(15.5);
  });

  it('leaves late cancellations undefined when the centre has no cut-off and none was late, and keeps those cancelled late under an earlier one', () => {
    const none = month();
    expect(aggregateReport({ ...none, hasCutoff: false, rides: none.rides.filter((r) => r.status !== 'LATE_CANCELLED') }).rides.lateCancelled).toBeNull();
    expect(aggregateReport({ ...month(), hasCutoff: false }).rides.lateCancelled).toBe(1);
  });

  it('counts a missed ride as unmet need: with the plan’s reason when a plan left it unassigned, else as MISSED; no longer open', () => {
    const m = month();
    const r = aggregateReport({
      ...m,
      rides: [...m.rides.map((x) => (x.id === 'u1' ? { ...x, status: 'MISSED' } : x)), ride({ id: 'm1', clientId: 'ewa', status: 'MISSED' }), ride({ id: 'm2', clientId: 'anna', status: 'MISSED' })],
      unassigned: m.unassigned.map((u) => (u.rideId === 'u1' ? { ...u, rideStatus: 'MISSED' } : u)),
    });
    expect(r.rides).toEqual({ requested: 12, completed: 3, cancelled: 3, lateCancelled: 1, noShows: 1, turnedDown: 1, unassigned: 3, open: 1 });
    expect(r.unmetDemand).toEqual([
      { code: 'MISSED', pl: 'Nieobsłużony w swoim dniu', en: 'Not served on its day', rides: 2 },
      { code: 'capacity', pl: 'Brak miejsc', en: 'No seats', rides: 1 },
      { code: 'TURNED_DOWN', pl: 'Odmowa dyspozytora', en: 'Turned down by the dispatcher', rides: 1 },
    ]);
  });

  it('gives zeros, not errors, for an empty period', () => {
    const r = aggregateReport({ from: '2026-12-01', to: '2026-12-31', rides: [], unassigned: [], routes: [], hasCutoff: false, events: [], pickupWindowMin: 30, lateToleranceMin: 5 });
    expect(r.occupancy).toEqual({ passengerHours: 0, drivingHours: 0, averageOnBoard: null, placeHours: 0, load: null, vehicles: [] });
    expect(r.onTime.arriveByOnTimeRate).toBeNull();
    expect(r.onTime.departAfterPlannedInWindowRate).toBeNull();
    expect(r.rides.requested).toBe(0);
    expect(r.peopleServed.total).toBe(0);
    expect(r.vehicles).toEqual([]);
    expect(r.feesDueZl).toBe(0);
  });
});

describe('renderReportCsv', () => {
  it('starts with a BOM, has Polish then English headers per section, and uses ; and a decimal comma', () => {
    const csv = renderReportCsv(aggregateReport(month()));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    const at = lines.indexOf('Przejazdy / Rides');
    // The late-cancelled rides are among the cancelled ones, and the headers say so.
    expect(lines[at + 1]).toBe('Zamówione;Zrealizowane;Odwołane;w tym po terminie;Nieobecności;Odmowy;Nieprzydzielone;Otwarte');
    expect(lines[at + 2]).toBe('Requested;Completed;Cancelled;of which late;No-shows;Turned down;Unassigned;Open');
    expect(lines[at + 3]).toBe('10;3;3;1;1;1;1;1');
    expect(lines).toContain('Bus;2;22,3;6,5');
    expect(lines).toContain('15,5');
    // Codes keep their column; the name stands beside them.
    const purpose = lines.indexOf('Cel / Purpose');
    expect(lines[purpose + 1]).toBe('Kod;Cel;Przejazdy zrealizowane');
    expect(lines.slice(purpose + 3).find((l) => l.startsWith('SOCIAL;'))).toMatch(/^SOCIAL;społeczny \/ social;\d+$/);
  });

  it('quotes cells holding the separator or quotes', () => {
    const r = aggregateReport({ ...month(), routes: [bare({ date: '2026-11-24', vehicleId: 'v', vehicleName: 'Bus "duży"; 8', distanceM: 1000, startSec: 0, endSec: 3600 })] });
    expect(renderReportCsv(r)).toContain('"Bus ""duży""; 8";1;1;1');
  });
});

/** A stop reached at `arrMin` (minutes after midnight), served for 2 minutes, with `onBoard` after it. */
const stop = (kind: ReportStop['kind'], rideId: string, arrMin: number, onBoard: number): ReportStop => ({
  kind, rideId, arrivalSec: arrMin * 60, serviceStartSec: arrMin * 60, departureSec: arrMin * 60 + 120, onBoardAfter: onBoard,
});

/**
 * One bus (8 seats + 1 wheelchair place), one morning: A and B picked up, then dropped off; C and
 * F later. Driving 1 h in all (the depot legs included).
 */
function morning(): ReportInput {
  return {
    from: '2026-11-24', to: '2026-11-24', hasCutoff: false, unassigned: [], pickupWindowMin: 30, lateToleranceMin: 5,
    rides: [
      ride({ id: 'a', timeMin: 8 * 60 + 40 }),
      ride({ id: 'b', timeMin: 9 * 60 }),
      ride({ id: 'c', status: 'SCHEDULED', timeMin: 10 * 60 }),
      ride({ id: 'd', status: 'CANCELLED', timeMin: 9 * 60 }),
      ride({ id: 'e', timeMode: 'DEPART_AFTER', timeMin: 15 * 60 }),
      ride({ id: 'f', status: 'SCHEDULED', timeMode: 'DEPART_AFTER', timeMin: 15 * 60 }),
    ],
    routes: [{
      date: '2026-11-24', vehicleId: 'v1', vehicleName: 'Bus', distanceM: 30_000, startSec: 7 * 3600, endSec: 16 * 3600, drivingSec: 3600, places: 9,
      stops: [
        stop('PICKUP', 'a', 8 * 60, 1), // leg to B: 8:02 → 8:10, 8 min × 1
        stop('PICKUP', 'b', 8 * 60 + 10, 2), // leg to A's drop-off: 8:12 → 8:22, 10 min × 2
        stop('DROPOFF', 'a', 8 * 60 + 22, 1), // leg to B's drop-off: 8:24 → 8:29, 5 min × 1
        stop('DROPOFF', 'b', 8 * 60 + 29, 0), // empty to C: not counted
        stop('PICKUP', 'c', 9 * 60 + 30, 1), // leg: 9:32 → 9:58, 26 min × 1
        stop('DROPOFF', 'c', 9 * 60 + 58, 0),
        stop('DROPOFF', 'd', 10 * 60 + 30, 0), // a cancelled ride's stop still in the plan: not judged
        stop('PICKUP', 'f', 15 * 60 + 5, 1), // leg: 15:07 → 15:20, 13 min × 1
        stop('DROPOFF', 'f', 15 * 60 + 20, 0),
      ],
    }],
    events: [
      { rideId: 'a', kind: 'DROPPED_OFF', sec: (8 * 60 + 41) * 60 + 30 }, // 8:41:30 for 8:40: late, within 5 min
      { rideId: 'b', kind: 'DROPPED_OFF', sec: (8 * 60 + 59) * 60 + 59 }, // 8:59:59 for 9:00: on time
      { rideId: 'b', kind: 'PICKED_UP', sec: 8 * 3600 }, // a pickup of an arrive-by ride is not judged
      { rideId: 'e', kind: 'PICKED_UP', sec: (15 * 60 + 31) * 60 }, // 15:31 for 15:00 + 30 min: outside
    ],
  };
}

describe('occupancy', () => {
  it('weighs the people on board by the travel time of each leg between stops, over the driving time and the places', () => {
    const r = aggregateReport(morning());
    // 8×1 + 10×2 + 5×1 + 26×1 + 13×1 = 72 passenger-minutes = 1.2 h over 1 h of driving, 9 places.
    const figures = { passengerHours: 1.2, drivingHours: 1, averageOnBoard: 1.2, placeHours: 9, load: Math.round((1.2 / 9) * 1000) / 1000 };
    expect(r.occupancy).toEqual({ ...figures, vehicles: [{ vehicleId: 'v1', name: 'Bus', ...figures }] });
  });
});

describe('on time', () => {
  it('judges reported drop-offs against the appointment and the tolerance, the rest by the plan, and depart-after pickups by the window', () => {
    expect(aggregateReport(morning()).onTime).toEqual({
      lateToleranceMin: 5, pickupWindowMin: 30,
      arriveByReported: 2, arriveByOnTime: 1, arriveByOnTimeRate: 0.5, arriveByWithinTolerance: 2, arriveByWithinToleranceRate: 1,
      arriveByPlanned: 1, arriveByPlannedOnTime: 1, arriveByPlannedOnTimeRate: 1,
      departAfterReported: 1, departAfterInWindow: 0, departAfterInWindowRate: 0,
      departAfterPlanned: 1, departAfterPlannedInWindow: 1, departAfterPlannedInWindowRate: 1,
    });
  });

  it('counts a drop-off one minute past the tolerance as late', () => {
    const input = morning();
    const r = aggregateReport({ ...input, lateToleranceMin: 1, events: input.events.map((e) => (e.rideId === 'a' && e.kind === 'DROPPED_OFF' ? { ...e, sec: (8 * 60 + 42) * 60 } : e)) });
    expect(r.onTime).toMatchObject({ arriveByReported: 2, arriveByOnTime: 1, arriveByWithinTolerance: 1, arriveByWithinToleranceRate: 0.5 });
  });

  it('writes occupancy and on-time rows into the CSV', () => {
    const lines = renderReportCsv(aggregateReport(morning())).slice(1).split('\r\n');
    const occ = lines.findIndex((l) => l.startsWith('Obłożenie wg planu'));
    expect(lines[occ + 1]).toBe('Pojazd;Osobogodziny;Godziny jazdy;Średnio osób w jeździe;Miejscogodziny;Obłożenie (0–1)');
    expect(lines[occ + 3]).toBe('Bus;1,2;1;1,2;9;0,133');
    expect(lines[occ + 4]).toBe('RAZEM / TOTAL;1,2;1;1,2;9;0,133');
    expect(lines).toContain('Dowóz na godzinę — zgłoszone wysadzenia / Arrive-by — reported drop-offs;2;1;0,5;2;1');
    expect(lines).toContain('Odbiór od godziny — zgłoszone odbiory w oknie / Depart-after — reported pickups in the window;1;0;0;;');
  });
});
