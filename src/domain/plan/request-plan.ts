import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { toDbDate } from '../common/time.js';
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
export async function requestPlan(deps: RequestPlanDeps, ctx: OrganisationContext, date: string): Promise<{ id: string; revision: number }> {
  // Once drivers have reported on the day, a fresh plan would move passengers already on board
  // or drop rides already driven. Re-planning that keeps what was driven comes with issue #8.
  const underWay = await deps.db.ride.count({
    where: { organisationId: ctx.organisationId, serviceDate: toDbDate(date), status: { in: ['IN_PROGRESS', 'COMPLETED', 'NO_SHOW'] } },
  });
  if (underWay > 0) {
    throw new AppError('CONFLICT', `Dzień ${date} już trwa (${underWay} ${ridesWord(underWay)} z meldunkiem kierowcy): nie można go zaplanować od nowa`, {
      messageEn: `The day ${date} is under way (${underWay} rides reported by drivers): it cannot be planned afresh`,
    });
  }
  const plan = await insertNextPlanRevision(deps.db, ctx.organisationId, date);
  try {
    await deps.enqueuePlan({ organisationId: ctx.organisationId, planId: plan.id, date, revision: plan.revision });
  } catch (err) {
    deps.log.warn({ err, planId: plan.id }, 'could not queue the plan now; the worker sweep will queue it');
  }
  return plan;
}

/** Polish plural of "przejazd": 1 przejazd, 2–4 przejazdy (but 12–14 przejazdów), else przejazdów. */
function ridesWord(n: number): string {
  if (n === 1) return 'przejazd';
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'przejazdy' : 'przejazdów';
}
