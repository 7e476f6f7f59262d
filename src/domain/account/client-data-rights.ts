/**
 * The data subject's rights (RODO art. 15 and 17): a copy of everything held about a client, and
 * erasure where the law allows. Rides inside the retention period are settlement records the
 * centre must keep, so erasure is refused while any exist, saying until when; after that the
 * client is anonymised (reports keep counting them) or, with no rides at all, deleted.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit-entry.js';
import { fromDbDate, todayIn, toDbDate } from '../common/time.js';
import { anonymiseClientIn } from './anonymise-client.js';
import { retentionCutoff } from './client-retention.js';

export async function exportClientData(deps: DomainDeps, ctx: OrganisationContext, clientId: string) {
  const client = await deps.db.client.findFirst({
    where: { organisationId: ctx.organisationId, id: clientId },
    include: { homePlace: true },
  });
  if (!client) throw notFound('klient', 'client');
  const [rides, recurringRides, audit] = await Promise.all([
    deps.db.ride.findMany({
      where: { organisationId: ctx.organisationId, clientId },
      include: { fromPlace: { select: { name: true, address: true } }, toPlace: { select: { name: true, address: true } }, events: { omit: { seq: true }, orderBy: { seq: 'asc' } }, stopEvents: true },
      orderBy: [{ serviceDate: 'asc' }, { timeMin: 'asc' }],
    }),
    deps.db.recurringRide.findMany({ where: { organisationId: ctx.organisationId, clientId }, orderBy: { createdAt: 'asc' } }),
    deps.db.auditEntry.findMany({ where: { organisationId: ctx.organisationId, clientId }, orderBy: { at: 'asc' } }),
  ]);
  await recordAudit(deps.db, ctx, [{ action: 'EXPORT', entity: 'client', entityId: clientId, clientId }], deps.now());
  return {
    exportedAt: deps.now().toISOString(),
    client,
    rides: rides.map((r) => ({ ...r, serviceDate: fromDbDate(r.serviceDate) })),
    recurringRides,
    // Who has seen or changed the data: part of the right of access.
    accessLog: audit.map((a) => ({ at: a.at.toISOString(), actor: a.actor, action: a.action, entity: a.entity, ip: a.ip })),
  };
}

export async function eraseClient(deps: DomainDeps, ctx: OrganisationContext, clientId: string) {
  const now = deps.now();
  const org = await deps.db.organisation.findUniqueOrThrow({ where: { id: ctx.organisationId } });
  const cutoff = retentionCutoff(todayIn(org.timeZone, now), org.clientRetentionMonths);
  return deps.db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { organisationId: ctx.organisationId, id: clientId } });
    if (!client) throw notFound('klient', 'client');
    const latest = await tx.ride.findFirst({
      where: { organisationId: ctx.organisationId, clientId, serviceDate: { gte: toDbDate(cutoff) } },
      orderBy: { serviceDate: 'desc' },
      select: { serviceDate: true },
    });
    if (latest) {
      const latestDate = fromDbDate(latest.serviceDate);
      throw new AppError('CONFLICT', `Nie można usunąć danych: przejazdy klienta (ostatni ${latestDate}) są dokumentacją rozliczeniową przechowywaną przez ${org.clientRetentionMonths} mies.; dane zostaną zanonimizowane automatycznie po tym okresie`, {
        messageEn: `Cannot erase: the client's rides (latest ${latestDate}) are settlement records kept for ${org.clientRetentionMonths} months; the data is anonymised automatically after that`,
      });
    }
    const rideCount = await tx.ride.count({ where: { organisationId: ctx.organisationId, clientId } });
    if (rideCount === 0) {
      // Nothing reports count: the client can go entirely.
      await tx.recurringRide.deleteMany({ where: { organisationId: ctx.organisationId, clientId } });
      await tx.client.delete({ where: { id: clientId } });
      const home = await tx.place.findFirst({ where: { organisationId: ctx.organisationId, id: client.homePlaceId, kind: 'ADDRESS' } });
      if (home) {
        const stillUsed = await tx.place.count({
          where: { id: home.id, OR: [{ homeOf: { some: {} } }, { ridesFrom: { some: {} } }, { ridesTo: { some: {} } }, { recurringFrom: { some: {} } }, { recurringTo: { some: {} } }, { depotOf: { some: {} } }] },
        });
        if (stillUsed === 0) await tx.place.delete({ where: { id: home.id } });
      }
      await recordAudit(tx, ctx, [{ action: 'ERASE', entity: 'client', entityId: clientId, clientId, detail: 'deleted' }], now);
      return { clientId, erased: 'DELETED' as const };
    }
    await anonymiseClientIn(tx, ctx.organisationId, clientId, now);
    await recordAudit(tx, ctx, [{ action: 'ERASE', entity: 'client', entityId: clientId, clientId, detail: 'anonymised' }], now);
    return { clientId, erased: 'ANONYMISED' as const };
  });
}
