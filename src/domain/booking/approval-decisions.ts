/**
 * Rides leaving the gmina wait (REQUESTED) for a dispatcher. The caseworker who booked them
 * learns the decision here (the booking page reads it), and the dispatcher's board finds the
 * other days that still have rides waiting.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { clientScope } from '../../auth/row-access.js';
import { organisationToday } from '../organisation/organisation-today.js';
import { countAwaitingApprovalByDay, listRidesThroughApproval } from '../../db/repositories/ride.repo.js';
import { namesOfActors } from '../../db/repositories/actor.repo.js';
import { approvalTrail, splitApprovals } from './approval.rules.js';
import type { ActorView, ApprovalDay, ApprovalDaysQuery, ApprovalDecisions, ApprovalDecisionsQuery, ApprovalItem } from './approval.schema.js';

/**
 * Rides read per request at most: the nearest days first. Only rides that waited for approval
 * are read, from today on (a few a day even in a large centre); the cap keeps one caseworker's
 * years of weekly rides beyond the gmina from being read whole.
 */
export const APPROVAL_RIDES_LIMIT = 500;

/**
 * The caller's rides that waited for approval, from `from` on: those still awaiting a decision and
 * those decided in the last `decidedWithinDays` days, with who booked and who decided. "The
 * caller's" are the rides they booked and, for a person, the rides of clients whose caseworker
 * they are (a weekly pattern's later rides are booked by the daily job, a dispatcher may book for
 * a client too). The caseload limit applies as to every ride list (clientScope).
 */
export async function listApprovalDecisions(deps: DomainDeps, ctx: OrganisationContext, q: ApprovalDecisionsQuery): Promise<ApprovalDecisions> {
  const from = q.from ?? (await organisationToday(deps, ctx.organisationId));
  const decidedSince = new Date(deps.now().getTime() - q.decidedWithinDays * 86_400_000);
  const rows = await listRidesThroughApproval(deps.db, ctx.organisationId, {
    from,
    bookedBy: ctx.actor,
    ...(ctx.userId ? { caseworkerUserId: ctx.userId } : {}),
    clientScope: clientScope(ctx),
    limit: APPROVAL_RIDES_LIMIT,
  });
  const candidates = rows.flatMap(({ ride, history }) => {
    const trail = approvalTrail(history);
    return trail ? [{ ...ride, trail }] : [];
  });
  const { awaiting, decided } = splitApprovals(candidates, decidedSince);
  const names = await namesOfActors(deps.db, ctx.organisationId, [...awaiting, ...decided].flatMap((r) => (r.trail.decision ? [r.trail.bookedBy, r.trail.decision.actor] : [r.trail.bookedBy])));
  const actor = (a: string): ActorView => ({ actor: a, name: names.get(a) ?? null });
  const view = ({ trail, ...ride }: (typeof candidates)[number]): ApprovalItem => ({
    ...ride,
    bookedAt: trail.bookedAt,
    bookedBy: actor(trail.bookedBy),
    decision: trail.decision ? { status: trail.decision.status, at: trail.decision.at, by: actor(trail.decision.actor), reason: trail.decision.reason } : null,
  });
  return { from, decidedSince: decidedSince.toISOString(), awaiting: awaiting.map(view), decided: decided.map(view) };
}

/** The days from `from` on (default today) with rides awaiting approval, and how many each. */
export async function listApprovalDays(deps: DomainDeps, ctx: OrganisationContext, q: ApprovalDaysQuery): Promise<{ from: string; items: ApprovalDay[] }> {
  const from = q.from ?? (await organisationToday(deps, ctx.organisationId));
  return { from, items: await countAwaitingApprovalByDay(deps.db, ctx.organisationId, from, clientScope(ctx)) };
}
