/**
 * Writes a route's new remaining part in the caller's transaction. Stop rows are kept where the
 * stop stays (drivers' reports point at them), created for stops new to the route and deleted
 * for stops that left it; the driven stops are never touched.
 */
import type { Tx } from '../../../db/client.js';
import { Prisma } from '../../../db/generated/client.js';
import type { LiveRoute } from './live-route.js';

export interface NewStop {
  readonly rideId: string;
  readonly kind: 'PICKUP' | 'DROPOFF';
  readonly placeId: string;
  readonly arrivalSec: number;
  readonly serviceStartSec: number;
  readonly departureSec: number;
  readonly seatsAfter: number;
  readonly wheelchairsAfter: number;
}

export interface RouteTotals {
  readonly startSec: number;
  readonly endSec: number;
  readonly distanceM: number;
  readonly drivingSec: number;
}

const keyOf = (s: { rideId: string; kind: string }) => `${s.rideId}:${s.kind}`;

export async function writeRemaining(tx: Tx, organisationId: string, route: LiveRoute, next: readonly NewStop[], totals: RouteTotals): Promise<void> {
  const drivenCount = route.driven.length;
  const existing = new Map(route.remaining.map((s) => [keyOf(s), s]));
  const wanted = new Set(next.map(keyOf));
  const removed = route.remaining.filter((s) => !wanted.has(keyOf(s))).map((s) => s.id);
  if (removed.length) await tx.planStop.deleteMany({ where: { organisationId, id: { in: removed } } });
  // Two steps, because (route, sequence) is unique and a reordering swaps sequences.
  await tx.$executeRaw`UPDATE plan_stop SET sequence = -1 - sequence WHERE route_id = ${route.routeId}::uuid AND sequence >= ${drivenCount}`;
  const kept = next.map((s, i) => ({ s, i, row: existing.get(keyOf(s)) })).filter((k) => k.row);
  if (kept.length) {
    const col = <T>(f: (k: (typeof kept)[number]) => T) => kept.map(f);
    await tx.$executeRaw`
      UPDATE plan_stop AS s SET sequence = v.seq, arrival_sec = v.arr, service_start_sec = v.st, departure_sec = v.dep,
        seats_after = v.seats, wheelchairs_after = v.wc, eta_sec = NULL
      FROM unnest(${col((k) => k.row!.id)}::uuid[], ${col((k) => drivenCount + k.i)}::int[], ${col((k) => k.s.arrivalSec)}::float8[],
                  ${col((k) => k.s.serviceStartSec)}::float8[], ${col((k) => k.s.departureSec)}::float8[],
                  ${col((k) => k.s.seatsAfter)}::int[], ${col((k) => k.s.wheelchairsAfter)}::int[])
        AS v(id, seq, arr, st, dep, seats, wc)
      WHERE s.id = v.id`;
  }
  const created = next.map((s, i) => ({ s, i })).filter(({ s }) => !existing.has(keyOf(s)));
  if (created.length) {
    await tx.planStop.createMany({
      data: created.map(({ s, i }) => ({ ...s, organisationId, routeId: route.routeId, sequence: drivenCount + i })),
    });
  }
  // The road geometry no longer matches the stops; it is fetched again after the edit commits.
  // A delay that held the vehicle back is kept on the route: its report may be on a stop just
  // deleted, and the stops ahead were planned from it (D56).
  await tx.planRoute.update({ where: { id: route.routeId }, data: { ...totals, geometry: Prisma.DbNull, ...storedLateOf(route, route.driven.at(-1)?.id ?? null) } });
}

export interface StoredLate {
  readonly lateFromSec: number | null;
  readonly lateAfterStopId: string | null;
  readonly lateReportedSec: number | null;
}

/**
 * The route row's record of a delay holding the vehicle back, anchored at `afterStopId` (that
 * stop's id in the row's plan), with when its report was made: a newer report replaces it (D62).
 */
export function storedLateOf(route: Pick<LiveRoute, 'lateFromSec'> & Partial<Pick<LiveRoute, 'lateReportedSec'>>, afterStopId: string | null): StoredLate {
  return route.lateFromSec === null
    ? { lateFromSec: null, lateAfterStopId: null, lateReportedSec: null }
    : { lateFromSec: route.lateFromSec, lateAfterStopId: afterStopId, lateReportedSec: route.lateReportedSec ?? null };
}
