/**
 * The daily retention job's work for one organisation: anonymise every client whose last ride,
 * last change and weekly patterns all lie before the retention cutoff. Each client in its own
 * transaction with its audit entry; already anonymised clients are skipped, so a rerun or a
 * crash half-way is harmless.
 */
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/audit-entry.js';
import { todayIn, toDbDate } from '../common/time.js';
import { anonymiseClientIn } from './anonymise-client.js';
import { retentionCutoff } from './client-retention.js';

export interface AnonymiseResult {
  readonly organisationId: string;
  readonly cutoff: string;
  readonly anonymised: number;
}

export async function anonymiseInactiveClients(db: Db, organisationId: string, now: Date): Promise<AnonymiseResult> {
  const org = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
  const cutoff = retentionCutoff(todayIn(org.timeZone, now), org.clientRetentionMonths);
  const cutoffDate = toDbDate(cutoff);
  const candidates = await db.client.findMany({
    where: {
      organisationId,
      anonymisedAt: null,
      updatedAt: { lt: cutoffDate },
      rides: { none: { serviceDate: { gte: cutoffDate } } },
      recurringRides: { none: { OR: [{ endDate: null, active: true }, { endDate: { gte: cutoffDate } }] } },
    },
    select: { id: true },
  });
  let anonymised = 0;
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      const changed = await anonymiseClientIn(tx, organisationId, id, now);
      if (changed) {
        await recordAudit(tx, { organisationId, actor: 'system' }, [
          { action: 'ANONYMISE', entity: 'client', entityId: id, clientId: id, detail: `inactive before ${cutoff}` },
        ], now);
      }
      return changed;
    });
    if (done) anonymised++;
  }
  return { organisationId, cutoff, anonymised };
}

export async function anonymiseInactiveClientsEverywhere(db: Db, now: Date): Promise<AnonymiseResult[]> {
  const orgs = await db.organisation.findMany({ select: { id: true } });
  const results: AnonymiseResult[] = [];
  for (const o of orgs) results.push(await anonymiseInactiveClients(db, o.id, now));
  return results;
}
