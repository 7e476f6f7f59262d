import { notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findPlanWithRoutes, listPlansOfDay, type PlanWithRoutes } from '../../db/repositories/plan.repo.js';
import { formatMinutes, formatSeconds, fromDbDate } from '../common/time.js';
import { stopProgress } from '../execution/stop-event.rules.js';
import type { EarlierPlanChangeView, PlanChangeView, PlanRouteView, PlanStopView, PlanView, SuspendedClientInPlan, TravelTimesNote } from './plan.schema.js';
import { isCancelled, UNSERVED_STATUSES } from '../booking/ride.rules.js';
import { clientName } from '../booking/client-name.js';
import { lastToldWindows, toldWindowText, type ToldWindow } from '../notification/told-windows.query.js';
import { listDelayAlerts } from './live/delay-alerts.js';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function travelTimesNote(source: string | null, dataVersion: string | null): TravelTimesNote | null {
  if (source !== 'osrm' && source !== 'estimate') return null;
  return {
    source,
    estimate: source === 'estimate',
    dataVersion,
    note:
      source === 'estimate'
        ? {
            pl: 'Czasy przejazdu szacunkowe (odległość w linii prostej × współczynnik objazdu), nie z mapy drogowej',
            en: 'Travel times are estimates (straight-line distance × a detour factor), not from road data',
          }
        : null,
  };
}

/**
 * Whether a ride is a return whose client was not there for the ride out (D11: it stays planned,
 * marked). The outbound's pickup stays in the plan as a driven stop, so the plan alone tells.
 */
export function outboundNoShowIn(p: Pick<PlanWithRoutes, 'routes'>): (ride: { readonly outboundRideId: string | null }) => boolean {
  const noShows = new Set(p.routes.flatMap((r) => r.stops.filter((s) => s.ride.status === 'NO_SHOW').map((s) => s.rideId)));
  return (ride) => ride.outboundRideId !== null && noShows.has(ride.outboundRideId);
}

/** `told`: ride id → the last window its client was told, for the unassigned rides (see getPlan). */
export function toPlanView(p: PlanWithRoutes, options: { geometry?: boolean } = {}, told: ReadonlyMap<string, ToldWindow> = new Map()): PlanView {
  /** Index = ride id: the vehicle and time of its pickup in this plan (a cancelled ride's stop does not count). */
  const pickupOf = new Map(
    p.routes.flatMap((r) =>
      r.stops
        .filter((s) => s.kind === 'PICKUP' && !isCancelled(s.ride.status))
        .map((s) => [s.rideId, { vehicle: r.vehicle.name, pickup: formatSeconds(s.serviceStartSec) }] as const),
    ),
  );
  const outboundNoShow = outboundNoShowIn(p);
  return {
    id: p.id,
    date: fromDbDate(p.serviceDate),
    revision: p.revision,
    status: p.status,
    progress: p.progress,
    error: p.error,
    travelTimes: travelTimesNote(p.travelTimeSource, p.dataVersion),
    createdAt: p.createdAt.toISOString(),
    startedAt: p.startedAt?.toISOString() ?? null,
    finishedAt: p.finishedAt?.toISOString() ?? null,
    version: p.version,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    changes: p.changes.map(toChangeView),
    summary:
      p.status === 'DONE'
        ? {
            ridesPlaced: p.ridesPlaced ?? 0,
            ridesUnassigned: p.ridesUnassigned ?? 0,
            vehiclesUsed: p.routes.length,
            distanceKm: round((p.distanceM ?? 0) / 1000, 1),
            vehicleHours: round((p.durationSec ?? 0) / 3600, 2),
          }
        : null,
    routes: p.routes.map((r) => ({
      vehicle: { id: r.vehicle.id, name: r.vehicle.name },
      start: formatSeconds(r.startSec),
      end: formatSeconds(r.endSec),
      distanceKm: round(r.distanceM / 1000, 1),
      hours: round((r.endSec - r.startSec) / 3600, 2),
      drivingHours: round(r.drivingSec / 3600, 2),
      locked: r.locked,
      outOfServiceAt: r.outOfServiceMin === null ? null : formatMinutes(r.outOfServiceMin),
      ...(options.geometry ? { geometry: (r.geometry as PlanRouteView['geometry']) ?? null } : {}),
      stops: r.stops.map((s) => {
        const place = s.kind === 'PICKUP' ? s.ride.fromPlace : s.ride.toPlace;
        return {
          sequence: s.sequence + 1,
          kind: s.kind,
          time: formatSeconds(s.serviceStartSec),
          arrival: formatSeconds(s.arrivalSec),
          departure: formatSeconds(s.departureSec),
          rideId: s.rideId,
          client: { id: s.ride.client.id, name: clientName(s.ride.client) },
          place: { id: place.id, name: place.name, address: place.address },
          seatsAfter: s.seatsAfter,
          wheelchairsAfter: s.wheelchairsAfter,
          etaSec: Math.round(s.etaSec ?? s.serviceStartSec), // whole seconds: the schedule's are fractional
          actual: actualOf(s),
          outboundNoShow: outboundNoShow(s.ride),
        };
      }),
    })),
    unassigned: p.unassigned.map((u) => ({
      rideId: u.rideId,
      client: { id: u.ride.client.id, name: clientName(u.ride.client) },
      from: u.ride.fromPlace.name,
      to: u.ride.toPlace.name,
      reasonCode: u.reasonCode,
      reason: u.reasonPl,
      reasonEn: u.reasonEn,
      outboundPlanned: u.ride.outboundRideId ? (pickupOf.get(u.ride.outboundRideId) ?? null) : null,
      toldPickup: toldWindowText(told.get(u.rideId)),
    })),
  };
}

export function toChangeView(c: PlanWithRoutes['changes'][number]): PlanChangeView {
  return { id: c.id, at: c.at.toISOString(), kind: c.kind, rideId: c.rideId, vehicleId: c.vehicleId, version: c.version, pl: c.messagePl, en: c.messageEn };
}

/** Actual against planned: what the driver reported at the stop, or null before any report. */
function actualOf(s: PlanWithRoutes['routes'][number]['stops'][number]): PlanStopView['actual'] {
  if (s.events.length === 0 && !isCancelled(s.ride.status) && !(s.kind === 'DROPOFF' && s.ride.status === 'NO_SHOW')) return null;
  const p = stopProgress(s.kind, s.ride.status, s.events);
  return { arrivedAt: p.arrivedAt?.toISOString() ?? null, doneAt: p.doneAt?.toISOString() ?? null, status: p.state };
}

export async function getPlan(deps: DomainDeps, ctx: OrganisationContext, id: string, options: { geometry?: boolean } = {}): Promise<PlanView> {
  const plan = await findPlanWithRoutes(deps.db, ctx.organisationId, id);
  if (!plan) throw notFound('plan', 'plan');
  // A re-plan may leave a told ride without a place; no message says so, so the board must (D54).
  const told = await lastToldWindows(deps.db, ctx.organisationId, plan.unassigned.map((u) => u.rideId));
  // Rides of the day still waiting for approval are not planned: the dispatcher should know.
  const awaitingApproval = await deps.db.ride.count({ where: { organisationId: ctx.organisationId, serviceDate: plan.serviceDate, status: 'REQUESTED' } });
  // Drivers' reported delays and the told clients they make late (D62), from the stored reports.
  const delays = await listDelayAlerts(deps.db, ctx.organisationId, plan.id, deps.now());
  return {
    ...toPlanView(plan, options, told),
    awaitingApproval,
    suspendedClients: await suspendedClientsIn(deps, ctx, plan),
    delays,
    earlierChanges: await earlierChangesOf(deps, ctx, plan),
  };
}

/**
 * The changes recorded on the day's earlier plans, newest first: a re-plan starts a new change
 * list, and the day's cancellations, no-shows and breakdowns must not vanish from the board with it.
 */
async function earlierChangesOf(deps: DomainDeps, ctx: OrganisationContext, plan: PlanWithRoutes): Promise<EarlierPlanChangeView[]> {
  const rows = await deps.db.planChange.findMany({
    where: { organisationId: ctx.organisationId, plan: { serviceDate: plan.serviceDate, revision: { lt: plan.revision } } },
    include: { plan: { select: { revision: true } } },
    orderBy: [{ at: 'desc' }, { version: 'desc' }],
    take: 500,
  });
  return rows.map((c) => ({ ...toChangeView(c), planRevision: c.plan.revision }));
}

/** Clients suspended on the plan's day with rides still booked in it (D59): the board says so. */
async function suspendedClientsIn(deps: DomainDeps, ctx: OrganisationContext, plan: PlanWithRoutes): Promise<SuspendedClientInPlan[]> {
  const rides = [...plan.routes.flatMap((r) => r.stops.map((s) => s.ride)), ...plan.unassigned.map((u) => u.ride)].filter((r) =>
    (UNSERVED_STATUSES as readonly string[]).includes(r.status),
  );
  const ridesOf = new Map<string, Set<string>>();
  for (const r of rides) ridesOf.set(r.client.id, (ridesOf.get(r.client.id) ?? new Set()).add(r.id));
  if (ridesOf.size === 0) return [];
  const suspended = await deps.db.client.findMany({
    where: { organisationId: ctx.organisationId, id: { in: [...ridesOf.keys()] }, suspendedFrom: { lte: plan.serviceDate }, suspendedUntil: { gte: plan.serviceDate } },
    select: { id: true, firstName: true, lastName: true, suspendedFrom: true, suspendedUntil: true, suspensionReason: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  return suspended.map((c) => ({
    client: { id: c.id, name: clientName(c) },
    from: fromDbDate(c.suspendedFrom!),
    until: fromDbDate(c.suspendedUntil!),
    reason: c.suspensionReason ?? '',
    rides: ridesOf.get(c.id)?.size ?? 0,
  }));
}

export async function listPlans(deps: DomainDeps, ctx: OrganisationContext, date: string) {
  const plans = await listPlansOfDay(deps.db, ctx.organisationId, date);
  return plans.map((p) => ({
    id: p.id,
    date: fromDbDate(p.serviceDate),
    revision: p.revision,
    status: p.status,
    progress: p.progress,
    createdAt: p.createdAt.toISOString(),
    finishedAt: p.finishedAt?.toISOString() ?? null,
  }));
}
