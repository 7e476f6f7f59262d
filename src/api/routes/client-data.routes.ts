import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { eraseClient, exportClientData } from '../../domain/account/client-data-rights.js';
import { ctxOf } from '../organisation-context.js';
import { parseId } from '../parse.js';

/** RODO rights of a client, mounted beside /clients. */
export function clientDataRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/:id/export', async (req, res) => {
    const id = parseId(req);
    const data = await exportClientData(deps, ctxOf(req), id);
    res.attachment(`dane-klienta-${id}.json`).json(data);
  });
  r.post('/:id/erase', async (req, res) => {
    res.json(await eraseClient(deps, ctxOf(req), parseId(req)));
  });
  return r;
}
