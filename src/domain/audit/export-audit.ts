/** The audit log for the data protection officer: a period, optionally one client, as CSV. */
import { z } from 'zod';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { IdSchema } from '../common/schemas.js';
import { AppError } from '../../errors.js';

export const AuditQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()),
  clientId: IdSchema.optional(),
  format: z.enum(['csv', 'json']).default('csv'),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

// A DPO export covers months; a bound keeps one request from reading millions of rows.
export const AUDIT_EXPORT_MAX_ROWS = 200_000;

export interface AuditRow {
  readonly at: string;
  readonly actor: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly clientId: string | null;
  /** The client's name today (an anonymised client's is already blanked), so the officer need not look ids up. */
  readonly clientName: string | null;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly detail: string | null;
}

/** A date alone means the whole day in UTC: "to" a date includes that day. */
function bound(value: string, end: boolean): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(value);
  return new Date(Date.parse(`${value}T00:00:00Z`) + (end ? 86_400_000 : 0));
}

export async function listAudit(deps: DomainDeps, ctx: OrganisationContext, q: AuditQuery): Promise<AuditRow[]> {
  const from = bound(q.from, false);
  const to = bound(q.to, true);
  if (from >= to) {
    throw new AppError('VALIDATION_FAILED', 'Początek okresu musi być przed końcem', {
      messageEn: 'The period must start before it ends',
      fields: [{ path: 'from', message: 'musi być przed "to"', messageEn: 'must be before "to"' }],
    });
  }
  const rows = await deps.db.auditEntry.findMany({
    where: { organisationId: ctx.organisationId, at: { gte: from, lt: to }, ...(q.clientId ? { clientId: q.clientId } : {}) },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    take: AUDIT_EXPORT_MAX_ROWS,
  });
  const userIds = [...new Set(rows.map((r) => r.actor).filter((a) => /^[0-9a-f-]{36}$/.test(a)))];
  const users = await deps.db.user.findMany({
    where: { organisationId: ctx.organisationId, id: { in: userIds } },
    select: { id: true, displayName: true, login: true },
  });
  const names = new Map(users.map((u) => [u.id, `${u.displayName} (${u.login})`]));
  const clientIds = [...new Set(rows.map((r) => r.clientId).filter((id): id is string => id !== null))];
  const clients = await deps.db.client.findMany({
    where: { organisationId: ctx.organisationId, id: { in: clientIds } },
    select: { id: true, firstName: true, lastName: true },
  });
  const clientNames = new Map(clients.map((c) => [c.id, `${c.firstName} ${c.lastName}`.trim()]));
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actor: r.actor,
    actorName: names.get(r.actor) ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    clientId: r.clientId,
    clientName: r.clientId === null ? null : (clientNames.get(r.clientId) ?? null),
    ip: r.ip,
    requestId: r.requestId,
    detail: r.detail,
  }));
}

const csvCell = (v: string | null) => {
  const s = v ?? '';
  // Quote always; neutralise a leading formula character so Excel shows text, not a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** CSV for Excel: UTF-8 with BOM, semicolons (the Polish list separator), CRLF. */
export function renderAuditCsv(rows: readonly AuditRow[]): string {
  const header = ['czas_utc', 'kto_id', 'kto', 'czynnosc', 'obiekt', 'obiekt_id', 'klient_id', 'klient', 'adres_ip', 'zadanie_id', 'szczegoly'];
  const lines = rows.map((r) =>
    [r.at, r.actor, r.actorName, r.action, r.entity, r.entityId, r.clientId, r.clientName, r.ip, r.requestId, r.detail].map(csvCell).join(';'),
  );
  return '\uFEFF' + [header.join(';'), ...lines].join('\r\n') + '\r\n';
}
