/** Locking a route (a re-plan keeps it) and publishing the plan to drivers (issue #6). */
import { AppError } from '../../../errors.js';
import type { OrganisationContext } from '../../organisation/organisation-context.js';
import type { LiveDeps } from './live-edit.js';
import { finishEdit, recordChange } from './live-plan.query.js';
import { runLiveEdit } from './run-live-edit.js';
import { notifyChangedPickups } from '../../notification/notify.js';

export async function lockRoute(deps: LiveDeps, ctx: OrganisationContext, planId: string, vehicleId: string, input: { locked: boolean; version?: number | undefined }) {
  return runLiveEdit(deps, ctx, planId, input.version, async (tx, loaded) => {
    const route = loaded.routes.find((r) => r.vehicle.id === vehicleId);
    if (!route) throw new AppError('NOT_FOUND', 'Ten pojazd nie ma trasy w tym planie', { messageEn: 'This vehicle has no route in this plan' });
    // Setting what is already set changes nothing (a retried request).
    if (route.locked === input.locked) return { result: { locked: route.locked, version: loaded.plan.version } };
    await tx.planRoute.update({ where: { id: route.routeId }, data: { locked: input.locked } });
    const version = await finishEdit(tx, planId);
    await recordChange(tx, ctx.organisationId, planId, version, ctx.actor, deps.now(), {
      kind: input.locked ? 'LOCK' : 'UNLOCK', vehicleId,
      pl: `Trasa pojazdu ${route.vehicle.name} ${input.locked ? 'zablokowana' : 'odblokowana'}`,
      en: `Route of vehicle ${route.vehicle.name} ${input.locked ? 'locked' : 'unlocked'}`,
    });
    return { result: { locked: input.locked, version } };
  });
}

/**
 * Gives the plan to drivers; publishing a published plan answers as before. Clients already told
 * a pickup window that this plan changes are told the new one (a day planned again after the
 * evening-before messages went out).
 */
export async function publishPlan(deps: LiveDeps, ctx: OrganisationContext, planId: string, input: { version?: number | undefined }) {
  let newlyPublished = false;
  const published = await runLiveEdit(deps, ctx, planId, input.version, async (tx, loaded) => {
    if (loaded.plan.publishedAt) return { result: { publishedAt: loaded.plan.publishedAt.toISOString(), version: loaded.plan.version } };
    newlyPublished = true;
    const at = deps.now();
    await tx.plan.update({ where: { id: planId }, data: { publishedAt: at } });
    const version = await finishEdit(tx, planId);
    await recordChange(tx, ctx.organisationId, planId, version, ctx.actor, at, {
      kind: 'PUBLISH', pl: `Plan opublikowany dla kierowców (wersja ${version})`, en: `Plan published to drivers (version ${version})`,
    });
    return { result: { publishedAt: at.toISOString(), version } };
  });
  if (newlyPublished) await notifyChangedPickups(deps, ctx.organisationId, planId);
  return published;
}
