/**
 * A driver reports what happened at a stop of the newest finished plan (issue #8): stored with its
 * time and position, and the ride's status moved (with its history) in the same transaction.
 */
import { AppError, invalidInput } from '../../errors.js';
import { Prisma } from '../../db/generated/client.js';
import type { Db, Tx } from '../../db/client.js';
import { moveRidesStatus } from '../../db/repositories/ride.repo.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import type { RideStatus } from '../booking/ride.schema.js';
import { checkNoShowTime, checkReportTime, decideStopEvent, expectedSecOfDelay, newestDelayReport } from './stop-event.rules.js';
import { secondsAfterServiceMidnight } from '../common/time.js';
import { lastToldWindows } from '../notification/told-windows.query.js';
import type { ReportStopEvent, StopEventParams, StopEventView } from './stop-event.schema.js';
import { findPlannedStop, findStopEventByClientId, lockRide, type PlannedStop, type StoredStopEvent } from './stop-event.query.js';
import type { LiveDeps } from '../plan/live/live-edit.js';
import { removeRideFromLivePlan } from '../plan/live/remove-ride-from-plan.js';
import { reestimateRoute } from '../plan/live/reestimate-route.js';
import { applyNoShowPolicy } from '../booking/no-show-policy.js';

const conflict = (pl: string, en: string) => new AppError('CONFLICT', pl, { messageEn: en });

function toView(e: StoredStopEvent, sequence: number, rideStatus: string, replayed: boolean): StopEventView {
  return { id: e.id, clientEventId: e.clientEventId, kind: e.kind, at: e.at.toISOString(), receivedAt: e.receivedAt.toISOString(), rideId: e.rideId, sequence, rideStatus, replayed };
}

/**
 * A resend of a stored report answers with the stored one; the same id on another report is
 * refused. Two delays at one stop are two reports with two ids; one id with other minutes is not
 * a resend.
 */
async function replayOf(db: Db | Tx, ctx: OrganisationContext, where: StopEventParams, input: ReportStopEvent, planStopId: string) {
  const existing = await findStopEventByClientId(db, ctx.organisationId, input.clientEventId);
  if (!existing) return null;
  // A report whose stop has since left the route (D64) was stored all the same: a resend is a replay.
  const otherStop = existing.planStopId !== null && existing.planStopId !== planStopId;
  if (otherStop || existing.kind !== input.kind || (existing.delayMin ?? undefined) !== input.delayMin) {
    throw conflict('Ten identyfikator zdarzenia (clientEventId) użyto już dla innego zgłoszenia', 'This clientEventId was already used for a different report');
  }
  return toView(existing, where.sequence, existing.ride.status, true);
}

export async function reportStopEvent(deps: LiveDeps, ctx: OrganisationContext, given: StopEventParams, input: ReportStopEvent): Promise<StopEventView> {
  const stop = await findPlannedStop(deps.db, ctx.organisationId, given.date, given.vehicleId, given.sequence, { rideId: input.rideId, kind: input.kind });
  const where = { ...given, sequence: stop.sequence };
  const { view, delayBefore } = await storeStopEvent(deps, ctx, where, input, stop);
  // The live plan follows the report (issue #8): a no-show's drop-off leaves the route, and the
  // stops ahead get new estimated times. The report itself is already stored; if this part fails
  // the phone resends, and a resend runs it again (both steps are idempotent).
  if (view.rideStatus === 'NO_SHOW') {
    await removeRideFromLivePlan(deps, ctx, stop.rideId, { pl: 'klient nieobecny przy odbiorze', en: 'client not there at pickup' });
  }
  const delay = !view.replayed && input.kind === 'DELAYED' && input.delayMin ? { sequence: where.sequence, minutes: input.delayMin, before: delayBefore } : undefined;
  await reestimateRoute(deps, ctx, stop.planId, where.vehicleId, delay);
  // Committed: the open day boards show the report without a reload (issue #6).
  if (deps.planChanges) {
    const plan = await deps.db.plan.findFirst({ where: { organisationId: ctx.organisationId, id: stop.planId }, select: { version: true } });
    if (plan) await deps.planChanges.publish(ctx.organisationId, { planId: stop.planId, date: given.date, version: plan.version, kind: 'STOP_EVENT', vehicleId: where.vehicleId });
  }
  return view;
}

/** The report as stored; `delayBefore`: the minutes a new DELAYED report replaces at its stop (null for a first one). */
interface Stored {
  readonly view: StopEventView;
  readonly delayBefore: number | null;
}

async function storeStopEvent(deps: DomainDeps, ctx: OrganisationContext, where: StopEventParams, input: ReportStopEvent, stop: PlannedStop): Promise<Stored> {
  const now = deps.now();
  const at = input.at ? new Date(input.at) : now;
  try {
    return await deps.db.$transaction(async (tx: Tx): Promise<Stored> => {
      // Reports on one ride queue up behind this row lock, so each is decided on the status the
      // previous one left (two taps on two phones cannot both pick the client up), and a resend
      // that waited here finds the first one stored.
      await lockRide(tx, ctx.organisationId, stop.rideId);
      const replay = await replayOf(tx, ctx, where, input, stop.id);
      if (replay) return { view: replay, delayBefore: null };
      const wrongTime = checkReportTime(where.date, stop.timeZone, at, now);
      if (wrongTime) {
        throw invalidInput([{ path: 'at', message: wrongTime.pl, messageEn: wrongTime.en }]);
      }
      const ride = await tx.ride.findFirstOrThrow({ where: { organisationId: ctx.organisationId, id: stop.rideId }, select: { status: true, clientId: true } });
      const decision = decideStopEvent(input.kind, stop.kind, ride.status);
      if (!decision.ok) throw conflict(decision.pl, decision.en);
      if (input.kind === 'NO_SHOW') {
        const told = (await lastToldWindows(tx, ctx.organisationId, [stop.rideId])).get(stop.rideId) ?? null;
        const early = checkNoShowTime(secondsAfterServiceMidnight(stop.timeZone, where.date, at), stop.serviceStartSec, told);
        if (early) throw conflict(early.pl, early.en);
      }
      let status: RideStatus = ride.status;
      if (decision.move) {
        const reason = `kierowca: ${input.kind} (przystanek ${where.sequence})${input.note ? ` — ${input.note}` : ''}`;
        const moved = await moveRidesStatus(tx, ctx.organisationId, [stop.rideId], decision.move.from, decision.move.to, ctx.actor, reason);
        if (moved !== 1) throw conflict('Przejazd zmienił się w międzyczasie; spróbuj ponownie', 'The ride changed meanwhile; try again');
        status = decision.move.to;
        // The no-show policy (warning, then suspension) commits with the no-show itself.
        if (status === 'NO_SHOW') await applyNoShowPolicy(tx, ctx, ride.clientId, at);
      }
      // Under the ride's lock: the stop's earlier delays are all here (a stop belongs to one ride).
      const earlier = input.kind === 'DELAYED' ? newestDelayReport(await tx.stopEvent.findMany({
        where: { organisationId: ctx.organisationId, planStopId: stop.id, kind: 'DELAYED' },
        select: { kind: true, at: true, delayMin: true, expectedSec: true },
        orderBy: [{ at: 'asc' }, { receivedAt: 'asc' }],
      }), (e) => e.at.getTime()) : null;
      const created = await tx.stopEvent.create({
        data: {
          organisationId: ctx.organisationId, planStopId: stop.id, rideId: stop.rideId, kind: input.kind, at,
          lat: input.lat ?? null, lon: input.lon ?? null, actor: ctx.actor, note: input.note ?? null, clientEventId: input.clientEventId,
          delayMin: input.kind === 'DELAYED' ? (input.delayMin ?? null) : null,
          expectedSec: input.kind === 'DELAYED' && input.delayMin ? expectedSecOfDelay(stop.serviceStartSec, earlier, input.delayMin) : null,
        },
      });
      return { view: toView(created, where.sequence, status, false), delayBefore: earlier?.delayMin ?? null };
    });
  } catch (err) {
    // The id was stored meanwhile by a report on another ride (not serialised by our lock).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const again = await replayOf(deps.db, ctx, where, input, stop.id);
      if (again) return { view: again, delayBefore: null };
    }
    throw err;
  }
}
