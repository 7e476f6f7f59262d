import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { AssignVehiclesSchema, CreateProviderSchema, ProviderRidesQuerySchema, UpdateProviderSchema } from '../../domain/provider/provider.schema.js';
import { assignVehicles, createProvider, getProvider, listProviders, updateProvider } from '../../domain/provider/manage-providers.js';
import { listProviderRides } from '../../domain/provider/provider-rides.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId, parseQuery } from '../parse.js';

/** Contracted providers (issue #5): the administrator manages them; a provider sees only itself. */
export function providersRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await listProviders(deps, ctxOf(req)) });
  });
  r.post('/', async (req, res) => {
    res.status(201).json(await createProvider(deps, ctxOf(req), parseBody(CreateProviderSchema, req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await getProvider(deps, ctxOf(req), parseId(req)));
  });
  r.patch('/:id', async (req, res) => {
    const id = parseId(req);
    res.json(await updateProvider(deps, ctxOf(req), id, parseBody(UpdateProviderSchema, req)));
  });
  /** PUT the whole set of the provider's vehicles. */
  r.put('/:id/vehicles', async (req, res) => {
    const id = parseId(req);
    res.json(await assignVehicles(deps, ctxOf(req), id, parseBody(AssignVehiclesSchema, req)));
  });
  /** GET /providers/:id/rides?from&to: rides planned on its vehicles, with their confirmations. */
  r.get('/:id/rides', async (req, res) => {
    const id = parseId(req);
    const period = parseQuery(ProviderRidesQuerySchema, req);
    res.json({ ...period, items: await listProviderRides(deps, ctxOf(req), id, period) });
  });
  return r;
}
