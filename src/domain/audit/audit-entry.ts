/**
 * The audit log (RODO): who read or changed which client's data, when and from where.
 * Entries are only ever added; the database refuses UPDATE and DELETE on the table (D13).
 */
import type { Db } from '../../db/client.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';

export type AuditAction =
  | 'READ'
  | 'CREATE'
  | 'UPDATE'
  | 'EXPORT'
  | 'ERASE'
  | 'ANONYMISE'
  | 'LOGIN'
  | 'LOGIN_FAILED'
  | 'LOGOUT';

export interface AuditRecord {
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId?: string | null;
  readonly clientId?: string | null;
  readonly detail?: string | null;
}

type AuditWriter = Pick<Db, 'auditEntry'>;

/** Writes one entry per record, all with the context's actor, address and request id. */
export async function recordAudit(
  db: AuditWriter,
  ctx: Pick<OrganisationContext, 'organisationId' | 'actor' | 'ip' | 'requestId'>,
  records: readonly AuditRecord[],
  at: Date,
): Promise<void> {
  if (records.length === 0) return;
  await db.auditEntry.createMany({
    data: records.map((r) => ({
      at,
      organisationId: ctx.organisationId,
      actor: ctx.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId ?? null,
      clientId: r.clientId ?? null,
      ip: ctx.ip ?? null,
      requestId: ctx.requestId ?? null,
      detail: r.detail ?? null,
    })),
  });
}
