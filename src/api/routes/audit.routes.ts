import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { AuditQuerySchema, listAudit, renderAuditCsv } from '../../domain/audit/export-audit.js';
import { ctxOf } from '../organisation-context.js';
import { parseQuery } from '../parse.js';

export function auditRoutes(deps: DomainDeps): Router {
  const r = Router();
  /** The audit log of a period (and one client) for the data protection officer: CSV or JSON. */
  r.get('/', async (req, res) => {
    const q = parseQuery(AuditQuerySchema, req);
    const rows = await listAudit(deps, ctxOf(req), q);
    if (q.format === 'json') {
      res.json({ items: rows });
      return;
    }
    res
      .type('text/csv; charset=utf-8')
      .attachment(`rejestr-dostepu-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}.csv`)
      .send(renderAuditCsv(rows));
  });
  return r;
}
