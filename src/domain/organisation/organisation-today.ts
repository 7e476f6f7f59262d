import type { DomainDeps } from '../deps.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { todayIn } from '../common/time.js';

/** The organisation's calendar day now, in its own time zone (what "from today on" means to it). */
export async function organisationToday(deps: DomainDeps, organisationId: string): Promise<string> {
  const org = await findOrganisationById(deps.db, organisationId);
  return todayIn(org?.timeZone ?? 'Europe/Warsaw', deps.now());
}
