import { AppError, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { cancelRideVersioned, findRide, listRidesOfDay } from '../../db/repositories/ride.repo.js';
import type { RideStatus, RideView } from './ride.schema.js';

export async function getRide(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<RideView> {
  const r = await findRide(deps.db, ctx.organisationId, id);
  if (!r) throw notFound('przejazd', 'ride');
  return r;
}

export function listRides(deps: DomainDeps, ctx: OrganisationContext, date: string, status?: RideStatus): Promise<RideView[]> {
  return listRidesOfDay(deps.db, ctx.organisationId, date, status);
}

/**
 * Cancels a ride with a reason. The ride is kept for the reports; the next plan of the day leaves
 * it out. The full status history (who, when, late cancellations) comes with issue #5.
 */
export async function cancelRide(deps: DomainDeps, ctx: OrganisationContext, id: string, reason: string): Promise<RideView> {
  const ride = await getRide(deps, ctx, id);
  if (ride.status === 'CANCELLED') return ride;
  if (!(await cancelRideVersioned(deps.db, ctx.organisationId, id, ride.version, reason, deps.now()))) {
    throw new AppError('CONFLICT', 'Przejazd zmienił się w międzyczasie; spróbuj ponownie', { messageEn: 'The ride changed meanwhile; try again' });
  }
  return getRide(deps, ctx, id);
}
