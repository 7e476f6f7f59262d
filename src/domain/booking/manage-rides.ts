import { AppError, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { cancelRideVersioned, findRide, listRideHistory, listRidesOfDay, type RideStatusChange } from '../../db/repositories/ride.repo.js';
import type { RideStatus, RideView } from './ride.schema.js';

export async function getRide(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<RideView> {
  const r = await findRide(deps.db, ctx.organisationId, id);
  if (!r) throw notFound('przejazd', 'ride');
  return r;
}

/** A ride with every change of its status: who, when, why. */
export async function getRideWithHistory(
  deps: DomainDeps,
  ctx: OrganisationContext,
  id: string,
): Promise<RideView & { history: RideStatusChange[] }> {
  const ride = await getRide(deps, ctx, id);
  return { ...ride, history: await listRideHistory(deps.db, ctx.organisationId, id) };
}

export function listRides(deps: DomainDeps, ctx: OrganisationContext, date: string, status?: RideStatus): Promise<RideView[]> {
  return listRidesOfDay(deps.db, ctx.organisationId, date, status);
}

/**
 * Cancels a ride with a reason. The ride is kept for the reports; the next plan of the day leaves
 * it out. The change goes into the ride's history; late cancellations come with issue #5's rules.
 */
export async function cancelRide(deps: DomainDeps, ctx: OrganisationContext, id: string, reason: string): Promise<RideView> {
  const ride = await getRide(deps, ctx, id);
  if (ride.status === 'CANCELLED') return ride;
  const done = await deps.db.$transaction((tx) => cancelRideVersioned(tx, ctx.organisationId, ride, reason, deps.now(), ctx.actor));
  if (!done) {
    throw new AppError('CONFLICT', 'Przejazd zmienił się w międzyczasie; spróbuj ponownie', { messageEn: 'The ride changed meanwhile; try again' });
  }
  return getRide(deps, ctx, id);
}
