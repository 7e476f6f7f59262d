import { Router } from 'express';
import { z } from 'zod';
import type { DomainDeps } from '../../domain/deps.js';
import { DateSchema, IdSchema } from '../../domain/common/schemas.js';
import { buildManifest } from '../../domain/manifest/build-manifest.js';
import { renderManifestsPdf } from '../../domain/manifest/render-manifest-pdf.js';
import { listVehiclesOf } from '../../domain/fleet/manage-vehicles.js';
import { ctxOf } from '../organisation-context.js';
import { assertDayManifestsAccess, assertManifestAccess } from '../../auth/row-access.js';
import { parseParams, parseQuery } from '../parse.js';

export const ManifestPdfParams = z.object({ date: DateSchema });
export const ManifestPdfQuery = z.object({ vehicleId: IdSchema.optional() });

/**
 * Mounted under /manifests before the manifest router (whose /:date/:vehicleId would take "pdf"
 * for a vehicle id): GET /manifests/:date/pdf[?vehicleId=] — the day's manifests as a PDF, one
 * vehicle per page; without vehicleId every vehicle with rides that day.
 */
export function manifestPdfRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.get('/:date/pdf', async (req, res) => {
    const { date } = parseParams(ManifestPdfParams, req);
    const { vehicleId } = parseQuery(ManifestPdfQuery, req);
    const ctx = ctxOf(req);
    // A driver or provider prints their own vehicle's; the whole day is the dispatcher's.
    if (vehicleId) await assertManifestAccess(deps, ctx, date, vehicleId);
    else assertDayManifestsAccess(ctx);
    const manifests = vehicleId
      ? [await buildManifest(deps, ctx, date, vehicleId)]
      : (await Promise.all((await listVehiclesOf(deps, ctx)).map((v) => buildManifest(deps, ctx, date, v.id)))).filter((m) => m.stops.length > 0);
    const pdf = await renderManifestsPdf(manifests);
    res.type('application/pdf').attachment(`karty-drogowe-${date}${vehicleId ? `-${manifests[0]!.vehicle.name}` : ''}.pdf`).send(pdf);
  });
  return r;
}
