/**
 * Plans one day for one organisation: the use case the plan worker runs (issue #2).
 * Loads the day, builds the travel-time matrix, runs the optimiser and stores the result in one
 * transaction, so a worker killed midway leaves nothing half-written and a rerun of a finished
 * plan changes nothing.
 */
import type { Db } from '../../db/client.js';
import { Prisma } from '../../db/generated/client.js';
import { findPlanRow, findPreviousPlanRoutes } from '../../db/repositories/plan.repo.js';
import { notifyChangedPickups } from '../notification/notify.js';
import { loadRidesForPlanning, moveRidesStatus } from '../../db/repositories/ride.repo.js';
import type { Instance } from '../../solver/model/instance.js';
import type { Solution } from '../../solver/model/solution.js';
import type { TravelTimeProvider } from '../../routing/types.js';
import { formatSeconds, fromDbDate, serviceDayNowSec } from '../common/time.js';
import { rideLoad } from '../booking/ride.rules.js';
import { buildPlanInstance, collectPlaceIds, type PlanningRide, type PlanningVehicle } from './build-plan-instance.js';
import { describeUnassigned, windowThatMatters } from './unassigned-reason.js';
import { lockedRequestsOf, solveLinkedRides, type SolveFn } from './solve-linked-rides.js';
import { favourPlacedRides, startFromPreviousPlan, unplacedInPreviousPlan } from './start-from-previous-plan.js';
import { drivenTotals, prepareLiveReplan } from './replan-live-day.js';
import { keepToldPickups, notBeforeNow, reasonOnTheDay } from './day-under-way.js';
import { describeReplanChange, replanChanges } from './live/replan-changes.js';
import { storedLateOf } from './live/write-route.js';
import { clientName } from '../booking/client-name.js';
import { rulesOf } from '../organisation/manage-organisation.js';
import { rideRulesOf } from '../organisation/organisation-rules.js';
import { CANCELLED_STATUSES } from '../booking/ride.rules.js';

export interface PlanDeps {
  readonly db: Db;
  readonly travelTimes: TravelTimeProvider;
  /**
   * Runs the optimiser (in a worker thread in production, so the job stays responsive); `start`:
   * routes of the same day to start from (the previous plan, or an earlier round: solveLinkedRides).
   */
  readonly solve: SolveFn;
  readonly now: () => Date;
  /** Who the pickup-window notifications of a re-plan are addressed to (NOTIFY_CHANNEL; default phone). */
  readonly notifyBy?: 'phone' | 'email' | undefined;
}

export interface PlanSummary {
  readonly planId: string;
  readonly status: 'DONE';
  readonly ridesPlaced: number;
  readonly ridesUnassigned: number;
  readonly vehiclesUsed: number;
  readonly distanceM: number;
  /** True when this run found the plan already finished and did nothing. */
  readonly alreadyDone: boolean;
}

/** Fractions of the progress bar given to each phase. */
const PROGRESS = { loaded: 5, matrixEnd: 30, solveEnd: 95 } as const;

export async function planServiceDay(
  deps: PlanDeps,
  planId: string,
  onProgress: (percent: number) => void | Promise<void>,
): Promise<PlanSummary> {
  const plan = await findPlanRow(deps.db, planId);
  if (!plan) throw new PlanNotFoundError(planId);
  if (plan.status === 'DONE') {
    // A retry after a crash between the write and the messages: telling is idempotent.
    if (plan.publishedAt) await notifyChangedPickups(deps, plan.organisationId, planId);
    return {
      planId,
      status: 'DONE',
      ridesPlaced: plan.ridesPlaced ?? 0,
      ridesUnassigned: plan.ridesUnassigned ?? 0,
      vehiclesUsed: await deps.db.planRoute.count({ where: { planId } }),
      distanceM: plan.distanceM ?? 0,
      alreadyDone: true,
    };
  }
  const { organisationId } = plan;
  const date = fromDbDate(plan.serviceDate);
  await deps.db.plan.update({
    where: { id: planId },
    data: { status: 'RUNNING', startedAt: deps.now(), attempts: { increment: 1 }, error: null, progress: 0 },
  });

  const [rideRows, vehicleRows] = await Promise.all([
    loadRidesForPlanning(deps.db, organisationId, date),
    deps.db.vehicle.findMany({ where: { organisationId, active: true }, include: { depot: true }, orderBy: { name: 'asc' } }),
  ]);
  await onProgress(PROGRESS.loaded);

  const rides: PlanningRide[] = rideRows.map((r) => ({
    ...r,
    mobility: r.client.mobility,
    helpLevel: r.client.helpLevel,
    assistanceDog: r.client.assistanceDog,
  }));
  const vehicles: PlanningVehicle[] = vehicleRows;
  const placeIds = collectPlaceIds(rides, vehicles);
  const places = new Map<string, { lat: number; lon: number; name: string }>();
  for (const v of vehicleRows) places.set(v.depot.id, v.depot);
  for (const r of rideRows) {
    places.set(r.fromPlace.id, r.fromPlace);
    places.set(r.toPlace.id, r.toPlace);
  }

  const rules = rideRulesOf(await rulesOf(deps, organisationId));
  // A day already live (driven, locked or out-of-service routes) keeps what it must (D16).
  const replan = await prepareLiveReplan({
    db: deps.db,
    plan,
    now: deps.now(),
    rides: rideRows.map((r, i) => ({ ...rides[i]!, fromPlace: r.fromPlace, toPlace: r.toPlace })),
    vehicles: vehicleRows,
    travelTimes: deps.travelTimes,
    rules,
    onMatrixProgress: (done, total) => void onProgress(PROGRESS.loaded + ((PROGRESS.matrixEnd - PROGRESS.loaded) * done) / Math.max(1, total)),
  });
  if (replan) {
    for (const id of replan.li.matrix.placeIds) if (!places.has(id)) places.set(id, await placeOf(deps.db, id));
    for (const k of replan.kept) for (const st of k.route.stops) if (!places.has(st.placeId)) places.set(st.placeId, await placeOf(deps.db, st.placeId));
  }
  const matrix = replan
    ? { source: replan.travelTimeSource, dataVersion: replan.dataVersion }
    : await deps.travelTimes.matrix(
        placeIds.map((id) => places.get(id)!),
        { onProgress: (done, total) => void onProgress(PROGRESS.loaded + ((PROGRESS.matrixEnd - PROGRESS.loaded) * done) / Math.max(1, total)) },
      );
  await onProgress(PROGRESS.matrixEnd);
  const planRides: readonly PlanningRide[] = replan ? replan.rides : rides;
  const planVehicles: readonly PlanningVehicle[] = replan ? replan.vehicles : vehicles;
  const built = replan ? replan.instance : buildPlanInstance(rides, vehicles, placeIds, matrix as Awaited<ReturnType<TravelTimeProvider['matrix']>>, rules);
  // A day already begun is planned from now on (a live re-plan anchors its vehicles itself), and
  // a client already told a window is not asked to be ready earlier.
  const nowSec = await nowInServiceDay(deps, organisationId, date);
  const onBoard = replan?.li.onBoard ?? new Set<number>();
  const instance = keepToldPickups(
    !replan && nowSec !== null ? notBeforeNow(built, nowSec) : built,
    await toldPickupCentres(deps, organisationId, planRides.map((r) => r.id), onBoard),
  );
  // A re-plan starts from the plan it replaces (D41) and keeps whatever the search does not
  // improve on. Passengers on board are the instance's own.
  const previous = await findPreviousPlanRoutes(deps.db, organisationId, plan.serviceDate, plan.revision);
  const rideIds = planRides.map((r) => r.id);
  const previousPlan = previous
    ? {
        routes: startFromPreviousPlan(previous.routes, planVehicles.map((v) => v.id), rideIds, lockedRequestsOf(instance)),
        unplaced: unplacedInPreviousPlan(previous.unassigned.map((u) => u.rideId), rideIds),
      }
    : undefined;
  const { solution, orphanedReturns } =
    planRides.length === 0
      ? { solution: emptySolution(), orphanedReturns: [] }
      : await solveLinkedRides(
          // A ride the plan being replaced had placed outweighs a new booking (PLACED_RIDE_PRIORITY).
          previousPlan ? favourPlacedRides(instance, previousPlan.routes) : instance,
          planRides,
          deps.solve,
          (p) => void onProgress(PROGRESS.matrixEnd + (PROGRESS.solveEnd - PROGRESS.matrixEnd) * p.fraction),
          previousPlan,
        );

  const solved = planVehicles.map((vehicle, v) => {
    const route = solution.routes.find((r) => r.vehicle === v);
    const prefix = replan?.prefixes[v] ?? [];
    const driven = replan ? drivenTotals(replan, v) : { distanceM: 0, drivingSec: 0 };
    const planned = (route?.stops ?? [])
      // A passenger on board has no pickup ahead: the solver's pickup there is the vehicle's position.
      .filter((s) => !(s.kind === 'pickup' && replan?.li.onBoard.has(s.request)))
      .map((s) => {
        const ride = planRides[s.request]!;
        return {
          kind: s.kind === 'pickup' ? ('PICKUP' as const) : ('DROPOFF' as const),
          rideId: ride.id,
          placeId: s.kind === 'pickup' ? ride.fromPlaceId : ride.toPlaceId,
          arrivalSec: s.arrival,
          serviceStartSec: s.serviceStart,
          departureSec: s.departure,
          seatsAfter: s.loadAfter[0] ?? 0,
          wheelchairsAfter: s.loadAfter[1] ?? 0,
        };
      });
    return {
      vehicleId: vehicle.id,
      startSec: prefix.length ? replan!.li.routes[v]!.startSec : (route?.start ?? vehicle.shiftStartMin * 60),
      endSec: route?.end ?? prefix.at(-1)?.departureSec ?? vehicle.shiftStartMin * 60,
      distanceM: driven.distanceM + (route?.distance ?? 0),
      drivingSec: driven.drivingSec + (route?.travelTime ?? 0),
      locked: false,
      outOfServiceMin: null as number | null,
      outOfServiceReason: null as string | null,
      // The delay that held this vehicle back here holds it in the next re-plan too (D56).
      ...storedLateOf(replan?.li.routes[v] ?? { lateFromSec: null }, prefix.at(-1)?.id ?? null),
      stops: [...prefix, ...planned].map((st, sequence) => ({ ...st, sequence })),
    };
  });
  const keptRoutes = (replan?.kept ?? []).map(({ route, stops, late }) => {
    const row = replan!.keptRows.get(route.routeId)!;
    return {
      vehicleId: route.vehicle.id, startSec: route.startSec, endSec: row.endSec, distanceM: route.distanceM, drivingSec: route.drivingSec,
      locked: route.locked, outOfServiceMin: route.outOfServiceMin, outOfServiceReason: row.outOfServiceReason, ...late,
      stops: stops.map((st, sequence) => ({ ...st, sequence })),
    };
  });
  const routes = [...solved, ...keptRoutes].filter((r) => r.stops.length > 0);
  const notPlaced = [
    ...solution.unassigned,
    ...orphanedReturns.map((request) => ({ request, reason: 'outboundUnassigned' as const })),
  ];
  // A vehicle out of service cannot take rides anyway; a locked one could, had the dispatcher not locked it.
  const lockedVehicles = (replan?.kept ?? []).filter((k) => k.route.locked && k.route.outOfServiceMin === null).map((k) => k.route.vehicle.name);
  const lateVehicles = (replan?.li.routes ?? []).flatMap((r) =>
    r.lateFromSec === null ? [] : [{ name: r.vehicle.name, shiftStartSec: r.vehicle.shiftStartMin * 60, shiftEndSec: r.vehicle.shiftEndMin * 60, freeFromSec: r.lateFromSec }],
  );
  const unassigned = notPlaced.map((u) => {
    const ride = planRides[u.request]!;
    const req = instance.requests[u.request]!;
    const text = describeUnassigned(reasonOnTheDay(u.reason, req.pickup.twEnd, nowSec), {
      wheelchair: ride.wheelchair,
      seats: rideLoad(ride)[0],
      window: windowThatMatters(ride, req),
      fromName: places.get(ride.fromPlaceId)?.name ?? '',
      toName: places.get(ride.toPlaceId)?.name ?? '',
      lockedVehicles,
      lateVehicles,
    });
    return { rideId: ride.id, reasonCode: text.code, reasonPl: text.pl, reasonEn: text.en };
  });
  const distanceM = routes.reduce((s, r) => s + r.distanceM, 0);
  const durationSec = routes.reduce((s, r) => s + (r.endSec - r.startSec), 0);
  const placedIds = new Set(routes.flatMap((r) => r.stops.map((s) => s.rideId)));
  const geometries = await fetchRouteGeometries(deps.travelTimes, routes, vehicleRows, places);

  const written = await deps.db.$transaction(async (tx) => {
    // Only the run that holds the plan as RUNNING may finish it; a duplicate finds DONE and stops.
    const { count } = await tx.plan.updateMany({
      where: { id: planId, status: 'RUNNING' },
      data: {
        status: 'DONE',
        progress: 100,
        finishedAt: deps.now(),
        travelTimeSource: matrix.source,
        dataVersion: matrix.dataVersion,
        ridesPlaced: placedIds.size,
        ridesUnassigned: unassigned.length,
        distanceM,
        durationSec,
      },
    });
    if (!count) return false;
    await tx.planRoute.deleteMany({ where: { planId } });
    await tx.planUnassigned.deleteMany({ where: { planId } });
    // A ride cancelled while the optimiser ran leaves the new plan too (its stops ahead only).
    const cancelledMeanwhile = new Set(
      (await tx.ride.findMany({ where: { organisationId, id: { in: [...placedIds] }, status: { in: [...CANCELLED_STATUSES] } }, select: { id: true } })).map((r) => r.id),
    );
    for (const [i, r] of routes.entries()) {
      const { stops: planned, ...route } = r;
      const stops = planned
        .filter((st) => isCopied(st) || !cancelledMeanwhile.has(st.rideId))
        .map((st, sequence) => ({ ...st, sequence }));
      const geometry = geometries[i] ?? Prisma.DbNull;
      const created = await tx.planRoute.create({ data: { ...route, geometry, organisationId, planId }, select: { id: true } });
      await tx.planStop.createMany({
        data: stops.map((st) => {
          const { fromStopId: _from, ...row } = st as typeof st & { fromStopId?: string };
          return { ...row, organisationId, routeId: created.id };
        }),
      });
      // The drivers' reports follow the driven stops into the new plan (they stay one history).
      for (const st of stops) {
        if (isCopied(st)) await tx.stopEvent.updateMany({ where: { planStopId: st.fromStopId }, data: { planStopId: st.id } });
      }
    }
    if (replan) {
      // A re-plan of a day drivers already have is theirs at once: they must not work from a plan
      // the dispatcher no longer edits (D16).
      if (replan.basePublished) await tx.plan.update({ where: { id: planId }, data: { publishedAt: deps.now() } });
      // Each driver is told what their route gained and lost (a re-plan moves most rides, D41).
      const optimised = solved.map((r) => ({ vehicleId: r.vehicleId, stops: r.stops.filter((st) => !isCopied(st) && !cancelledMeanwhile.has(st.rideId)) }));
      const changes = replanChanges(
        replan.ridesAhead,
        optimised.map((r) => ({ vehicleId: r.vehicleId, rideIds: r.stops.map((st) => st.rideId) })),
        new Set(unassigned.map((u) => u.rideId)),
      );
      const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
      await tx.planChange.create({
        data: {
          organisationId, planId, version: 1, actor: 'planner', kind: 'REPLAN',
          messagePl: `Dzień zaplanowany ponownie (plan nr ${plan.revision} zamiast nr ${replan.baseRevision}); przejechane przystanki${plan.keepLocked ? ' i zablokowane trasy' : ''} bez zmian; przejazdy przeniesione na inny pojazd: ${count('MOVED_AWAY')}, zdjęte bez przydziału: ${count('UNASSIGNED')}`,
          messageEn: `Day re-planned (plan ${plan.revision} replaces plan ${replan.baseRevision}); driven stops${plan.keepLocked ? ' and locked routes' : ''} unchanged; rides moved to another vehicle: ${count('MOVED_AWAY')}, taken off unassigned: ${count('UNASSIGNED')}`,
        },
      });
      const rideInfo = new Map(rideRows.map((r) => [r.id, { who: clientName(r.client), from: r.fromPlace.name, to: r.toPlace.name }]));
      const vehicleName = new Map([...vehicleRows, ...replan.vehicles].map((v) => [v.id, v.name]));
      const pickupTime = (vehicleId: string, rideId: string) => {
        const pickup = optimised.find((r) => r.vehicleId === vehicleId)?.stops.find((st) => st.rideId === rideId && st.kind === 'PICKUP');
        return pickup ? formatSeconds(pickup.serviceStartSec) : null;
      };
      await tx.planChange.createMany({
        data: changes.map((change) => {
          const text = describeReplanChange(
            change,
            rideInfo.get(change.rideId) ?? { who: '', from: '', to: '' },
            change.kind === 'ADDED' ? pickupTime(change.vehicleId, change.rideId) : null,
            change.kind === 'MOVED_AWAY' ? (vehicleName.get(change.toVehicleId) ?? '') : '',
          );
          return { organisationId, planId, version: 1, actor: 'planner', kind: 'REPLAN', rideId: change.rideId, vehicleId: change.vehicleId, messagePl: text.pl, messageEn: text.en };
        }),
      });
    }
    await tx.planUnassigned.createMany({ data: unassigned.map((u) => ({ ...u, organisationId, planId })) });
    // Ride statuses follow the newest plan of the day only: an older revision finishing late changes nothing.
    const newer = await tx.plan.count({ where: { organisationId, serviceDate: plan.serviceDate, revision: { gt: plan.revision } } });
    if (newer === 0) {
      const why = `plan nr ${plan.revision}`;
      await moveRidesStatus(tx, organisationId, [...placedIds], 'APPROVED', 'SCHEDULED', 'planner', why);
      const unplaced = planRides.map((r) => r.id).filter((id) => !placedIds.has(id));
      await moveRidesStatus(tx, organisationId, unplaced, 'SCHEDULED', 'APPROVED', 'planner', `${why}: nieprzydzielony / unassigned`);
    }
    return true;
  });

  // Clients already told a pickup window hear of a re-plan that moved it, as of a live edit.
  if (written && replan?.basePublished) await notifyChangedPickups(deps, organisationId, planId);
  return {
    planId,
    status: 'DONE',
    ridesPlaced: placedIds.size,
    ridesUnassigned: unassigned.length,
    vehiclesUsed: routes.length,
    distanceM,
    alreadyDone: !written,
  };
}

/** A stop copied from the plan replaced (driven, or on a route kept whole), not one the optimiser planned. */
function isCopied(st: object): st is { fromStopId: string } {
  return 'fromStopId' in st && typeof st.fromStopId === 'string' && st.fromStopId.length > 0;
}

async function placeOf(db: Db, id: string): Promise<{ lat: number; lon: number; name: string }> {
  return db.place.findUniqueOrThrow({ where: { id }, select: { lat: true, lon: true, name: true } });
}

/**
 * The road geometry of each route (depot → stops → depot), fetched once per plan for the map and
 * the driver's navigation. A failure leaves that route without geometry; the plan still stands.
 */
async function fetchRouteGeometries(
  travelTimes: TravelTimeProvider,
  routes: readonly { vehicleId: string; stops: readonly { placeId: string }[] }[],
  vehicles: readonly PlanningVehicle[],
  places: ReadonlyMap<string, { lat: number; lon: number }>,
): Promise<({ type: 'LineString'; coordinates: [number, number][] } | null)[]> {
  const depotOf = new Map(vehicles.map((v) => [v.id, v.depotPlaceId]));
  return Promise.all(
    routes.map(async (r) => {
      const depot = depotOf.get(r.vehicleId)!;
      const ids = [depot, ...r.stops.map((s) => s.placeId), depot];
      try {
        const route = await travelTimes.route(ids.map((id) => places.get(id)!));
        return { type: 'LineString' as const, coordinates: route.coordinates };
      } catch {
        return null;
      }
    }),
  );
}

function emptySolution(): Solution {
  return { routes: [], unassigned: [], cost: 0, distance: 0, travelTime: 0 };
}

/** The job names a plan that does not exist: retrying cannot help. */
export class PlanNotFoundError extends Error {
  constructor(planId: string) {
    super(`plan ${planId} does not exist`);
    this.name = 'PlanNotFoundError';
  }
}

/** Seconds after the service day's midnight now, or null before the day (organisation's clock). */
async function nowInServiceDay(deps: PlanDeps, organisationId: string, date: string): Promise<number | null> {
  const org = await deps.db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { timeZone: true } });
  return serviceDayNowSec(org.timeZone, date, deps.now());
}

/** Request → centre (minutes) of the last pickup window its client was told; on-board requests left out. */
async function toldPickupCentres(deps: PlanDeps, organisationId: string, rideIds: readonly string[], onBoard: ReadonlySet<number>): Promise<Map<number, number>> {
  const told = await deps.db.notification.findMany({
    where: { organisationId, rideId: { in: [...rideIds] } },
    orderBy: { createdAt: 'desc' },
    select: { rideId: true, windowFromMin: true, windowToMin: true },
  });
  const request = new Map(rideIds.map((id, r) => [id, r]));
  const centres = new Map<number, number>();
  for (const n of told) {
    const r = request.get(n.rideId)!;
    if (!centres.has(r) && !onBoard.has(r)) centres.set(r, (n.windowFromMin + n.windowToMin) / 2);
  }
  return centres;
}
