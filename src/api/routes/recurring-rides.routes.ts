import { Router } from 'express';
import { z } from 'zod';
import type { DomainDeps } from '../../domain/deps.js';
import { IdSchema } from '../../domain/common/schemas.js';
import { CreateRecurringRideSchema, UpdateRecurringRideSchema } from '../../domain/booking/recurring-ride.schema.js';
import {
  createRecurringRide,
  getRecurringRide,
  listRecurringRidesOf,
  updateRecurringRide,
} from '../../domain/booking/manage-recurring-rides.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId, parseQuery } from '../parse.js';

export const RecurringListQuerySchema = z.object({ clientId: IdSchema.optional() });

/** Weekly patterns (e.g. Tuesdays and Thursdays to rehab until 30 June), made into rides ahead of planning. */
export function recurringRidesRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await listRecurringRidesOf(deps, ctxOf(req), parseQuery(RecurringListQuerySchema, req)) });
  });
  r.post('/', async (req, res) => {
    res.status(201).json(await createRecurringRide(deps, ctxOf(req), parseBody(CreateRecurringRideSchema, req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await getRecurringRide(deps, ctxOf(req), parseId(req)));
  });
  r.patch('/:id', async (req, res) => {
    res.json(await updateRecurringRide(deps, ctxOf(req), parseId(req), parseBody(UpdateRecurringRideSchema, req)));
  });
  return r;
}
