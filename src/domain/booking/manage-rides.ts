import { AppError, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { cancelRideVersioned, findRide, listRideHistory, listRidesOfDay, moveRidesStatus, type RideStatusChange } from '../../db/repositories/ride.repo.js';
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
  if (!['REQUESTED', 'APPROVED', 'SCHEDULED'].includes(ride.status)) {
    throw new AppError('CONFLICT', `Nie można odwołać przejazdu w stanie ${ride.status}: ma już wynik`, {
      messageEn: `A ride in status ${ride.status} cannot be cancelled: it already has an outcome`,
    });
  }
  const done = await deps.db.$transaction((tx) => cancelRideVersioned(tx, ctx.organisationId, ride, reason, deps.now(), ctx.actor));
  if (!done) {
    throw new AppError('CONFLICT', 'Przejazd zmienił się w międzyczasie; spróbuj ponownie', { messageEn: 'The ride changed meanwhile; try again' });
  }
  return getRide(deps, ctx, id);
}

/** A dispatcher approves a ride that leaves the gmina: it will be planned. */
export async function approveRide(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<RideView> {
  return decide(deps, ctx, id, 'APPROVED', 'zatwierdzony / approved');
}

/** A dispatcher turns a ride down with a reason; it stays on record as unmet need. */
export async function turnDownRide(deps: DomainDeps, ctx: OrganisationContext, id: string, reason: string): Promise<RideView> {
  return decide(deps, ctx, id, 'TURNED_DOWN', reason);
}

async function decide(deps: DomainDeps, ctx: OrganisationContext, id: string, to: 'APPROVED' | 'TURNED_DOWN', reason: string): Promise<RideView> {
  const ride = await getRide(deps, ctx, id);
  if (ride.status === to) return ride;
  if (ride.status !== 'REQUESTED') {
    throw new AppError('CONFLICT', `Przejazd nie czeka na decyzję (status: ${ride.status})`, { messageEn: `The ride is not awaiting a decision (status: ${ride.status})` });
  }
  const moved = await deps.db.$transaction((tx) => moveRidesStatus(tx, ctx.organisationId, [id], 'REQUESTED', to, ctx.actor, reason));
  if (!moved) throw new AppError('CONFLICT', 'Przejazd zmienił się w międzyczasie; spróbuj ponownie', { messageEn: 'The ride changed meanwhile; try again' });
  return getRide(deps, ctx, id);
}
