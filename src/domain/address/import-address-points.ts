/**
 * Imports a gmina's PRG address points (CSV or GML, issue #5): parse, check every point, then
 * store the valid ones in one transaction, replacing earlier points at the same addresses.
 * A file with a bad row stores nothing unless acceptValid is set.
 */
import { z } from 'zod';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { AppError } from '../../errors.js';
import { ImportQuerySchema, mayStore, type ImportReport, type RowRejection } from '../import/import-report.js';
import { checkAddressPoint, type AddressPointInput } from './address-point.js';
import { replaceAddressPoints } from '../../db/repositories/address-point.repo.js';
import { parsePrgCsv, type ParsedPoints } from './prg-csv.js';
import { parsePrgGml } from './prg-gml.js';

export const AddressImportQuerySchema = ImportQuerySchema.extend({
  /**
   * Which number of a pair is the northing. Default: CSV x/y in the Polish convention (x =
   * northing); GML as its model writes it (2012: northing first, 2021: easting first).
   */
  axisOrder: z.enum(['northingEasting', 'eastingNorthing']).optional(),
});
export type AddressImportQuery = z.infer<typeof AddressImportQuerySchema>;

export type PrgFormat = 'csv' | 'gml';

/** The format from the Content-Type, else from the text itself (GML starts with "<"). */
export function prgFormatOf(contentType: string | undefined, text: string): PrgFormat {
  if (contentType && /xml|gml/i.test(contentType)) return 'gml';
  if (contentType && /csv/i.test(contentType)) return 'csv';
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<') ? 'gml' : 'csv';
}

/** Parses and checks a file without touching the database. */
export function readPrgFile(text: string, format: PrgFormat, axisOrder?: AddressImportQuery['axisOrder']) {
  const parsed: ParsedPoints = format === 'gml' ? parsePrgGml(text, axisOrder) : parsePrgCsv(text, axisOrder);
  const valid: AddressPointInput[] = [];
  const rejected: RowRejection[] = [...parsed.fileErrors];
  for (const raw of parsed.points) {
    const checked = checkAddressPoint(raw);
    if ('point' in checked) valid.push(checked.point);
    else rejected.push(...checked.rejected);
  }
  return { read: parsed.points.length, valid, rejected };
}

export async function importAddressPoints(
  deps: DomainDeps,
  ctx: OrganisationContext,
  file: { text: string; contentType: string | undefined },
  query: AddressImportQuery,
): Promise<ImportReport> {
  if (!file.text.trim()) {
    throw new AppError('VALIDATION_FAILED', 'Pusty plik', {
      messageEn: 'Empty file',
      fields: [{ path: '(body)', message: 'wyślij plik CSV albo GML z punktami adresowymi PRG', messageEn: 'send a PRG address points CSV or GML file' }],
    });
  }
  const { read, valid, rejected } = readPrgFile(file.text, prgFormatOf(file.contentType, file.text), query.axisOrder);
  if (!mayStore(rejected, query.acceptValid) || valid.length === 0) {
    return { read, imported: 0, rejected, refused: rejected.length > 0 && !query.acceptValid };
  }
  // A gmina's points are thousands of rows: allow the one transaction more than Prisma's 5 s.
  const imported = await deps.db.$transaction((tx) => replaceAddressPoints(tx, ctx.organisationId, valid), { timeout: 120_000, maxWait: 10_000 });
  return { read, imported, rejected, refused: false };
}
