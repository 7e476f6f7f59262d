import type { Db } from '../../db/client.js';
import { insertNextPlanRevision } from '../../db/repositories/plan.repo.js';
import type { Logger } from '../../logger.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import type { PlanJobPayload } from './plan.schema.js';

export interface RequestPlanDeps {
  readonly db: Db;
  readonly enqueuePlan: (payload: PlanJobPayload) => Promise<void>;
  readonly log: Logger;
}

/**
 * Starts planning a day: stores a new QUEUED revision, then queues its job. The plan row comes
 * first, so a plan is never lost: if Redis is briefly unreachable the worker's sweep queues every
 * QUEUED plan again (the job id is deterministic, so a plan is never queued twice).
 */
export async function requestPlan(
  deps: RequestPlanDeps,
  ctx: OrganisationContext,
  date: string,
  options: { keepLocked?: boolean | undefined } = {},
): Promise<{ id: string; revision: number }> {
  // A day under way is re-planned keeping what has been driven and who is on board
  // (domain/plan/replan-live-day.ts), so it is no longer refused.
  const plan = await insertNextPlanRevision(deps.db, ctx.organisationId, date, options.keepLocked ?? true);
  try {
    await deps.enqueuePlan({ organisationId: ctx.organisationId, planId: plan.id, date, revision: plan.revision });
  } catch (err) {
    deps.log.warn({ err, planId: plan.id }, 'could not queue the plan now; the worker sweep will queue it');
  }
  return plan;
}
