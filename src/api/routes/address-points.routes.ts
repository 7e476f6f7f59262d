import express, { Router, type Request, type Response } from 'express';
import type { DomainDeps } from '../../domain/deps.js';
import { AddressSearchQuerySchema, searchAddressPoints } from '../../domain/address/search-address-points.js';
import { searchAddress } from '../../domain/address/search-address.js';
import type { Geocoder } from '../../domain/address/geocoder-client.js';
import { AddressImportQuerySchema, importAddressPoints } from '../../domain/address/import-address-points.js';
import type { ImportReport } from '../../domain/import/import-report.js';
import { AppError } from '../../errors.js';
import { decodeText } from '../../domain/import/decode-text.js';
import { ctxOf } from '../organisation-context.js';
import { parseQuery } from '../parse.js';

/** A gmina's PRG GML runs to tens of megabytes (about 1.5 kB per point); CSV is a tenth of that. */
const PRG_FILE_LIMIT = '100mb';

/** The request body as text (UTF-8, or Windows-1250 from Polish Excel); JSON is refused. */
export function fileTextOf(req: Request): string {
  if (!Buffer.isBuffer(req.body)) {
    throw new AppError('VALIDATION_FAILED', 'Wyślij plik jako treść żądania (text/csv albo application/gml+xml)', {
      messageEn: 'Send the file as the request body (text/csv or application/gml+xml)',
      fields: [{ path: '(body)', message: 'oczekiwano pliku CSV lub GML', messageEn: 'a CSV or GML file was expected' }],
    });
  }
  return decodeText(req.body);
}

/** 200 with the report; 400 with the same report when a bad row kept the whole file out. */
export function sendImportReport(res: Response, report: ImportReport): void {
  if (!report.refused) {
    res.json(report);
    return;
  }
  res.status(400).json({
    ...report,
    error: {
      code: 'VALIDATION_FAILED',
      message: 'Plik zawiera błędne wiersze; nic nie zaimportowano (dodaj ?acceptValid=true, by zaimportować poprawne)',
      messageEn: 'The file has bad rows; nothing was imported (add ?acceptValid=true to import the valid ones)',
      fields: report.rejected.map((r) => ({ path: `row ${r.row}: ${r.field}`, message: r.message, messageEn: r.messageEn })),
    },
  });
}

/** Any non-JSON body is taken as the file's bytes (JSON was already parsed by the app). */
export const fileBody = (limit: string) => express.raw({ type: (req) => !/json/i.test(req.headers['content-type'] ?? ''), limit });

export function addressPointsRoutes(deps: DomainDeps & { readonly geocoder?: Geocoder | undefined }): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await searchAddressPoints(deps, ctxOf(req), parseQuery(AddressSearchQuerySchema, req)) });
  });
  /** PRG first; the optional geocoder only when PRG has no match. Answers { source, items, geocoder }. */
  r.get('/search', async (req, res) => {
    res.json(await searchAddress(deps, ctxOf(req), parseQuery(AddressSearchQuerySchema, req), deps.geocoder));
  });
  r.post('/import', fileBody(PRG_FILE_LIMIT), async (req, res) => {
    const query = parseQuery(AddressImportQuerySchema, req);
    const file = { text: fileTextOf(req), contentType: req.headers['content-type'] };
    sendImportReport(res, await importAddressPoints(deps, ctxOf(req), file, query));
  });
  return r;
}
