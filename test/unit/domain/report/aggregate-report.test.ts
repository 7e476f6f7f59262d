import { describe, expect, it } from 'vitest';
import { aggregateReport } from '../../../../src/domain/report/aggregate-report.js';
import { renderReportCsv } from '../../../../src/domain/report/render-report-csv.js';
import type { ReportInput, ReportRide } from '../../../../src/domain/report/report.js';

let n = 0;
const ride = (over: Partial<ReportRide>): ReportRide => ({
  id: `r${++n}`, date: '2026-11-24', clientId: 'anna', eligibilityGroup: 'SENIOR', status: 'COMPLETED', purpose: 'SOCIAL',
  fundingSource: 'CENTRE_BUDGET', distanceBand: 'GMINA', insideGmina: true, feeGrosze: 500, lateCancelled: null, ...over,
});

/** Two days, three clients: Anna twice completed, Bolek completed out of the gmina, Celina a no-show, plus the rest. */
function month(): ReportInput {
  const unassignedRide = ride({ id: 'u1', status: 'APPROVED', clientId: 'dorota', feeGrosze: 1000 });
  return {
    from: '2026-11-01', to: '2026-11-30', hasCutoff: true,
    rides: [
      ride({ clientId: 'anna' }),
      ride({ clientId: 'anna', date: '2026-11-25', purpose: 'HEALTH', feeGrosze: 0 }),
      ride({ clientId: 'bolek', eligibilityGroup: 'DISABILITY_CERTIFICATE', insideGmina: false, distanceBand: 'COUNTY', fundingSource: 'PFRON', feeGrosze: 1050 }),
      ride({ clientId: 'celina', status: 'NO_SHOW', feeGrosze: 500 }),
      ride({ clientId: 'celina', status: 'CANCELLED', lateCancelled: true }),
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
      { date: '2026-11-24', vehicleId: 'v1', vehicleName: 'Bus', distanceM: 12_345, startSec: 7 * 3600, endSec: 11 * 3600 + 1800 },
      { date: '2026-11-25', vehicleId: 'v1', vehicleName: 'Bus', distanceM: 10_000, startSec: 8 * 3600, endSec: 10 * 3600 },
      { date: '2026-11-24', vehicleId: 'v2', vehicleName: 'Auto', distanceM: 5_050, startSec: 9 * 3600, endSec: 9 * 3600 + 900 },
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

  it('leaves late cancellations undefined when the centre has no cut-off', () => {
    expect(aggregateReport({ ...month(), hasCutoff: false }).rides.lateCancelled).toBeNull();
  });

  it('gives zeros, not errors, for an empty period', () => {
    const r = aggregateReport({ from: '2026-12-01', to: '2026-12-31', rides: [], unassigned: [], routes: [], hasCutoff: false });
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
    expect(lines[at + 1]).toBe('Zamówione;Zrealizowane;Odwołane;Odwołane po terminie;Nieobecności;Odmowy;Nieprzydzielone;Otwarte');
    expect(lines[at + 2]).toBe('Requested;Completed;Cancelled;Late-cancelled;No-shows;Turned down;Unassigned;Open');
    expect(lines[at + 3]).toBe('10;3;3;1;1;1;1;1');
    expect(lines).toContain('Bus;2;22,3;6,5');
    expect(lines).toContain('15,5');
  });

  it('quotes cells holding the separator or quotes', () => {
    const r = aggregateReport({ ...month(), routes: [{ date: '2026-11-24', vehicleId: 'v', vehicleName: 'Bus "duży"; 8', distanceM: 1000, startSec: 0, endSec: 3600 }] });
    expect(renderReportCsv(r)).toContain('"Bus ""duży""; 8";1;1;1');
  });
});
