import { Router } from 'express';
import type { LiveDeps } from '../../domain/plan/live/live-edit.js';
import { insertUrgentRide } from '../../domain/plan/live/insert-urgent-ride.js';
import { lockRoute, publishPlan } from '../../domain/plan/live/lock-and-publish.js';
import { moveRide } from '../../domain/plan/live/move-ride.js';
import { takeVehicleOutOfService } from '../../domain/plan/live/take-out-of-service.js';
import { InsertRideSchema, LockRouteSchema, MoveRideSchema, OutOfServiceSchema, PlanVehicleParamsSchema, PublishPlanSchema } from '../../domain/plan/live/live-plan.schema.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId, parseParams } from '../parse.js';

/** Mounted under /plans: the dispatcher's edits of the live plan (issues #6, #8). */
export function livePlanRoutes(deps: LiveDeps): Router {
  const r = Router();
  r.post('/:id/moves', async (req, res) => {
    res.json(await moveRide(deps, ctxOf(req), parseId(req), parseBody(MoveRideSchema, req)));
  });
  r.put('/:id/routes/:vehicleId/lock', async (req, res) => {
    const { id, vehicleId } = parseParams(PlanVehicleParamsSchema, req);
    res.json(await lockRoute(deps, ctxOf(req), id, vehicleId, parseBody(LockRouteSchema, req)));
  });
  r.post('/:id/publish', async (req, res) => {
    res.json(await publishPlan(deps, ctxOf(req), parseId(req), parseBody(PublishPlanSchema, req)));
  });
  r.post('/:id/insertions', async (req, res) => {
    res.json(await insertUrgentRide(deps, ctxOf(req), parseId(req), parseBody(InsertRideSchema, req)));
  });
  r.post('/:id/vehicles/:vehicleId/out-of-service', async (req, res) => {
    const { id, vehicleId } = parseParams(PlanVehicleParamsSchema, req);
    res.json(await takeVehicleOutOfService(deps, ctxOf(req), id, vehicleId, parseBody(OutOfServiceSchema, req)));
  });
  return r;
}
