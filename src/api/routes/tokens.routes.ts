import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { CreateTokenSchema } from '../../auth/account.schema.js';
import { createToken, listTokens, revokeToken } from '../../auth/manage-tokens.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody, parseId } from '../parse.js';

export function tokensRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await listTokens(deps, ctxOf(req)) });
  });
  /** The token's value is in this answer only; it is stored hashed. */
  r.post('/', async (req, res) => {
    res.status(201).json(await createToken(deps, ctxOf(req), parseBody(CreateTokenSchema, req)));
  });
  r.post('/:id/revoke', async (req, res) => {
    res.json(await revokeToken(deps, ctxOf(req), parseId(req)));
  });
  return r;
}
