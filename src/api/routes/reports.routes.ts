import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { getReport } from '../../domain/report/get-report.js';
import { ReportQuerySchema } from '../../domain/report/report.js';
import { renderReportCsv } from '../../domain/report/render-report-csv.js';
import { ctxOf } from '../organisation-context.js';
import { parseQuery } from '../parse.js';

export function reportsRoutes(deps: DomainDeps): Router {
  const r = Router();
  /** GET /reports?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=csv][&lateToleranceMin=5]: the period's figures (issue #8). */
  r.get('/', async (req, res) => {
    const { from, to, format, lateToleranceMin } = parseQuery(ReportQuerySchema, req);
    const report = await getReport(deps, ctxOf(req), from, to, lateToleranceMin);
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`raport-${from}-${to}.csv`).send(renderReportCsv(report));
    } else res.json(report);
  });
  return r;
}
