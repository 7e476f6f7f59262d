/**
 * Applying the no-show policy when a no-show is reported, and the dispatcher's overrides
 * (issue #5). Every step and override is a `client_policy_event` row: who, when, why.
 */
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { findClient } from '../../db/repositories/client.repo.js';
import { AppError, notFound } from '../../errors.js';
import { fromDbDate, todayIn, toDbDate } from '../common/time.js';
import { countingFrom, decideNoShowStep, suspensionReason, warningReason, type PolicyStep } from './no-show-policy.rules.js';
import type { ClientView } from './client.schema.js';
import { clientScope } from '../../auth/row-access.js';

/**
 * Call inside the transaction that marked a ride NO_SHOW (domain/execution/report-stop-event.ts),
 * so the no-show and its consequence commit together. `at` is when the no-show happened.
 */
export async function applyNoShowPolicy(tx: Tx, ctx: OrganisationContext, clientId: string, at: Date): Promise<PolicyStep> {
  const org = await findOrganisationById(tx, ctx.organisationId);
  if (!org) return { action: 'NONE' };
  const policy = org.rules.noShowPolicy;
  // One decision per client at a time: two no-shows reported together are counted in turn.
  await tx.$queryRaw`SELECT id FROM client WHERE id = ${clientId}::uuid FOR UPDATE`;
  const client = await tx.client.findFirst({ where: { organisationId: ctx.organisationId, id: clientId } });
  if (!client) return { action: 'NONE' };
  const date = todayIn(org.timeZone, at);
  const from = countingFrom(policy, date, client.noShowsCountFrom ? todayIn(org.timeZone, client.noShowsCountFrom) : null);
  const noShows = await tx.ride.count({
    where: { organisationId: ctx.organisationId, clientId, status: 'NO_SHOW', serviceDate: { gte: toDbDate(from), lte: toDbDate(date) } },
  });
  const step = decideNoShowStep(policy, {
    noShows,
    warned: client.noShowWarnedAt !== null,
    suspendedUntil: client.suspendedUntil ? fromDbDate(client.suspendedUntil) : null,
    date,
  });
  if (step.action === 'WARNING') {
    await tx.client.update({ where: { id: clientId }, data: { noShowWarnedAt: at, version: { increment: 1 } } });
    await tx.clientPolicyEvent.create({
      data: { organisationId: ctx.organisationId, clientId, actor: 'system', action: 'WARNING', reason: warningReason(noShows, policy.periodDays), noShows },
    });
  } else if (step.action === 'SUSPENSION') {
    const reason = suspensionReason(noShows, policy.periodDays);
    await tx.client.update({
      where: { id: clientId },
      data: { suspendedFrom: toDbDate(step.from), suspendedUntil: toDbDate(step.until), suspensionReason: reason, noShowWarnedAt: client.noShowWarnedAt ?? at, version: { increment: 1 } },
    });
    await tx.clientPolicyEvent.create({
      data: { organisationId: ctx.organisationId, clientId, actor: 'system', action: 'SUSPENSION', reason, noShows, suspendedFrom: toDbDate(step.from), suspendedUntil: toDbDate(step.until) },
    });
  }
  return step;
}

export const PolicyOverrideSchema = z.strictObject({
  action: z.enum(['LIFT_SUSPENSION', 'CLEAR_WARNING']),
  reason: z.string().trim().min(3).max(300),
});
export type PolicyOverride = z.infer<typeof PolicyOverrideSchema>;

/**
 * A dispatcher lifts a suspension or clears a warning, with the reason. The no-shows counted so
 * far are then forgiven: the policy counts only later ones.
 */
export async function overrideNoShowPolicy(deps: DomainDeps, ctx: OrganisationContext, clientId: string, input: PolicyOverride): Promise<ClientView> {
  const done = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM client WHERE id = ${clientId}::uuid FOR UPDATE`;
    const client = await tx.client.findFirst({ where: { ...clientScope(ctx), id: clientId } });
    if (!client) throw notFound('klient', 'client');
    const now = deps.now();
    if (input.action === 'LIFT_SUSPENSION') {
      if (!client.suspendedUntil) {
        throw new AppError('CONFLICT', 'Klient nie jest zawieszony', { messageEn: 'The client is not suspended' });
      }
      await tx.client.update({
        where: { id: clientId },
        data: { suspendedFrom: null, suspendedUntil: null, suspensionReason: null, noShowWarnedAt: null, noShowsCountFrom: now, version: { increment: 1 } },
      });
      await tx.clientPolicyEvent.create({
        data: { organisationId: ctx.organisationId, clientId, actor: ctx.actor, action: 'SUSPENSION_LIFTED', reason: input.reason, suspendedFrom: client.suspendedFrom, suspendedUntil: client.suspendedUntil },
      });
    } else {
      if (!client.noShowWarnedAt) {
        throw new AppError('CONFLICT', 'Klient nie ma ostrzeżenia', { messageEn: 'The client has no warning' });
      }
      await tx.client.update({ where: { id: clientId }, data: { noShowWarnedAt: null, noShowsCountFrom: now, version: { increment: 1 } } });
      await tx.clientPolicyEvent.create({ data: { organisationId: ctx.organisationId, clientId, actor: ctx.actor, action: 'WARNING_CLEARED', reason: input.reason } });
    }
    return true;
  });
  if (!done) throw notFound('klient', 'client');
  return (await findClient(deps.db, ctx.organisationId, clientId))!;
}

export interface PolicyEventView {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly reason: string;
  readonly noShows: number | null;
  readonly suspendedFrom: string | null;
  readonly suspendedUntil: string | null;
}

/** The client's policy history, newest first. */
export async function listPolicyEvents(deps: DomainDeps, ctx: OrganisationContext, clientId: string): Promise<PolicyEventView[]> {
  if (!(await findClient(deps.db, ctx.organisationId, clientId, clientScope(ctx)))) throw notFound('klient', 'client');
  const rows = await deps.db.clientPolicyEvent.findMany({ where: { organisationId: ctx.organisationId, clientId }, orderBy: { at: 'desc' } });
  return rows.map((e) => ({
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    reason: e.reason,
    noShows: e.noShows,
    suspendedFrom: e.suspendedFrom ? fromDbDate(e.suspendedFrom) : null,
    suspendedUntil: e.suspendedUntil ? fromDbDate(e.suspendedUntil) : null,
  }));
}
