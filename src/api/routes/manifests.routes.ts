import { Router } from 'express';
import { z } from 'zod';
import type { DomainDeps } from '../../domain/deps.js';
import { DateSchema, IdSchema } from '../../domain/common/schemas.js';
import { buildManifest } from '../../domain/manifest/build-manifest.js';
import { renderManifestHtml } from '../../domain/manifest/render-manifest-html.js';
import { ctxOf } from '../organisation-context.js';
import { assertManifestAccess } from '../../auth/row-access.js';
import { parseParams, parseQuery } from '../parse.js';

const ManifestParams = z.object({ date: DateSchema, vehicleId: IdSchema });
const ManifestQuery = z.object({ format: z.enum(['json', 'html']).default('json') });

export function manifestsRoutes(deps: DomainDeps): Router {
  const r = Router();
  /** The driver's manifest: GET /manifests/:date/:vehicleId[?format=html]. */
  r.get('/:date/:vehicleId', async (req, res) => {
    const { date, vehicleId } = parseParams(ManifestParams, req);
    const { format } = parseQuery(ManifestQuery, req);
    await assertManifestAccess(deps, ctxOf(req), date, vehicleId);
    const manifest = await buildManifest(deps, ctxOf(req), date, vehicleId);
    if (format === 'html') res.type('html').send(renderManifestHtml(manifest));
    else res.json(manifest);
  });
  return r;
}
