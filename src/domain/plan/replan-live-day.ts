/**
 * Re-planning a day whose plan is already live (issue #8): what has been driven stays, in order,
 * with its reports; passengers on board stay on their vehicle (their pickup becomes the vehicle's
 * position, locked at the head of its route); locked routes (when asked to keep them) and
 * vehicles out of service keep every stop as it was. Everything else is planned afresh from each
 * vehicle's position and time, a delay its driver announced included (D55).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Instance } from '../../solver/model/instance.js';
import type { TravelTimeProvider } from '../../routing/types.js';
import type { RideRules } from '../booking/ride.rules.js';
import type { PlanningRide, PlanningVehicle } from './build-plan-instance.js';
import { alongRoute, buildLiveInstance, type LiveInstance } from './live/live-instance.js';
import { announcedSecOf, liveRouteOf, type LiveRide, type LiveRoute, type LiveRouteInput, type LiveStop } from './live/live-route.js';
import { liveInclude, toLoaded, type LivePlanRow } from './live/live-plan.query.js';
import type { RidesAhead } from './live/replan-changes.js';
import { storedLateOf, type StoredLate } from './live/write-route.js';

export interface CopiedStop {
  /** Id of the new row; the reports on `fromStopId` follow it into the new plan. */
  readonly id: string;
  readonly fromStopId: string;
  readonly kind: 'PICKUP' | 'DROPOFF';
  readonly rideId: string;
  readonly placeId: string;
  readonly arrivalSec: number;
  readonly serviceStartSec: number;
  readonly departureSec: number;
  readonly seatsAfter: number;
  readonly wheelchairsAfter: number;
  readonly etaSec: number | null;
}

export interface LiveReplan {
  readonly instance: Instance;
  readonly li: LiveInstance;
  /** Request r is rides[r] (on-board passengers included). */
  readonly rides: readonly LiveRide[];
  /** Vehicle v of the instance. */
  readonly vehicles: readonly (PlanningVehicle & { readonly name: string })[];
  /** Per solver vehicle: the stops already driven, copied before what the solver plans. */
  readonly prefixes: readonly (readonly CopiedStop[])[];
  /** Routes kept whole (locked, or out of service). */
  readonly kept: readonly { readonly route: LiveRouteInput; readonly stops: readonly CopiedStop[]; readonly late: StoredLate }[];
  /** What the kept routes' rows say beyond the live view. */
  readonly keptRows: ReadonlyMap<string, { readonly endSec: number; readonly outOfServiceReason: string | null }>;
  readonly travelTimeSource: string;
  readonly dataVersion: string | null;
  /** Per vehicle the solver plans: the rides the plan being replaced had still ahead on it (for replanChanges). */
  readonly ridesAhead: readonly RidesAhead[];
  /** The plan being replaced was published: the new one is given to drivers at once. */
  readonly basePublished: boolean;
  readonly baseRevision: number;
}

type StopRow = LivePlanRow['routes'][number]['stops'][number];

function copyOf(row: StopRow): CopiedStop {
  return {
    id: randomUUID(), fromStopId: row.id, kind: row.kind, rideId: row.rideId, placeId: row.placeId,
    arrivalSec: row.arrivalSec, serviceStartSec: row.serviceStartSec, departureSec: row.departureSec,
    seatsAfter: row.seatsAfter, wheelchairsAfter: row.wheelchairsAfter, etaSec: row.etaSec,
  };
}

/** Null when there is nothing live to keep: the day is planned as usual. */
export async function prepareLiveReplan(input: {
  readonly db: Db;
  readonly plan: { readonly id: string; readonly organisationId: string; readonly serviceDate: Date; readonly revision: number; readonly keepLocked: boolean };
  readonly now: Date;
  readonly rides: readonly (PlanningRide & { fromPlace: { id: string; lat: number; lon: number; name: string }; toPlace: { id: string; lat: number; lon: number; name: string } })[];
  readonly vehicles: readonly (PlanningVehicle & { name: string; depot: { id: string; lat: number; lon: number; name: string } })[];
  readonly travelTimes: TravelTimeProvider;
  readonly rules: RideRules;
  readonly onMatrixProgress: (done: number, total: number) => void;
}): Promise<LiveReplan | null> {
  const { db, plan } = input;
  const base = await db.plan.findFirst({
    where: { organisationId: plan.organisationId, serviceDate: plan.serviceDate, status: 'DONE', revision: { lt: plan.revision } },
    orderBy: { revision: 'desc' },
    include: liveInclude,
  });
  if (!base) return null;
  const org = await db.organisation.findUniqueOrThrow({ where: { id: plan.organisationId }, select: { timeZone: true } });
  const loaded = toLoaded(base as LivePlanRow, org.timeZone, input.now);
  const rowsById = new Map(base.routes.flatMap((r) => r.stops).map((s) => [s.id, s]));
  const statusOf = new Map(base.routes.flatMap((r) => r.stops).map((s) => [s.rideId, s.ride.status]));
  const isKept = (r: LiveRouteInput) => r.outOfServiceMin !== null || (plan.keepLocked && r.locked);
  const live = loaded.routes.map((r) => liveRouteOf(r, loaded.nowSec));
  // A driver's announced delay makes the day live too: only the live path starts each vehicle
  // from its anchor, which holds the delay (D55).
  const announcedDelay = (r: LiveRoute) => r.lateFromSec !== null || r.remaining.some((s) => announcedSecOf(s) !== null);
  if (!live.some((r) => r.driven.length > 0 || isKept(r) || announcedDelay(r))) return null;

  const kept = loaded.routes.filter(isKept).map((route) => {
    const stops = route.stops.map((s) => copyOf(rowsById.get(s.id)!));
    const now = live.find((l) => l.routeId === route.routeId)!;
    // Its hold is recorded at the copy of its last driven stop, the row the new plan reports on.
    return { route, stops, late: storedLateOf(now, now.driven.length ? stops[now.driven.length - 1]!.id : null) };
  });
  const keptRides = new Set(kept.flatMap((k) => k.route.stops.map((s) => s.rideId)));
  const keptVehicles = new Set(kept.map((k) => k.route.vehicle.id));
  // Vehicles that plan on: the active ones, and any that has driven today (its prefix stays).
  const byVehicle = new Map(live.map((r) => [r.vehicle.id, r]));
  const vehicles: (PlanningVehicle & { name: string })[] = [
    ...input.vehicles.filter((v) => !keptVehicles.has(v.id)),
    ...live.filter((r) => r.driven.length > 0 && !keptVehicles.has(r.vehicle.id) && !input.vehicles.some((v) => v.id === r.vehicle.id)).map((r) => r.vehicle),
  ];
  const places = new Map(loaded.places);
  for (const v of input.vehicles) places.set(v.depot.id, v.depot);
  const riding = (s: LiveStop) => {
    const status = statusOf.get(s.rideId);
    return status === 'IN_PROGRESS' || status === 'SCHEDULED' || status === 'APPROVED';
  };
  const routes: LiveRoute[] = vehicles.map((v) => {
    const was = byVehicle.get(v.id);
    const empty: LiveRouteInput = { routeId: '', vehicle: v, locked: false, outOfServiceMin: null, startSec: v.shiftStartMin * 60, distanceM: 0, drivingSec: 0, stops: [] };
    const route = was ?? liveRouteOf(empty, loaded.nowSec);
    const onBoard = route.onBoard.filter((b) => riding({ rideId: b.rideId } as LiveStop));
    const onBoardIds = new Set(onBoard.map((b) => b.rideId));
    // Only the drop-offs of those on board stay fixed to the vehicle; every other ride is planned afresh.
    return { ...route, onBoard, remaining: route.remaining.filter((s) => s.kind === 'DROPOFF' && onBoardIds.has(s.rideId)) };
  });
  const onBoardIds = new Set(routes.flatMap((r) => r.onBoard.map((b) => b.rideId)));
  const ridesMap = new Map<string, LiveRide>(loaded.rides);
  const toPlace: string[] = [];
  for (const r of input.rides) {
    places.set(r.fromPlace.id, r.fromPlace);
    places.set(r.toPlace.id, r.toPlace);
    if (keptRides.has(r.id) || onBoardIds.has(r.id)) continue;
    ridesMap.set(r.id, { ...r, fromName: r.fromPlace.name, toName: r.toPlace.name });
    toPlace.push(r.id);
  }
  const placeIds = [...new Set([...routes.flatMap((r) => [r.anchor.placeId, r.vehicle.depotPlaceId, ...r.driven.map((s) => s.placeId)]), ...[...onBoardIds].flatMap((id) => [ridesMap.get(id)!.fromPlaceId, ridesMap.get(id)!.toPlaceId]), ...toPlace.flatMap((id) => [ridesMap.get(id)!.fromPlaceId, ridesMap.get(id)!.toPlaceId])])];
  const m = await input.travelTimes.matrix(placeIds.map((id) => places.get(id)!), { onProgress: input.onMatrixProgress });
  const li = buildLiveInstance({
    routes,
    rides: ridesMap,
    toPlace,
    matrix: { placeIds, size: m.size, durationsSec: m.durationsSec, distancesM: m.distancesM, source: m.source },
    rules: input.rules,
  });
  // Those on board: their pickup (the vehicle's position) locked first; the solver places the drop-off on the same vehicle.
  const instance: Instance = {
    ...li.problem.instance,
    vehicles: li.problem.instance.vehicles.map((veh, v) => ({ ...veh, lockedStops: li.fixed[v]!.stops.slice(0, li.fixed[v]!.lockedCount).map((n) => ({ request: n >> 1, kind: 'pickup' as const })) })),
  };
  const prefixes = routes.map((r) => r.driven.map((s) => copyOf(rowsById.get(s.id)!)));
  return {
    instance, li, rides: li.rides, vehicles, prefixes, kept,
    keptRows: new Map(base.routes.map((r) => [r.id, { endSec: r.endSec, outOfServiceReason: r.outOfServiceReason }])),
    travelTimeSource: m.source, dataVersion: m.dataVersion,
    ridesAhead: live.filter((r) => !isKept(r)).map((r) => ({ vehicleId: r.vehicle.id, rideIds: r.remaining.map((st) => st.rideId) })),
    basePublished: base.publishedAt !== null, baseRevision: base.revision,
  };
}

/** Distance and driving time of what a vehicle has driven: depot, then its driven stops in order. */
export function drivenTotals(replan: LiveReplan, v: number): { distanceM: number; drivingSec: number } {
  const route = replan.li.routes[v]!;
  const m = replan.li.matrix;
  const at = new Map(m.placeIds.map((id, i) => [id, i]));
  const locs = [route.vehicle.depotPlaceId, ...route.driven.map((s) => s.placeId)].map((id) => at.get(id)!);
  let distanceM = 0;
  let drivingSec = 0;
  for (let i = 1; i < locs.length; i++) {
    distanceM += m.distancesM[locs[i - 1]! * m.size + locs[i]!]!;
    drivingSec += m.durationsSec[locs[i - 1]! * m.size + locs[i]!]!;
  }
  return { distanceM, drivingSec };
}
