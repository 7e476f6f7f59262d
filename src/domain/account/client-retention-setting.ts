import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';

/** How many months after a client's last activity their personal data is kept (D14). */
export async function setClientRetention(deps: DomainDeps, ctx: OrganisationContext, months: number) {
  const org = await deps.db.organisation.update({
    where: { id: ctx.organisationId },
    data: { clientRetentionMonths: months },
    select: { clientRetentionMonths: true },
  });
  return { months: org.clientRetentionMonths };
}
