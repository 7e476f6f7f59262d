import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { aggregateReport } from './aggregate-report.js';
import { DEFAULT_LATE_TOLERANCE_MIN, type Report } from './report.js';
import { loadReportInput } from './report.query.js';

/** The organisation's figures for the days from..to (inclusive); lateToleranceMin: see OnTime. */
export async function getReport(deps: DomainDeps, ctx: OrganisationContext, from: string, to: string, lateToleranceMin = DEFAULT_LATE_TOLERANCE_MIN): Promise<Report> {
  return aggregateReport(await loadReportInput(deps.db, ctx.organisationId, from, to, lateToleranceMin));
}
