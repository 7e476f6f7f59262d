/**
 * One live edit: a transaction holding the plan's row lock, the client's version checked, and
 * after commit the follow-ups that need no lock — telling clients whose pickup moved (published
 * plans only) and fetching the road geometry of the routes that changed.
 */
import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../errors.js';
import { notifyPickupChanged } from '../../notification/notify.js';
import type { OrganisationContext } from '../../organisation/organisation-context.js';
import { loadLivePlanForEdit, type LoadedLivePlan } from './live-plan.query.js';
import { travelTimesOf, type LiveDeps } from './live-edit.js';
import type { PlanChangeMessage } from './plan-change-message.js';

export interface EditOutcome<T> {
  readonly result: T;
  /** Rides whose pickup time changed. */
  readonly pickupsChanged?: readonly string[];
  /** Routes whose stops changed (their geometry is fetched again). */
  readonly routesChanged?: readonly string[];
}

export const versionConflict = (current: number) =>
  new AppError('VERSION_CONFLICT', `Plan zmienił się w międzyczasie (wersja ${current}); odśwież widok i spróbuj ponownie`, {
    messageEn: `The plan changed meanwhile (version ${current}); refresh and try again`,
  });

export async function runLiveEdit<T>(
  deps: LiveDeps,
  ctx: OrganisationContext,
  planId: string,
  version: number | undefined,
  edit: (tx: Tx, loaded: LoadedLivePlan) => Promise<EditOutcome<T>>,
): Promise<T> {
  let published = false;
  let announcement: PlanChangeMessage | null = null;
  const outcome = await deps.db.$transaction(
    async (tx) => {
      const loaded = await loadLivePlanForEdit(tx, ctx.organisationId, planId, deps.now());
      if (version !== undefined && version !== loaded.plan.version) throw versionConflict(loaded.plan.version);
      published = loaded.plan.publishedAt !== null;
      const done = await edit(tx, loaded);
      if (deps.planChanges) announcement = await changeMade(tx, planId, loaded.date, loaded.plan.version);
      return done;
    },
    // Travel times are fetched inside (from the cell cache, normally in milliseconds).
    { timeout: 30_000, maxWait: 30_000 },
  );
  const told = announcement as PlanChangeMessage | null;
  try {
    if (published && outcome.pickupsChanged?.length) {
      await notifyPickupChanged(deps, ctx, outcome.pickupsChanged);
    }
    if (outcome.routesChanged?.length) await refreshGeometry(deps, ctx.organisationId, outcome.routesChanged);
  } finally {
    // Committed, and with the new road lines: now the open boards and drivers' pages may read it.
    if (told) await deps.planChanges?.publish(ctx.organisationId, told);
  }
  return outcome.result;
}

/** The message for the open pages, read under the plan's lock; null when the edit changed nothing. */
async function changeMade(tx: Tx, planId: string, date: string, before: number): Promise<PlanChangeMessage | null> {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { version: true } });
  if (plan.version === before) return null;
  const change = await tx.planChange.findFirst({ where: { planId, version: plan.version }, orderBy: { at: 'desc' }, select: { kind: true } });
  return { planId, date, version: plan.version, kind: change?.kind ?? 'EDIT' };
}

/** The road line through each changed route; a routing failure leaves it empty (the map draws stops). */
async function refreshGeometry(deps: LiveDeps, organisationId: string, routeIds: readonly string[]): Promise<void> {
  const routes = await deps.db.planRoute.findMany({
    where: { organisationId, id: { in: [...routeIds] } },
    include: { vehicle: { include: { depot: true } }, stops: { orderBy: { sequence: 'asc' }, include: { ride: { include: { fromPlace: true, toPlace: true } } } } },
  });
  await Promise.all(
    routes.map(async (r) => {
      if (r.stops.length === 0) return;
      const points = [r.vehicle.depot, ...r.stops.map((s) => (s.kind === 'PICKUP' ? s.ride.fromPlace : s.ride.toPlace)), r.vehicle.depot];
      try {
        const line = await travelTimesOf(deps).route(points);
        await deps.db.planRoute.updateMany({ where: { id: r.id }, data: { geometry: { type: 'LineString', coordinates: line.coordinates } } });
      } catch {
        // Geometry is a convenience; the plan stands without it.
      }
    }),
  );
}
