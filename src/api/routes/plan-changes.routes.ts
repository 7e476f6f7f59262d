/**
 * The live plan's changes as server-sent events (issue #6, D28), so the day board and the
 * driver's page read the plan again when it changes, with no polling loop:
 * - GET /plans/:id/changes/stream — dispatchers: the plan's day;
 * - GET /manifests/:date/:vehicleId/changes/stream — drivers (own vehicle, today), providers.
 *
 * Events, each `data` a JSON object:
 * - `version` {planId, version}: first, the state as the stream opens (null/null on a driver's day
 *   not yet published) — a page that lost its connection compares it with what it shows;
 * - `change` {planId, date, version, kind, vehicleId?}: after every committed live edit (its plan
 *   change kind) and every driver's report (kind STOP_EVENT with its vehicleId, which moves no
 *   version; a driver's stream gets only its own vehicle's reports).
 * A comment line every 15 s keeps proxies from closing an idle stream. Every stream of the
 * process listens through the one Redis subscriber of `planChanges` (src/queue/plan-change-feed.ts).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { DomainDeps } from '../../domain/deps.js';
import type { PlanChangeFeed } from '../../queue/plan-change-feed.js';
import { DateSchema, IdSchema } from '../../domain/common/schemas.js';
import { fromDbDate, toDbDate } from '../../domain/common/time.js';
import { assertManifestAccess } from '../../auth/row-access.js';
import { notFound } from '../../errors.js';
import { ctxOf } from '../organisation-context.js';
import { parseId, parseParams } from '../parse.js';
import { openEventStream, sendEvent } from '../server-sent-events.js';

export interface PlanChangesDeps extends DomainDeps {
  readonly planChanges: PlanChangeFeed;
}

export const PLAN_CHANGES_HEARTBEAT_MS = 15_000;

interface Current {
  readonly planId: string | null;
  readonly version: number | null;
}

/**
 * Opens the stream: subscribed before the current state is read, so a change committed in between
 * still arrives (at worst the page reads the plan once more).
 */
async function streamDay(
  deps: PlanChangesDeps,
  req: Request,
  res: Response,
  where: { organisationId: string; date: string; vehicleId?: string },
  current: () => Promise<Current>,
): Promise<void> {
  openEventStream(res);
  let closed = false;
  let stopListening: (() => void) | null = null;
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), PLAN_CHANGES_HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    stopListening?.();
  };
  res.on('close', close);
  try {
    const stop = await deps.planChanges.subscribe(where.organisationId, where.date, (m) => {
      // A driver's page skips the other vehicles' reports (the most frequent message by far).
      if (closed || (where.vehicleId && m.vehicleId && m.vehicleId !== where.vehicleId)) return;
      sendEvent(res, 'change', m);
    });
    if (closed) return stop();
    stopListening = stop;
    sendEvent(res, 'version', await current());
  } catch (err) {
    // Redis is down: the page opens the stream again and reads the plan when it comes back.
    req.log.warn({ err }, 'plan changes: the stream could not start');
    close();
    res.end();
  }
}

const ManifestParams = z.object({ date: DateSchema, vehicleId: IdSchema });

/** GET /plans/:id/changes/stream (mounted under /plans). */
export function planChangesRoutes(deps: PlanChangesDeps): Router {
  const r = Router();
  r.get('/:id/changes/stream', async (req, res) => {
    const id = parseId(req);
    const ctx = ctxOf(req);
    const plan = await deps.db.plan.findFirst({ where: { organisationId: ctx.organisationId, id }, select: { serviceDate: true } });
    if (!plan) throw notFound('plan', 'plan'); // answered before the stream opens
    await streamDay(deps, req, res, { organisationId: ctx.organisationId, date: fromDbDate(plan.serviceDate) }, async () => {
      const now = await deps.db.plan.findFirst({ where: { organisationId: ctx.organisationId, id }, select: { version: true } });
      return { planId: id, version: now?.version ?? null };
    });
  });
  return r;
}

/** GET /manifests/:date/:vehicleId/changes/stream (mounted under /manifests). */
export function manifestChangesRoutes(deps: PlanChangesDeps): Router {
  const r = Router();
  r.get('/:date/:vehicleId/changes/stream', async (req, res) => {
    const { date, vehicleId } = parseParams(ManifestParams, req);
    const ctx = ctxOf(req);
    await assertManifestAccess(deps, ctx, date, vehicleId);
    const vehicle = await deps.db.vehicle.findFirst({ where: { organisationId: ctx.organisationId, id: vehicleId }, select: { id: true } });
    if (!vehicle) throw notFound('pojazd', 'vehicle');
    await streamDay(deps, req, res, { organisationId: ctx.organisationId, date, vehicleId }, async () => {
      // The plan drivers see: the newest finished one, once published.
      const plan = await deps.db.plan.findFirst({
        where: { organisationId: ctx.organisationId, serviceDate: toDbDate(date), status: 'DONE', publishedAt: { not: null } },
        orderBy: { revision: 'desc' },
        select: { id: true, version: true },
      });
      return { planId: plan?.id ?? null, version: plan?.version ?? null };
    });
  });
  return r;
}
