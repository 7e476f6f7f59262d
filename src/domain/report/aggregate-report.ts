/**
 * Turns the period's rides, unassigned rides and routes into the report, pure: no database, no
 * clock, so it is tested on hand-made inputs. Rows are sorted by key for stable output.
 */
import type { CountRow, Report, ReportInput } from './report.js';
import { addRoute, emptySums, occupancyOf, type OccupancySums } from './occupancy.js';
import { onTimeOf } from './on-time.js';
import { isCancelled } from '../booking/ride.rules.js';

const TURNED_DOWN_REASON = { code: 'TURNED_DOWN', pl: 'Odmowa dyspozytora', en: 'Turned down by the dispatcher' };
/** A ride whose day ended without it being served, and which no plan had left unassigned with a reason. */
const MISSED_REASON = { code: 'MISSED', pl: 'Nieobsłużony w swoim dniu', en: 'Not served on its day' };

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
  const cancelled = rides.filter((r) => isCancelled(r.status));
  const turnedDown = withStatus('TURNED_DOWN');

  // A ride unassigned by the newest plan but cancelled or turned down since is counted there, not twice.
  const unassigned = input.unassigned.filter((u) => !isCancelled(u.rideStatus) && u.rideStatus !== 'TURNED_DOWN');
  const unassignedIds = new Set(unassigned.map((u) => u.rideId));
  // Missed (its day ended unserved) is unmet need like unassigned: with the plan's reason when a plan
  // left it unassigned (counted above), else as MISSED (never planned, or never reported by the vehicle).
  const missed = withStatus('MISSED').filter((r) => !unassignedIds.has(r.id));
  const closed = new Set(['COMPLETED', 'NO_SHOW', 'CANCELLED', 'LATE_CANCELLED', 'TURNED_DOWN', 'MISSED']);

  const reasons = new Map<string, { code: string; pl: string; en: string; rides: number }>();
  const addReason = (r: { code: string; pl: string; en: string }) => {
    const row = reasons.get(r.code) ?? { ...r, rides: 0 };
    row.rides += 1;
    reasons.set(r.code, row);
  };
  for (let i = 0; i < turnedDown.length; i++) addReason(TURNED_DOWN_REASON);
  for (const u of unassigned) addReason({ code: u.reasonCode, pl: u.reasonPl, en: u.reasonEn });
  for (let i = 0; i < missed.length; i++) addReason(MISSED_REASON);

  const groupOfClient = new Map<string, string>();
  for (const r of completed) groupOfClient.set(r.clientId, r.eligibilityGroup);
  const people = [...groupOfClient.values()];

  const vehicles = new Map<string, { vehicleId: string; name: string; days: Set<string>; distanceM: number; sec: number; load: OccupancySums }>();
  const allLoad = emptySums();
  for (const route of input.routes) {
    const v = vehicles.get(route.vehicleId) ?? { vehicleId: route.vehicleId, name: route.vehicleName, days: new Set<string>(), distanceM: 0, sec: 0, load: emptySums() };
    v.days.add(route.date);
    v.distanceM += route.distanceM;
    v.sec += Math.max(0, route.endSec - route.startSec);
    addRoute(v.load, route);
    addRoute(allLoad, route);
    vehicles.set(route.vehicleId, v);
  }

  const lateCancelled = cancelled.filter((r) => r.status === 'LATE_CANCELLED').length;
  const sorted = [...vehicles.values()].sort((a, b) => a.name.localeCompare(b.name, 'pl') || a.vehicleId.localeCompare(b.vehicleId));

  return {
    period: { from: input.from, to: input.to },
    rides: {
      requested: rides.length,
      completed: completed.length,
      cancelled: cancelled.length,
      // null when the centre has no cut-off and none was cancelled late under an earlier one.
      lateCancelled: input.hasCutoff || lateCancelled > 0 ? lateCancelled : null,
      noShows: withStatus('NO_SHOW').length,
      turnedDown: turnedDown.length,
      unassigned: unassigned.length + missed.length,
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
    vehicles: sorted.map((v) => ({ vehicleId: v.vehicleId, name: v.name, days: v.days.size, km: round(v.distanceM / 1000, 1), hours: round(v.sec / 3600, 2) })),
    occupancy: { ...occupancyOf(allLoad), vehicles: sorted.map((v) => ({ vehicleId: v.vehicleId, name: v.name, ...occupancyOf(v.load) })) },
    onTime: onTimeOf(input),
    feesDueZl: completed.reduce((sum, r) => sum + (r.feeGrosze ?? 0), 0) / 100,
  };
}
