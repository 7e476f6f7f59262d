import { Router } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { ClientImportQuerySchema, ImportQuerySchema } from '../../domain/import/import-report.js';
import { importPlaces } from '../../domain/import/import-places.js';
import { importClients } from '../../domain/import/import-clients.js';
import { ctxOf } from '../organisation-context.js';
import { parseQuery } from '../parse.js';
import { fileTextOf, sendImportReport, fileBody } from './address-points.routes.js';

/** A centre's spreadsheet of clients or places: thousands of rows at most. */
const SPREADSHEET_LIMIT = '5mb';

export function importsRoutes(deps: DomainDeps): Router {
  const r = Router();
  r.post('/places', fileBody(SPREADSHEET_LIMIT), async (req, res) => {
    const { acceptValid } = parseQuery(ImportQuerySchema, req);
    sendImportReport(res, await importPlaces(deps, ctxOf(req), fileTextOf(req), acceptValid));
  });
  r.post('/clients', fileBody(SPREADSHEET_LIMIT), async (req, res) => {
    const { acceptValid, existing } = parseQuery(ClientImportQuerySchema, req);
    sendImportReport(res, await importClients(deps, ctxOf(req), fileTextOf(req), acceptValid, existing));
  });
  return r;
}
