import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { aggregateReport } from './aggregate-report.js';
import type { Report } from './report.js';
import { loadReportInput } from './report.query.js';

/** The organisation's figures for the days from..to (inclusive). */
export async function getReport(deps: DomainDeps, ctx: OrganisationContext, from: string, to: string): Promise<Report> {
  return aggregateReport(await loadReportInput(deps.db, ctx.organisationId, from, to));
}
