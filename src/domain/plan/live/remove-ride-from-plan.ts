/**
 * A cancelled ride, or a no-show, leaves the live plan (issue #8): its stops still ahead are
 * removed and the route is shortened and re-timed; stops the driver already reported on stay
 * (they were driven). Runs after the ride's own change has committed.
 */
import type { OrganisationContext } from '../../organisation/organisation-context.js';
import { fromDbDate } from '../../common/time.js';
import { changedPickups, pickupTimes, prepareLiveInstance, routeWrite, type LiveDeps } from './live-edit.js';
import { liveRouteOf } from './live-route.js';
import { finishEdit, recordChange } from './live-plan.query.js';
import { runLiveEdit } from './run-live-edit.js';
import { writeRemaining } from './write-route.js';
import { clientName } from '../../booking/client-name.js';

export async function removeRideFromLivePlan(deps: LiveDeps, ctx: OrganisationContext, rideId: string, why: { pl: string; en: string }): Promise<void> {
  const ride = await deps.db.ride.findFirst({ where: { organisationId: ctx.organisationId, id: rideId }, include: { client: true } });
  if (!ride) return;
  const live = await deps.db.plan.findFirst({
    where: { organisationId: ctx.organisationId, serviceDate: ride.serviceDate, status: 'DONE' },
    orderBy: { revision: 'desc' },
    select: { id: true },
  });
  if (!live) return;
  await runLiveEdit(deps, ctx, live.id, undefined, async (tx, loaded) => {
    const { count: wasUnassigned } = await tx.planUnassigned.deleteMany({ where: { planId: live.id, rideId } });
    const source = loaded.routes.find((r) => r.stops.some((s) => s.rideId === rideId));
    const ahead = source ? liveRouteOf(source, loaded.nowSec).remaining.filter((s) => s.rideId === rideId) : [];
    if (!source || ahead.length === 0) {
      // Nothing ahead to remove (already removed, or never placed): only the unassigned list changed, if anything.
      if (wasUnassigned > 0) await finishEdit(tx, live.id);
      return { result: undefined };
    }
    const li = await prepareLiveInstance(deps, loaded, [source], []);
    const r = li.requestOf.get(rideId);
    const write = routeWrite(li, 0, r === undefined ? li.fixed[0]!.stops : li.fixed[0]!.stops.filter((n) => n >> 1 !== r));
    await writeRemaining(tx, ctx.organisationId, li.routes[0]!, write.next, write.totals);
    const version = await finishEdit(tx, live.id);
    const who = clientName(ride.client);
    await recordChange(tx, ctx.organisationId, live.id, version, ctx.actor, deps.now(), {
      kind: 'REMOVE', rideId, vehicleId: source.vehicle.id,
      pl: `Przejazd ${who} usunięty z trasy ${source.vehicle.name} (${fromDbDate(ride.serviceDate)}): ${why.pl}`,
      en: `Ride of ${who} removed from ${source.vehicle.name}'s route (${fromDbDate(ride.serviceDate)}): ${why.en}`,
    });
    return { result: undefined, pickupsChanged: changedPickups(pickupTimes([source]), [write]), routesChanged: [source.routeId] };
  });
}
