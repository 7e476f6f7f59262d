import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { ClientListQuerySchema, CreateClientSchema, UpdateClientSchema } from '../../domain/booking/client.schema.js';
import { createClient, getClient, listClientsOf, updateClient } from '../../domain/booking/manage-clients.js';
import { listPolicyEvents, overrideNoShowPolicy, PolicyOverrideSchema } from '../../domain/booking/no-show-policy.js';
import { cancelRidesInSuspension, listRidesInSuspension } from '../../domain/booking/rides-in-suspension.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId, parseQuery } from '../parse.js';

export function clientsRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await listClientsOf(deps, ctxOf(req), parseQuery(ClientListQuerySchema, req)) });
  });
  r.post('/', async (req, res) => {
    res.status(201).json(await createClient(deps, ctxOf(req), parseBody(CreateClientSchema, req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await getClient(deps, ctxOf(req), parseId(req)));
  });
  r.patch('/:id', async (req, res) => {
    res.json(await updateClient(deps, ctxOf(req), parseId(req), parseBody(UpdateClientSchema, req)));
  });
  /** The no-show policy's warnings and suspensions, and the dispatchers' overrides (issue #5). */
  r.get('/:id/policy-events', async (req, res) => {
    res.json({ items: await listPolicyEvents(deps, ctxOf(req), parseId(req)) });
  });
  /** A dispatcher lifts a suspension or clears a warning, with the reason. */
  r.post('/:id/no-show-policy', async (req, res) => {
    const id = parseId(req);
    res.json(await overrideNoShowPolicy(deps, ctxOf(req), id, parseBody(PolicyOverrideSchema, req)));
  });
  /** The rides still booked in the client's suspension (from today on): a person decides (D23, D59). */
  r.get('/:id/suspension/rides', async (req, res) => {
    res.json(await listRidesInSuspension(deps, ctxOf(req), parseId(req)));
  });
  /** Cancels them all, each as a single cancellation would; the answer names any it could not. */
  r.post('/:id/suspension/cancel-rides', async (req, res) => {
    res.json(await cancelRidesInSuspension(deps, ctxOf(req), parseId(req)));
  });
  return r;
}
