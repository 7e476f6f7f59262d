import { AppError, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { cancelRideVersioned, findRide, listRideHistory, listRidesOfClient, listRidesOfDay, moveRidesStatus, recordTurnDownReason, type RideStatusChange } from '../../db/repositories/ride.repo.js';
import type { RideStatus, RideView } from './ride.schema.js';
import { removeRideFromLivePlan } from '../plan/live/remove-ride-from-plan.js';
import { clientScope } from '../../auth/row-access.js';
import { isCancelled, UNSERVED_STATUSES } from './ride.rules.js';
import { isLateCancellation } from './booking.rules.js';
import { readRules } from '../organisation/organisation-rules.js';

export async function getRide(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<RideView> {
  // A ride of a client outside the caller's caseload is as unknown as a wrong id.
  const r = await findRide(deps.db, ctx.organisationId, id, clientScope(ctx));
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
  return listRidesOfDay(deps.db, ctx.organisationId, date, status, clientScope(ctx));
}

/**
 * One client's rides over a period (the client card: what is coming, what has been). A client
 * outside the caller's caseload is as unknown as a wrong id (D13), not an empty list.
 */
export async function listClientRides(
  deps: DomainDeps,
  ctx: OrganisationContext,
  clientId: string,
  period: { from: string; to: string },
  status?: RideStatus,
): Promise<RideView[]> {
  const client = await deps.db.client.findFirst({ where: { ...clientScope(ctx), id: clientId }, select: { id: true } });
  if (!client) throw notFound('klient', 'client');
  return listRidesOfClient(deps.db, ctx.organisationId, clientId, period, status);
}

/**
 * Cancels a ride with a reason. The ride is kept for the reports; the next plan of the day leaves
 * it out. The change goes into the ride's history. After the day's booking cut-off, as the rule
 * stands now, it becomes LATE_CANCELLED, else CANCELLED: decided once, so a later change of the
 * rule does not rewrite it (D29). The answer's `lateCancelled` mirrors the status.
 */
export async function cancelRide(deps: DomainDeps, ctx: OrganisationContext, id: string, reason: string): Promise<RideView> {
  const ride = await getRide(deps, ctx, id);
  if (isCancelled(ride.status)) return ride;
  if (!(UNSERVED_STATUSES as readonly string[]).includes(ride.status)) {
    throw new AppError('CONFLICT', `Nie można odwołać przejazdu w stanie ${ride.status}: ma już wynik`, {
      messageEn: `A ride in status ${ride.status} cannot be cancelled: it already has an outcome`,
    });
  }
  const at = deps.now();
  const org = await deps.db.organisation.findUniqueOrThrow({ where: { id: ctx.organisationId }, select: { rules: true, timeZone: true } });
  const to = isLateCancellation(ride.date, at, readRules(org.rules), org.timeZone) ? 'LATE_CANCELLED' : 'CANCELLED';
  const done = await deps.db.$transaction((tx) => cancelRideVersioned(tx, ctx.organisationId, ride, to, reason, at, ctx.actor));
  if (!done) {
    throw new AppError('CONFLICT', 'Przejazd zmienił się w międzyczasie; spróbuj ponownie', { messageEn: 'The ride changed meanwhile; try again' });
  }
  // Its stops still ahead leave the day's live plan, and the route is shortened (issue #8).
  await removeRideFromLivePlan(deps, ctx, id, { pl: `odwołany: ${reason}`, en: `cancelled: ${reason}` });
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
  const moved = await deps.db.$transaction(async (tx) => {
    // Dated by the service's clock, as a cancellation is: the booking page lists decisions by when.
    const n = await moveRidesStatus(tx, ctx.organisationId, [id], 'REQUESTED', to, ctx.actor, reason, deps.now());
    // The client card shows a ride's cancelReason beside its status: a turn-down says why there too.
    if (n && to === 'TURNED_DOWN') await recordTurnDownReason(tx, ctx.organisationId, id, reason);
    return n;
  });
  if (!moved) throw new AppError('CONFLICT', 'Przejazd zmienił się w międzyczasie; spróbuj ponownie', { messageEn: 'The ride changed meanwhile; try again' });
  return getRide(deps, ctx, id);
}
