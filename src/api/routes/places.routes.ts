import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { CreatePlaceSchema, PlaceListQuerySchema, UpdatePlaceSchema } from '../../domain/booking/place.schema.js';
import { createPlace, getPlace, listPlacesOf, updatePlace } from '../../domain/booking/manage-places.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId, parseQuery } from '../parse.js';

export function placesRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await listPlacesOf(deps, ctxOf(req), parseQuery(PlaceListQuerySchema, req)) });
  });
  r.post('/', async (req, res) => {
    res.status(201).json(await createPlace(deps, ctxOf(req), parseBody(CreatePlaceSchema, req)));
  });
  r.get('/:id', async (req, res) => {
    res.json(await getPlace(deps, ctxOf(req), parseId(req)));
  });
  r.patch('/:id', async (req, res) => {
    res.json(await updatePlace(deps, ctxOf(req), parseId(req), parseBody(UpdatePlaceSchema, req)));
  });
  return r;
}
