import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { reportStopEvent } from '../../domain/execution/report-stop-event.js';
import { ReportStopEventSchema, StopEventParamsSchema } from '../../domain/execution/stop-event.schema.js';
import { ctxOf } from '../organisation-context.js';
import { assertManifestAccess } from '../../auth/row-access.js';
import { parseBody, parseParams } from '../parse.js';

/** Mounted under /manifests: the driver reports at a stop of their manifest (issue #8). */
export function stopEventsRoutes(deps: DomainDeps): Router {
  const r = Router();
  /** POST /manifests/:date/:vehicleId/stops/:sequence/events: 201 when stored, 200 for a resend. */
  r.post('/:date/:vehicleId/stops/:sequence/events', async (req, res) => {
    const where = parseParams(StopEventParamsSchema, req);
    const input = parseBody(ReportStopEventSchema, req);
    await assertManifestAccess(deps, ctxOf(req), where.date, where.vehicleId);
    const event = await reportStopEvent(deps, ctxOf(req), where, input);
    res.status(event.replayed ? 200 : 201).json(event);
  });
  return r;
}
