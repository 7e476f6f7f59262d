import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { PlanListQuerySchema, PlanQuerySchema, RequestPlanSchema } from '../../domain/plan/plan.schema.js';
import { requestPlan, type RequestPlanDeps } from '../../domain/plan/request-plan.js';
import { getPlan, listPlans } from '../../domain/plan/get-plan.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId, parseQuery } from '../parse.js';

export function plansRoutes(deps: DomainDeps & RequestPlanDeps): Router {
  const r = Router();
  /** Starts planning a day; answers at once, the worker does the rest. */
  r.post('/', async (req, res) => {
    const { date, keepLocked } = parseBody(RequestPlanSchema, req);
    const plan = await requestPlan(deps, ctxOf(req), date, { keepLocked });
    res.status(202).location(`${req.baseUrl}/${plan.id}`).json({ id: plan.id, date, revision: plan.revision, status: 'QUEUED' });
  });
  r.get('/', async (req, res) => {
    const { date } = parseQuery(PlanListQuerySchema, req);
    res.json({ date, items: await listPlans(deps, ctxOf(req), date) });
  });
  r.get('/:id', async (req, res) => {
    const { include } = parseQuery(PlanQuerySchema, req);
    res.json(await getPlan(deps, ctxOf(req), parseId(req), { geometry: include === 'geometry' }));
  });
  return r;
}
