/**
 * An urgent ride into the running plan (issue #8): the cheapest feasible place over every
 * vehicle in service whose route is not locked, after what each has already driven and around
 * who is on board; the other stops keep their order. Or the reason it cannot fit, and the ride
 * joins the plan's unassigned list.
 */
import { AppError, notFound } from '../../../errors.js';
import { moveRidesStatus } from '../../../db/repositories/ride.repo.js';
import { bestInsertionOverRoutes, whyNotInserted, withInsertion, type FixedRoute } from '../../../solver/live/fixed-routes.js';
import type { OrganisationContext } from '../../organisation/organisation-context.js';
import { fromDbDate } from '../../common/time.js';
import { formatSeconds } from '../../common/time.js';
import { rideLoad } from '../../booking/ride.rules.js';
import { describeUnassigned, windowThatMatters, type ReasonText } from '../unassigned-reason.js';
import { changedPickups, pickupTimes, prepareLiveInstance, routeWrite, type LiveDeps } from './live-edit.js';
import type { LiveInstance } from './live-instance.js';
import { finishEdit, findRideForPlacing, recordChange, toLiveRide } from './live-plan.query.js';
import { runLiveEdit } from './run-live-edit.js';
import { writeRemaining } from './write-route.js';

export interface InsertionAnswer {
  readonly inserted: true;
  readonly vehicleId: string;
  readonly pickupEtaSec: number;
  readonly dropoffEtaSec: number;
  readonly version: number;
}

/** Why request r fits into none of `routes` (by default the live instance's), in the dispatcher's words. */
export function reasonFor(li: LiveInstance, r: number, routes: readonly FixedRoute[] = li.fixed): ReasonText {
  const ride = li.rides[r]!;
  const req = li.problem.instance.requests[r]!;
  const code = li.routes.length === 0 ? 'capacity' : whyNotInserted(li.problem, routes, r);
  return describeUnassigned(code, { wheelchair: ride.wheelchair, seats: rideLoad(ride)[0], window: windowThatMatters(ride, req), fromName: ride.fromName, toName: ride.toName });
}

export async function insertUrgentRide(deps: LiveDeps, ctx: OrganisationContext, planId: string, input: { rideId: string; version?: number | undefined }): Promise<InsertionAnswer> {
  const org = ctx.organisationId;
  const outcome = await runLiveEdit<InsertionAnswer | { inserted: false; why: ReasonText }>(deps, ctx, planId, input.version, async (tx, loaded) => {
    const ride = await findRideForPlacing(tx, org, input.rideId);
    if (!ride) throw notFound('przejazd', 'ride');
    if (fromDbDate(ride.serviceDate) !== loaded.date) {
      throw new AppError('CONFLICT', `Przejazd jest na ${fromDbDate(ride.serviceDate)}, a plan na ${loaded.date}`, { messageEn: `The ride is for ${fromDbDate(ride.serviceDate)}, the plan for ${loaded.date}` });
    }
    // A retry after a lost answer: the ride is already in the plan; answer where it is.
    for (const route of loaded.routes) {
      const pick = route.stops.find((s) => s.rideId === ride.id && s.kind === 'PICKUP');
      const drop = route.stops.find((s) => s.rideId === ride.id && s.kind === 'DROPOFF');
      if (pick && drop) {
        return { result: { inserted: true as const, vehicleId: route.vehicle.id, pickupEtaSec: pick.serviceStartSec, dropoffEtaSec: drop.serviceStartSec, version: loaded.plan.version } };
      }
    }
    if (ride.status !== 'APPROVED' && ride.status !== 'SCHEDULED') {
      const pl = ride.status === 'REQUESTED' ? 'Przejazd czeka na zatwierdzenie — zatwierdź go przed dołączeniem do planu' : `Przejazdu w stanie ${ride.status} nie można dołączyć do planu`;
      const en = ride.status === 'REQUESTED' ? 'The ride awaits approval — approve it before adding it to the plan' : `A ride in status ${ride.status} cannot be added to the plan`;
      throw new AppError('CONFLICT', pl, { messageEn: en });
    }
    const candidates = loaded.routes.filter((r) => !r.locked && r.outOfServiceMin === null);
    const li = await prepareLiveInstance(deps, loaded, candidates, [{ ride: toLiveRide(ride), from: ride.fromPlace, to: ride.toPlace }]);
    const r = li.requestOf.get(ride.id)!;
    const best = bestInsertionOverRoutes(li.problem, li.fixed, r);
    if (!best) {
      const why = reasonFor(li, r);
      await tx.planUnassigned.upsert({
        where: { planId_rideId: { planId, rideId: ride.id } },
        create: { organisationId: org, planId, rideId: ride.id, reasonCode: why.code, reasonPl: why.pl, reasonEn: why.en },
        update: { reasonCode: why.code, reasonPl: why.pl, reasonEn: why.en },
      });
      const version = await finishEdit(tx, planId);
      await recordChange(tx, org, planId, version, ctx.actor, deps.now(), {
        kind: 'INSERT_FAILED', rideId: ride.id,
        pl: `Pilny przejazd (${ride.fromPlace.name} → ${ride.toPlace.name}) się nie zmieścił: ${why.pl}`,
        en: `Urgent ride (${ride.fromPlace.name} → ${ride.toPlace.name}) did not fit: ${why.en}`,
      });
      return { result: { inserted: false as const, why } };
    }
    const stops = withInsertion(li.fixed[best.vehicle]!.stops, r, best.pickupPos, best.dropoffPos);
    const write = routeWrite(li, best.vehicle, stops);
    const route = li.routes[best.vehicle]!;
    await writeRemaining(tx, org, route, write.next, write.totals);
    await tx.planUnassigned.deleteMany({ where: { planId, rideId: ride.id } });
    await moveRidesStatus(tx, org, [ride.id], 'APPROVED', 'SCHEDULED', ctx.actor, 'pilny przejazd dołączony do planu / urgent ride added to the plan');
    const version = await finishEdit(tx, planId);
    const pick = write.next.find((s) => s.rideId === ride.id && s.kind === 'PICKUP')!;
    const drop = write.next.find((s) => s.rideId === ride.id && s.kind === 'DROPOFF')!;
    await recordChange(tx, org, planId, version, ctx.actor, deps.now(), {
      kind: 'INSERT', rideId: ride.id, vehicleId: route.vehicle.id,
      pl: `Nowy przejazd: odbiór ${formatSeconds(pick.serviceStartSec)} ${ride.fromPlace.name} → ${ride.toPlace.name} (${route.vehicle.name})`,
      en: `New ride: pickup ${formatSeconds(pick.serviceStartSec)} ${ride.fromPlace.name} → ${ride.toPlace.name} (${route.vehicle.name})`,
    });
    return {
      result: { inserted: true as const, vehicleId: route.vehicle.id, pickupEtaSec: pick.serviceStartSec, dropoffEtaSec: drop.serviceStartSec, version },
      pickupsChanged: changedPickups(pickupTimes([route]), [write]),
      routesChanged: [route.routeId],
    };
  });
  if (!outcome.inserted) {
    throw new AppError('INSERTION_INFEASIBLE', `Przejazdu nie da się dołączyć do planu: ${outcome.why.pl}`, { messageEn: `The ride cannot be added to the plan: ${outcome.why.en}` });
  }
  return outcome;
}
