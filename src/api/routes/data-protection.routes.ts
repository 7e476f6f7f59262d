import { Router } from 'express';
import { z } from 'zod';
import type { DomainDeps } from '../../domain/deps.js';
import { setClientRetention } from '../../domain/account/client-retention-setting.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody } from '../parse.js';

export const ClientRetentionSchema = z.strictObject({ months: z.number().int().min(1).max(240) });

/** Mounted under /organisation: the data-protection settings of the organisation. */
export function dataProtectionRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.put('/client-retention', async (req, res) => {
    res.json(await setClientRetention(deps, ctxOf(req), parseBody(ClientRetentionSchema, req).months));
  });
  return r;
}
