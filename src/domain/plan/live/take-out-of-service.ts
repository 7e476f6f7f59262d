/**
 * A vehicle breaks down (issue #8): from the given time it takes no one new. Until then it works:
 * the stops planned before that time stay on it as driven (whether or not the driver reported
 * them), so a breakdown announced for 10:00 keeps the morning round. Rides it has not
 * yet picked up by then go, one at a time by pickup time, to the cheapest feasible place in the routes
 * of the other vehicles in service (not locked); the rest join the unassigned list with the
 * reason. Passengers already on board are never moved: their drop-offs stay on this vehicle's
 * route (D17) — the crew finishes them or the dispatcher arranges a transfer by phone.
 */
import { AppError } from '../../../errors.js';
import { moveRidesStatus } from '../../../db/repositories/ride.repo.js';
import { bestInsertionOverRoutes, withInsertion, type FixedRoute } from '../../../solver/live/fixed-routes.js';
import type { OrganisationContext } from '../../organisation/organisation-context.js';
import { parseTimeOfDay } from '../../common/time.js';
import { changedPickups, pickupTimes, prepareLiveInstance, routeWrite, type LiveDeps, type RouteWrite } from './live-edit.js';
import { reasonFor } from './insert-urgent-ride.js';
import { isReported, liveRouteOf, type LiveStop } from './live-route.js';
import { finishEdit, recordChange } from './live-plan.query.js';
import { runLiveEdit } from './run-live-edit.js';
import { writeRemaining } from './write-route.js';
import { clientName } from '../../booking/client-name.js';

export interface OutOfServiceAnswer {
  readonly reassigned: readonly string[];
  /** The rides no other vehicle could take, with whose ride it is (the dispatcher phones them) and why. */
  readonly unassigned: readonly { readonly rideId: string; readonly client: string; readonly pl: string; readonly en: string }[];
  /**
   * Passengers in the vehicle at the breakdown: they stay on it (D17), and the dispatcher must
   * send someone for them, so the answer and the change row name them (a walk saw them vanish).
   */
  readonly onBoard: readonly { readonly rideId: string; readonly client: string }[];
  readonly version: number;
}

/**
 * A stop planned before the breakdown counts as served there at its planned time: the split of
 * the route (driven / on board / remaining) then happens at the breakdown, not at the last report.
 * Only the in-memory copy is marked; nothing is written for these stops.
 */
function servedBeforeBreakdown(s: LiveStop): LiveStop {
  return { ...s, events: [...s.events, { kind: 'ARRIVED', sec: s.arrivalSec, delayMin: null }] };
}

export async function takeVehicleOutOfService(
  deps: LiveDeps,
  ctx: OrganisationContext,
  planId: string,
  vehicleId: string,
  input: { from: string; reason: string; version?: number | undefined },
): Promise<OutOfServiceAnswer> {
  const org = ctx.organisationId;
  const fromMin = parseTimeOfDay(input.from);
  return runLiveEdit(deps, ctx, planId, input.version, async (tx, loaded) => {
    const broken = loaded.routes.find((r) => r.vehicle.id === vehicleId);
    if (!broken) throw new AppError('NOT_FOUND', 'Ten pojazd nie ma trasy w tym planie', { messageEn: 'This vehicle has no route in this plan' });
    if (broken.outOfServiceMin !== null) {
      // A retry: answer what was decided the first time.
      const first = await tx.planChange.findFirst({ where: { planId, kind: 'OUT_OF_SERVICE', vehicleId }, orderBy: [{ version: 'asc' }, { at: 'asc' }] });
      const stored = first?.detail as unknown as OutOfServiceAnswer | null;
      return { result: stored ? { ...stored, onBoard: stored.onBoard ?? [] } : { reassigned: [], unassigned: [], onBoard: [], version: loaded.plan.version } };
    }
    const fromSec = fromMin * 60;
    const brokenRoute = { ...broken, outOfServiceMin: fromMin, stops: broken.stops.map((s) => (isReported(s) || s.serviceStartSec >= fromSec ? s : servedBeforeBreakdown(s))) };
    const brokenLive = liveRouteOf(brokenRoute, loaded.nowSec);
    const onBoard = new Set(brokenLive.onBoard.map((b) => b.rideId));
    const toHandOver = [...new Set(brokenLive.remaining.filter((s) => s.kind === 'PICKUP' && !onBoard.has(s.rideId)).map((s) => s.rideId))];
    const others = loaded.routes.filter((r) => r !== broken && !r.locked && r.outOfServiceMin === null);
    // The rides handed over may go on any other route: their places join every route's travel times.
    const li = await prepareLiveInstance(deps, loaded, [brokenRoute, ...others], [], toHandOver);
    const handOver = new Set(toHandOver.map((id) => li.requestOf.get(id)!));
    // Vehicle 0 keeps only the drop-offs of those on board.
    const routes: FixedRoute[] = li.fixed.map((f, v) => (v === 0 ? { ...f, stops: f.stops.filter((n) => !handOver.has(n >> 1)) } : f));
    const order = [...handOver].sort((a, b) => li.problem.nodeTwStart[2 * a]! - li.problem.nodeTwStart[2 * b]!);
    const reassigned: string[] = [];
    const unassigned: { rideId: string; client: string; pl: string; en: string }[] = [];
    const clientOf = new Map(loaded.plan.routes.flatMap((r) => r.stops.map((s) => [s.rideId, clientName(s.ride.client)] as const)));
    const touched = new Set<number>([0]);
    const placedOn = new Map<string, number>();
    for (const r of order) {
      const best = bestInsertionOverRoutes(li.problem, routes.slice(1), r);
      const ride = li.rides[r]!;
      if (!best) {
        const why = reasonFor(li, r, routes.slice(1));
        unassigned.push({ rideId: ride.id, client: clientOf.get(ride.id) ?? '', pl: why.pl, en: why.en });
        await tx.planUnassigned.upsert({
          where: { planId_rideId: { planId, rideId: ride.id } },
          create: { organisationId: org, planId, rideId: ride.id, reasonCode: why.code, reasonPl: why.pl, reasonEn: why.en },
          update: { reasonCode: why.code, reasonPl: why.pl, reasonEn: why.en },
        });
        continue;
      }
      routes[best.vehicle] = { ...routes[best.vehicle]!, stops: withInsertion(routes[best.vehicle]!.stops, r, best.pickupPos, best.dropoffPos) };
      touched.add(best.vehicle);
      reassigned.push(ride.id);
      placedOn.set(ride.id, best.vehicle);
    }
    await tx.planRoute.update({ where: { id: broken.routeId }, data: { outOfServiceMin: fromMin, outOfServiceReason: input.reason } });
    // The broken route is written first: its stops leave it before they join another route.
    const writes: RouteWrite[] = [];
    for (const v of [...touched].sort((a, b) => a - b)) {
      const w = routeWrite(li, v, routes[v]!.stops);
      writes.push(w);
      await writeRemaining(tx, org, li.routes[v]!, w.next, w.totals);
    }
    await moveRidesStatus(tx, org, unassigned.map((u) => u.rideId), 'SCHEDULED', 'APPROVED', ctx.actor, `pojazd ${broken.vehicle.name} wyłączony z ruchu / vehicle out of service: ${input.reason}`);
    const version = await finishEdit(tx, planId);
    const riding = brokenLive.onBoard.map((b) => ({ rideId: b.rideId, client: clientOf.get(b.rideId) ?? '' }));
    const answer: OutOfServiceAnswer = { reassigned, unassigned, onBoard: riding, version };
    const now = deps.now();
    const names = riding.map((b) => b.client).join(', ');
    await recordChange(tx, org, planId, version, ctx.actor, now, {
      kind: 'OUT_OF_SERVICE', vehicleId,
      pl: `Pojazd ${broken.vehicle.name} wyłączony z ruchu od ${input.from} (${input.reason}): przekazane innym: ${reassigned.length}, bez przydziału: ${unassigned.length}${riding.length ? `; w pojeździe zostają: ${names} — wyślij po nich inny pojazd` : ''}`,
      en: `Vehicle ${broken.vehicle.name} out of service from ${input.from} (${input.reason}): handed to others: ${reassigned.length}, unassigned: ${unassigned.length}${riding.length ? `; still in the vehicle: ${names} — send another vehicle for them` : ''}`,
      detail: answer,
    });
    for (const [rideId, v] of placedOn) {
      const to = li.routes[v]!.vehicle;
      const who = clientOf.get(rideId) ?? '';
      await recordChange(tx, org, planId, version, ctx.actor, now, {
        kind: 'MOVE', rideId, vehicleId: to.id,
        pl: `Przejazd ${who} przejęty od pojazdu ${broken.vehicle.name} (awaria) przez ${to.name}`,
        en: `Ride of ${who} taken over from vehicle ${broken.vehicle.name} (out of service) by ${to.name}`,
      });
    }
    return {
      result: answer,
      pickupsChanged: changedPickups(pickupTimes(loaded.routes), writes),
      routesChanged: [...touched].map((v) => li.routes[v]!.routeId),
    };
  });
}
