/** The dispatcher's view of what clients were told about a day, and whether it reached them. */
import { z } from 'zod';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { DateSchema } from '../common/schemas.js';
import { formatMinutes, fromDbDate, toDbDate } from '../common/time.js';
import { clientName } from '../booking/client-name.js';

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
