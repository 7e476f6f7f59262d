/**
 * Turns the period's rides, unassigned rides and routes into the report, pure: no database, no
 * clock, so it is tested on hand-made inputs. Rows are sorted by key for stable output.
 */
import type { CountRow, Report, ReportInput } from './report.js';

const TURNED_DOWN_REASON = { code: 'TURNED_DOWN', pl: 'Odmowa dyspozytora', en: 'Turned down by the dispatcher' };

function countBy<T>(items: readonly T[], keyOf: (t: T) => string): CountRow[] {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  return [...counts].map(([key, rides]) => ({ key, rides })).sort((a, b) => a.key.localeCompare(b.key));
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function aggregateReport(input: ReportInput): Report {
  const { rides } = input;
  const withStatus = (s: string) => rides.filter((r) => r.status === s);
  const completed = withStatus('COMPLETED');
  const cancelled = withStatus('CANCELLED');
  const turnedDown = withStatus('TURNED_DOWN');

  // A ride unassigned by the newest plan but cancelled or turned down since is counted there, not twice.
  const unassigned = input.unassigned.filter((u) => u.rideStatus !== 'CANCELLED' && u.rideStatus !== 'TURNED_DOWN');
  const unassignedIds = new Set(unassigned.map((u) => u.rideId));
  const closed = new Set(['COMPLETED', 'NO_SHOW', 'CANCELLED', 'TURNED_DOWN']);

  const reasons = new Map<string, { code: string; pl: string; en: string; rides: number }>();
  const addReason = (r: { code: string; pl: string; en: string }) => {
    const row = reasons.get(r.code) ?? { ...r, rides: 0 };
    row.rides += 1;
    reasons.set(r.code, row);
  };
  for (let i = 0; i < turnedDown.length; i++) addReason(TURNED_DOWN_REASON);
  for (const u of unassigned) addReason({ code: u.reasonCode, pl: u.reasonPl, en: u.reasonEn });

  const groupOfClient = new Map<string, string>();
  for (const r of completed) groupOfClient.set(r.clientId, r.eligibilityGroup);
  const people = [...groupOfClient.values()];

  const vehicles = new Map<string, { vehicleId: string; name: string; days: Set<string>; distanceM: number; sec: number }>();
  for (const route of input.routes) {
    const v = vehicles.get(route.vehicleId) ?? { vehicleId: route.vehicleId, name: route.vehicleName, days: new Set<string>(), distanceM: 0, sec: 0 };
    v.days.add(route.date);
    v.distanceM += route.distanceM;
    v.sec += Math.max(0, route.endSec - route.startSec);
    vehicles.set(route.vehicleId, v);
  }

  return {
    period: { from: input.from, to: input.to },
    rides: {
      requested: rides.length,
      completed: completed.length,
      cancelled: cancelled.length,
      lateCancelled: input.hasCutoff ? cancelled.filter((r) => r.lateCancelled === true).length : null,
      noShows: withStatus('NO_SHOW').length,
      turnedDown: turnedDown.length,
      unassigned: unassigned.length,
      open: rides.filter((r) => !closed.has(r.status) && !unassignedIds.has(r.id)).length,
    },
    unmetDemand: [...reasons.values()].sort((a, b) => b.rides - a.rides || a.code.localeCompare(b.code)),
    peopleServed: {
      total: people.length,
      byEligibilityGroup: countBy(people, (g) => g).map(({ key, rides }) => ({ key, people: rides })),
    },
    completedByGmina: {
      inside: completed.filter((r) => r.insideGmina === true).length,
      outside: completed.filter((r) => r.insideGmina === false).length,
      unknown: completed.filter((r) => r.insideGmina === null).length,
    },
    completedByDistanceBand: countBy(completed, (r) => r.distanceBand ?? 'UNKNOWN'),
    completedByPurpose: countBy(completed, (r) => r.purpose),
    completedByFundingSource: countBy(completed, (r) => r.fundingSource),
    vehicles: [...vehicles.values()]
      .map((v) => ({ vehicleId: v.vehicleId, name: v.name, days: v.days.size, km: round(v.distanceM / 1000, 1), hours: round(v.sec / 3600, 2) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'pl') || a.vehicleId.localeCompare(b.vehicleId)),
    feesDueZl: completed.reduce((sum, r) => sum + (r.feeGrosze ?? 0), 0) / 100,
  };
}
