/**
 * The evening before: every client with a ride tomorrow in the day's plan is told the pickup
 * window (issue #8). The plan is tomorrow's newest published one, or while plans are not published
 * yet, the newest DONE one. Run daily by the worker; idempotent (same window → no new message).
 */
import type { DomainDeps } from '../deps.js';
import { addDays, todayIn } from '../common/time.js';
import { planToTell, recordPickupNotifications } from './notify.js';

export async function notifyEveningBefore(deps: DomainDeps, options: { organisationId?: string } = {}): Promise<{ organisations: number; recorded: number }> {
  const orgs = await deps.db.organisation.findMany({
    where: options.organisationId ? { id: options.organisationId } : {},
    select: { id: true, timeZone: true },
  });
  let recorded = 0;
  for (const org of orgs) {
    const tomorrow = addDays(todayIn(org.timeZone, deps.now()), 1);
    const planId = await planToTell(deps, org.id, tomorrow);
    if (!planId) continue;
    const stops = await deps.db.planStop.findMany({
      where: { organisationId: org.id, kind: 'PICKUP', route: { planId } },
      select: { rideId: true },
    });
    recorded += await recordPickupNotifications(deps, org.id, stops.map((s) => s.rideId), 'EVENING_BEFORE', async () => planId);
  }
  return { organisations: orgs.length, recorded };
}
