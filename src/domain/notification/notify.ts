/**
 * Telling clients their pickup window (issue #8). A notification is a row written here (the
 * outbox); the worker sends it through the configured channel (send-notification.ts), so a
 * gateway that is down, or a crash, loses nothing. Idempotent per ride and window: a pickup still
 * inside the window last told makes nothing; one that leaves it makes a new notification. The recipient (a phone,
 * or with the e-mail channel the caseworker's e-mail: deps.notifyBy) is chosen here, when recorded.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { fromDbDate, minutesNowIn, toDbDate, todayIn } from '../common/time.js';
import { keepsToldWindow, pickupText, pickupWindowOf, recipientOf } from './pickup-window.rules.js';
import { clientName } from '../booking/client-name.js';

export type NotificationKind = 'EVENING_BEFORE' | 'PICKUP_CHANGED';
/** The kind of a ride's first window: the evening run's, whenever it is sent ("Przypomnienie o przejeździe"). */
const FIRST_NOTICE: NotificationKind = 'EVENING_BEFORE';

/** Only a ride still to be picked up is told its window. */
const TO_BE_PICKED_UP = ['APPROVED', 'SCHEDULED'] as const;

/**
 * Records, for the worker to send, the current pickup window of each ride, taken from the plan of
 * its day that drivers drive (planToTell). Rides not in that plan, cancelled or already picked up
 * are left alone. The LIVE-PLAN edits call this after a change to a published plan.
 */
export async function notifyPickupChanged(deps: DomainDeps, ctx: OrganisationContext, rideIds: readonly string[]): Promise<void> {
  await recordPickupNotifications(deps, ctx.organisationId, rideIds, 'PICKUP_CHANGED');
}

/**
 * After a plan reaches drivers (published, or a re-plan of a published day), every client already
 * told a pickup window for a ride in it is told the new one if the pickup left the told window
 * ("ZMIANA godziny odbioru"). A client not told yet hears it the evening before, as everyone does; on the day
 * itself that evening has passed, so a plan for today tells them at once. Idempotent: a window
 * already told makes nothing, so a retried job or a repeated publish sends nothing twice.
 */
export async function notifyChangedPickups(deps: DomainDeps, organisationId: string, planId: string): Promise<number> {
  const plan = await deps.db.plan.findUniqueOrThrow({ where: { id: planId }, select: { serviceDate: true, organisation: { select: { timeZone: true } } } });
  const isToday = fromDbDate(plan.serviceDate) <= todayIn(plan.organisation.timeZone, deps.now());
  const told = await deps.db.planStop.findMany({
    where: { organisationId, kind: 'PICKUP', route: { planId }, ...(isToday ? {} : { ride: { notifications: { some: {} } } }) },
    select: { rideId: true },
  });
  return recordPickupNotifications(deps, organisationId, told.map((s) => s.rideId), 'PICKUP_CHANGED', async () => planId);
}

/**
 * The work behind notifyPickupChanged and the evening-before job. `planOf` picks the plan of a
 * day (default: planToTell). Returns how many notifications were recorded.
 */
export async function recordPickupNotifications(
  deps: DomainDeps,
  organisationId: string,
  rideIds: readonly string[],
  kind: NotificationKind,
  planOf: (date: string) => Promise<string | null> = (date) => planToTell(deps, organisationId, date),
): Promise<number> {
  if (rideIds.length === 0) return 0;
  const org = await findOrganisationById(deps.db, organisationId);
  if (!org) return 0;
  const rides = await deps.db.ride.findMany({
    where: { organisationId, id: { in: [...new Set(rideIds)] }, status: { in: [...TO_BE_PICKED_UP] } },
    include: { client: { include: { caseworkerUser: { select: { email: true } } } }, fromPlace: true },
  });
  const dates = [...new Set(rides.map((r) => fromDbDate(r.serviceDate)))];
  let recorded = 0;
  for (const date of dates) {
    const planId = await planOf(date);
    if (!planId) continue;
    const ofDay = rides.filter((r) => fromDbDate(r.serviceDate) === date);
    const stops = await deps.db.planStop.findMany({
      where: { organisationId, kind: 'PICKUP', rideId: { in: ofDay.map((r) => r.id) }, route: { planId } },
      select: { rideId: true, serviceStartSec: true },
    });
    // A window already over is not worth a message (a day planned after its first pickups).
    const nowMin = date === todayIn(org.timeZone, deps.now()) ? minutesNowIn(org.timeZone, deps.now()) : -1;
    for (const stop of stops) {
      const ride = ofDay.find((r) => r.id === stop.rideId)!;
      const window = pickupWindowOf(stop.serviceStartSec, org.rules.notifications.pickupToleranceMin);
      if (window.toMin < nowMin) continue;
      const to = recipientOf({ ...ride.client, caseworkerEmail: ride.client.caseworkerUser?.email?.trim() || null }, deps.notifyBy ?? 'phone');
      const text = (kindTold: NotificationKind) =>
        pickupText({
          kind: kindTold,
          organisationName: org.name,
          date,
          window,
          clientName: clientName(ride.client),
          recipientKind: to.kind,
          fromAddress: ride.fromPlace.address,
        });
      const made = await deps.db.$transaction(async (tx) => {
        // One decision per ride at a time, so two edits at once cannot both add the same window.
        await tx.$queryRaw`SELECT id FROM ride WHERE id = ${ride.id}::uuid FOR UPDATE`;
        const last = await tx.notification.findFirst({
          where: { organisationId, rideId: ride.id },
          orderBy: { createdAt: 'desc' },
          select: { windowFromMin: true, windowToMin: true },
        });
        if (last && keepsToldWindow({ fromMin: last.windowFromMin, toMin: last.windowToMin }, stop.serviceStartSec)) return false;
        // A window never told before is no "change": a ride fitted in, or a day published late.
        const kindTold = last ? kind : FIRST_NOTICE;
        await tx.notification.create({
          data: {
            organisationId,
            rideId: ride.id,
            clientId: ride.clientId,
            serviceDate: toDbDate(date),
            kind: kindTold,
            windowFromMin: window.fromMin,
            windowToMin: window.toMin,
            recipientKind: to.kind,
            recipient: to.address,
            text: text(kindTold),
            status: to.address ? 'PENDING' : 'NO_RECIPIENT',
          },
        });
        return true;
      });
      if (made) recorded++;
    }
  }
  return recorded;
}

/**
 * The plan clients are told from: the day's newest published plan (what drivers drive), or before
 * any publication, the newest DONE one.
 */
export async function planToTell(deps: DomainDeps, organisationId: string, date: string): Promise<string | null> {
  const where = { organisationId, serviceDate: toDbDate(date), status: 'DONE' as const };
  const published = await deps.db.plan.findFirst({ where: { ...where, publishedAt: { not: null } }, orderBy: { revision: 'desc' }, select: { id: true } });
  if (published) return published.id;
  const done = await deps.db.plan.findFirst({ where, orderBy: { revision: 'desc' }, select: { id: true } });
  return done?.id ?? null;
}
