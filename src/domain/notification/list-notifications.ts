/** The dispatcher's view of what clients were told about a day, and whether it reached them. */
import { z } from 'zod';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { DateSchema } from '../common/schemas.js';
import { formatMinutes, fromDbDate, toDbDate } from '../common/time.js';
import { clientName } from '../booking/client-name.js';
import { lastToldWindows, toldWindowText } from './told-windows.query.js';
import { recipientOf } from './pickup-window.rules.js';

export const NotificationListQuerySchema = z.object({
  date: DateSchema,
  status: z.enum(['PENDING', 'SENT', 'FAILED', 'NO_RECIPIENT']).optional(),
});

export interface NotificationView {
  readonly id: string;
  readonly rideId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly date: string;
  readonly kind: 'EVENING_BEFORE' | 'PICKUP_CHANGED';
  readonly window: { readonly from: string; readonly to: string };
  readonly recipientKind: string;
  readonly recipient: string | null;
  readonly text: string;
  readonly status: 'PENDING' | 'SENT' | 'FAILED' | 'NO_RECIPIENT';
  readonly channel: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export async function listNotifications(
  deps: DomainDeps,
  ctx: OrganisationContext,
  query: z.infer<typeof NotificationListQuerySchema>,
): Promise<NotificationView[]> {
  const rows = await deps.db.notification.findMany({
    where: { organisationId: ctx.organisationId, serviceDate: toDbDate(query.date), ...(query.status ? { status: query.status } : {}) },
    include: { ride: { select: { client: { select: { firstName: true, lastName: true } } } } },
    orderBy: [{ createdAt: 'desc' }],
  });
  return rows.map((n) => ({
    id: n.id,
    rideId: n.rideId,
    clientId: n.clientId,
    clientName: clientName(n.ride.client),
    date: fromDbDate(n.serviceDate),
    kind: n.kind,
    window: { from: formatMinutes(n.windowFromMin), to: formatMinutes(n.windowToMin) },
    recipientKind: n.recipientKind,
    recipient: n.recipient,
    text: n.text,
    status: n.status,
    channel: n.channel,
    attempts: n.attempts,
    lastError: n.lastError,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
  }));
}

/**
 * A ride the day's live plan leaves without a vehicle: no message tells its client (there is no
 * "your ride is off" kind, D54), so the office must phone them — whether they were told a window
 * (they will wait at the door) or not (they expect a ride they booked).
 */
export interface UnplacedToCall {
  readonly rideId: string;
  readonly clientId: string;
  readonly clientName: string;
  /** The client's phone, else the caseworker's (as notifications choose, recipientOf). */
  readonly phone: string | null;
  readonly fromName: string;
  readonly toName: string;
  /** The last pickup window the client was told (sent or waiting to go); null when never told. */
  readonly told: { readonly from: string; readonly to: string } | null;
  readonly reason: string;
  readonly reasonEn: string;
}

/** The rides of the newest finished plan of the day left unplaced, still booked (not cancelled or ended). */
export async function listUnplacedToCall(deps: DomainDeps, ctx: OrganisationContext, date: string): Promise<UnplacedToCall[]> {
  const plan = await deps.db.plan.findFirst({
    where: { organisationId: ctx.organisationId, serviceDate: toDbDate(date), status: 'DONE' },
    orderBy: { revision: 'desc' },
    select: {
      unassigned: {
        select: {
          rideId: true, reasonPl: true, reasonEn: true,
          ride: { select: { status: true, clientId: true, client: { select: { firstName: true, lastName: true, phone: true, caseworkerPhone: true } }, fromPlace: { select: { name: true } }, toPlace: { select: { name: true } } } },
        },
      },
    },
  });
  const waiting = (plan?.unassigned ?? []).filter((u) => u.ride.status === 'APPROVED' || u.ride.status === 'SCHEDULED');
  if (waiting.length === 0) return [];
  const told = await lastToldWindows(deps.db, ctx.organisationId, waiting.map((u) => u.rideId));
  return waiting
    .map((u) => ({
      rideId: u.rideId,
      clientId: u.ride.clientId,
      clientName: clientName(u.ride.client),
      phone: recipientOf(u.ride.client).address,
      fromName: u.ride.fromPlace.name,
      toName: u.ride.toPlace.name,
      told: toldWindowText(told.get(u.rideId)),
      reason: u.reasonPl,
      reasonEn: u.reasonEn,
    }))
    // Those told a window first: they are the ones waiting at the door.
    .sort((a, b) => Number(b.told !== null) - Number(a.told !== null) || a.clientName.localeCompare(b.clientName, 'pl'));
}
