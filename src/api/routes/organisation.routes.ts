import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { UpdateOrganisationRulesSchema } from '../../domain/organisation/organisation-rules.js';
import { BoundaryInputSchema, getOrganisation, setBoundary, updateOrganisationRules } from '../../domain/organisation/manage-organisation.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody } from '../parse.js';

/** The organisation's settings: its rules and the gmina boundary (admins, once accounts exist: issue #7). */
export function organisationRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json(await getOrganisation(deps, ctxOf(req)));
  });
  r.patch('/rules', async (req, res) => {
    res.json(await updateOrganisationRules(deps, ctxOf(req), parseBody(UpdateOrganisationRulesSchema, req)));
  });
  /** GeoJSON of the gmina (e.g. exported from the national register); places are re-classified at once. */
  r.put('/boundary', async (req, res) => {
    res.json(await setBoundary(deps, ctxOf(req), parseBody(BoundaryInputSchema, req)));
  });
  /** GeoJSON of the county (powiat): rides within it are in the "county" distance band. */
  r.put('/county-boundary', async (req, res) => {
    res.json(await setBoundary(deps, ctxOf(req), parseBody(BoundaryInputSchema, req), 'county'));
  });
  return r;
}
