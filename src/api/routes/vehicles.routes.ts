import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { CreateVehicleSchema, UpdateVehicleSchema } from '../../domain/fleet/vehicle.schema.js';
import { createVehicle, getVehicle, listVehiclesOf, updateVehicle } from '../../domain/fleet/manage-vehicles.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId } from '../parse.js';

export function vehiclesRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await listVehiclesOf(deps, ctxOf(req)) });
  });
  r.post('/', async (req, res) => {
    res.status(201).json(await createVehicle(deps, ctxOf(req), parseBody(CreateVehicleSchema, req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await getVehicle(deps, ctxOf(req), parseId(req)));
  });
  r.patch('/:id', async (req, res) => {
    res.json(await updateVehicle(deps, ctxOf(req), parseId(req), parseBody(UpdateVehicleSchema, req)));
  });
  return r;
}
