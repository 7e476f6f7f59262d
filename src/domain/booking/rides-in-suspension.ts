import { AppError } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { listRidesOfClient } from '../../db/repositories/ride.repo.js';
import { organisationToday } from '../organisation/organisation-today.js';
import { getClient } from './manage-clients.js';
import { cancelRide } from './manage-rides.js';
import { CANCELLED_STATUSES, UNSERVED_STATUSES } from './ride.rules.js';
import type { RideView } from './ride.schema.js';
import type { ClientView } from './client.schema.js';

/**
 * A suspension refuses new bookings, but rides booked before it stay (D23: they may be medical
 * appointments, so a person decides). Nobody was shown them, so a vehicle went to the door of a
 * client in hospital. The client card and the plan now list them, and they can be cancelled in
 * one step (D59). Cancelled so, a weekly ride leaves its pattern: lifted early, the suspension's
 * remaining days are made again by the daily run.
 */

/** The part of a suspension still ahead of `today`; null when there is none. */
export function suspensionAhead(s: ClientView['suspension'], today: string): { from: string; until: string } | null {
  if (!s || s.until < today) return null;
  return { from: s.from < today ? today : s.from, until: s.until };
}

/** What the ride's history and the driver's change list say about such a cancellation. */
export const suspensionCancelReason = (reason: string): string => (reason.trim() ? `zawieszenie klienta: ${reason.trim()}` : 'zawieszenie klienta');

const stillBooked = (r: RideView) => (UNSERVED_STATUSES as readonly string[]).includes(r.status);

export interface RidesInSuspension {
  /** The suspension's days still ahead (from today on); null when the client is not suspended then. */
  readonly period: { readonly from: string; readonly until: string } | null;
  readonly reason: string | null;
  /** Rides still booked (awaiting approval, approved or planned) in the period, in date order. */
  readonly items: RideView[];
}

export async function listRidesInSuspension(deps: DomainDeps, ctx: OrganisationContext, clientId: string): Promise<RidesInSuspension> {
  const client = await getClient(deps, ctx, clientId);
  const period = suspensionAhead(client.suspension, await organisationToday(deps, ctx.organisationId));
  if (!period) return { period: null, reason: client.suspension?.reason ?? null, items: [] };
  const rides = await listRidesOfClient(deps.db, ctx.organisationId, clientId, { from: period.from, to: period.until });
  return { period, reason: client.suspension?.reason ?? null, items: rides.filter(stillBooked) };
}

/**
 * Cancels every ride still booked in the client's suspension, each as a caseworker's cancellation
 * would (history, the live plan and the driver's change list; after the cut-off as a late one).
 * One ride refused (it started meanwhile) does not stop the others: the answer names it.
 */
export async function cancelRidesInSuspension(
  deps: DomainDeps,
  ctx: OrganisationContext,
  clientId: string,
): Promise<{ cancelled: RideView[]; notCancelled: { rideId: string; message: string; messageEn: string }[] }> {
  const { period, reason, items } = await listRidesInSuspension(deps, ctx, clientId);
  if (!period) {
    throw new AppError('CONFLICT', 'Klient nie jest zawieszony w dniach, które są przed nami', { messageEn: 'The client is not suspended on any day ahead' });
  }
  const cancelled: RideView[] = [];
  const notCancelled: { rideId: string; message: string; messageEn: string }[] = [];
  for (const ride of items) {
    try {
      const done = await cancelRide(deps, ctx, ride.id, suspensionCancelReason(reason ?? ''));
      // A weekly pattern's day is made once (one ride per pattern, day and leg): a cancelled ride
      // left on the pattern would keep the day taken after the suspension is lifted early. Off the
      // pattern, the daily run makes the days still ahead again once the client may ride. (Were the
      // process to stop between the two writes, the day simply stays cancelled, as before.)
      if (done.recurringRideId) {
        await deps.db.ride.updateMany({ where: { organisationId: ctx.organisationId, id: done.id, status: { in: [...CANCELLED_STATUSES] } }, data: { recurringRideId: null, recurringLeg: null } });
      }
      cancelled.push(done.recurringRideId ? { ...done, recurringRideId: null } : done);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      notCancelled.push({ rideId: ride.id, message: err.message, messageEn: err.messageEn });
    }
  }
  return { cancelled, notCancelled };
}
