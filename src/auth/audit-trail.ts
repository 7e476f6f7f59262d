/**
 * Records every successful read and change of client data (clients, rides, weekly patterns,
 * manifests) in the audit log before the answer leaves: if the entry cannot be written, the data
 * is not sent. Which clients an answer concerns is read from the answer itself
 * (domain/audit/client-ids-in.ts), rides resolved to their clients in one query.
 */
import type { RequestHandler } from 'express';
import type { Db } from '../db/client.js';
import { recordAudit, type AuditAction, type AuditRecord } from '../domain/audit/audit-entry.js';
import { mentionsIn } from '../domain/audit/client-ids-in.js';
import { ruleFor } from './permissions.js';

export interface AuditTrailDeps {
  readonly db: Db;
  readonly now: () => Date;
}

/**
 * Routes whose answers hold client data, the entity recorded, how ids in the answer are read, and
 * whether each client named is recorded (a plan of the day names them all; its id says which).
 */
interface Audited {
  readonly path: RegExp;
  readonly entity: string;
  readonly kind: 'client' | 'ride' | 'other';
  readonly perClient: boolean;
}
const AUDITED: readonly Audited[] = [
  { path: /^\/api\/v1\/clients(\/|$)/, entity: 'client', kind: 'client', perClient: true },
  { path: /^\/api\/v1\/rides(\/|$)/, entity: 'ride', kind: 'ride', perClient: true },
  { path: /^\/api\/v1\/recurring-rides(\/|$)/, entity: 'recurring-ride', kind: 'other', perClient: true },
  { path: /^\/api\/v1\/manifests(\/|$)/, entity: 'manifest', kind: 'other', perClient: true },
  { path: /^\/api\/v1\/providers\/[^/]+\/rides\/?$/, entity: 'provider-rides', kind: 'ride', perClient: true },
  { path: /^\/api\/v1\/notifications\/?$/, entity: 'notification', kind: 'other', perClient: true },
  { path: /^\/api\/v1\/plans\/[^/]+(\/.*)?$/, entity: 'plan', kind: 'other', perClient: false },
  // Each row's client (created, updated or matched) is named in the answer: one entry per client.
  { path: /^\/api\/v1\/imports\/clients\/?$/, entity: 'client-import', kind: 'other', perClient: true },
];
// Routes whose use case records its own, more specific entry (EXPORT, ERASE).
const SELF_AUDITED = new Set(['GET /api/v1/clients/:id/export', 'POST /api/v1/clients/:id/erase']);

function actionOf(method: string, status: number): AuditAction {
  if (method === 'GET' || method === 'HEAD') return 'READ';
  return method === 'POST' && status === 201 ? 'CREATE' : 'UPDATE';
}

export async function auditRecordsFor(
  db: Db,
  organisationId: string,
  entity: string,
  kind: 'client' | 'ride' | 'other',
  action: AuditAction,
  entityId: string | null,
  body: unknown,
): Promise<AuditRecord[]> {
  const { clientIds, rideIds } = mentionsIn(body, kind);
  if (rideIds.size > 0) {
    const rides = await db.ride.findMany({ where: { organisationId, id: { in: [...rideIds] } }, select: { clientId: true } });
    for (const r of rides) clientIds.add(r.clientId);
  }
  if (clientIds.size === 0) return [{ action, entity, entityId }];
  return [...clientIds].map((clientId) => ({ action, entity, entityId, clientId }));
}

export function auditTrail(deps: AuditTrailDeps): RequestHandler {
  return (req, res, next) => {
    const path = req.baseUrl + req.path;
    const audited = AUDITED.find((a) => a.path.test(path));
    const matched = ruleFor(req.method, path);
    const ctx = req.ctx;
    // The plan's live progress stream carries no client data.
    if (!audited || !matched || !ctx || SELF_AUDITED.has(matched.key) || (matched.key.endsWith('/events') && req.method === 'GET')) return next();
    const { entity, kind, perClient } = audited;
    const p = matched.params;
    const entityId = p.id ?? (p.date && p.vehicleId ? `${p.date}/${p.vehicleId}` : (p.date ?? null));

    const json = res.json.bind(res);
    const send = res.send.bind(res);
    let recorded = false;
    const recordThen = (body: unknown, deliver: () => void) => {
      recorded = true;
      auditRecordsFor(deps.db, ctx.organisationId, entity, kind, actionOf(req.method, res.statusCode), entityId, perClient ? body : null)
        .then((records) => recordAudit(deps.db, ctx, records, deps.now()))
        .then(deliver, next);
    };
    res.json = ((body: unknown) => {
      if (recorded || res.statusCode >= 400) return json(body);
      recordThen(body, () => json(body));
      return res;
    }) as typeof res.json;
    // HTML (the printable manifest): recorded by route and entity, without parsing the page.
    res.send = ((body: unknown) => {
      if (recorded || res.statusCode >= 400) return send(body);
      recordThen(null, () => send(body));
      return res;
    }) as typeof res.send;
    next();
  };
}
