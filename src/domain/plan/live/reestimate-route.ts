/**
 * After a driver's report: the route's stops get new estimated times, under the plan's row lock
 * so a concurrent edit is not overwritten with times of a sequence that no longer exists. A
 * DELAYED report is also listed in the plan's changes for the dispatcher.
 */
import type { DomainDeps } from '../../deps.js';
import type { OrganisationContext } from '../../organisation/organisation-context.js';
import { formatSeconds } from '../../common/time.js';
import { estimateEtas } from './estimate-etas.js';
import { isReported, liveRouteOf, type LiveStop } from './live-route.js';
import { loadLivePlanForEdit, recordChange } from './live-plan.query.js';

export async function reestimateRoute(
  deps: DomainDeps,
  ctx: OrganisationContext,
  planId: string,
  vehicleId: string,
  /** A new DELAYED report; `before`: the minutes it replaces at that stop (D62), null for a first one. */
  delay?: { readonly sequence: number; readonly minutes: number; readonly before: number | null },
): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const loaded = await loadLivePlanForEdit(tx, ctx.organisationId, planId, deps.now());
    const route = loaded.routes.find((r) => r.vehicle.id === vehicleId);
    if (!route || route.stops.length === 0) return;
    // The delay that counts is chosen as edits and re-plans choose it (the newest, D62).
    const { announced } = liveRouteOf(route, loaded.nowSec);
    const etas = estimateEtas(route.startSec, route.stops, loaded.nowSec, await legAfterLastReport(deps, route.stops, loaded.places), announced);
    await tx.$executeRaw`
      UPDATE plan_stop AS s SET eta_sec = v.eta
      FROM unnest(${route.stops.map((s) => s.id)}::uuid[], ${etas}::float8[]) AS v(id, eta)
      WHERE s.id = v.id`;
    if (delay) {
      const stop = route.stops[delay.sequence - 1];
      const eta = etas[delay.sequence - 1];
      const where = { pl: `przystanek ${delay.sequence}${eta !== undefined ? `, szacunkowo ${formatSeconds(eta)}` : ''}`, en: `stop ${delay.sequence}${eta !== undefined ? `, estimated ${formatSeconds(eta)}` : ''}` };
      // A second figure at the same stop says what it replaces: the dispatcher reads the change list in order.
      const was = delay.before !== null && delay.before !== delay.minutes ? { pl: `, wcześniej ${delay.before} min`, en: `, was ${delay.before} min` } : { pl: '', en: '' };
      await recordChange(tx, ctx.organisationId, planId, loaded.plan.version, ctx.actor, deps.now(), {
        kind: 'DELAY', vehicleId, rideId: stop?.rideId ?? null,
        pl: `Kierowca ${route.vehicle.name} zgłasza ${delay.minutes} min opóźnienia (${where.pl}${was.pl})`,
        en: `Driver of ${route.vehicle.name} reports ${delay.minutes} min delay (${where.en}${was.en})`,
      });
    }
  });
}

/**
 * Driving time from the last stop the driver reported to the next one (estimateEtas), from the
 * same travel times live edits use; undefined without them or with nothing reported or ahead.
 */
async function legAfterLastReport(
  deps: DomainDeps,
  stops: readonly LiveStop[],
  places: ReadonlyMap<string, { lat: number; lon: number }>,
): Promise<number | undefined> {
  const last = stops.findLastIndex(isReported);
  const next = stops[last + 1];
  if (last < 0 || !next || !deps.travelTimes) return undefined;
  const from = places.get(stops[last]!.placeId);
  const to = places.get(next.placeId);
  if (!from || !to) return undefined;
  const m = await deps.travelTimes.matrix([from, to]);
  const leg = m.durationsSec[1]!;
  return Number.isFinite(leg) ? leg : undefined;
}
