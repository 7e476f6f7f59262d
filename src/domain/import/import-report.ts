/**
 * What every file import answers: how many rows were read, how many were stored, and each
 * rejected row with its number, the field and the reason in Polish and English (issue #5).
 * A file with any rejected row stores nothing unless the caller asks for the valid rows only
 * (`?acceptValid=true`), so a half-imported spreadsheet never happens by accident.
 */
import { z } from 'zod';

export interface RowRejection {
  /** Spreadsheet row number (header = 1) for CSV; the feature's ordinal (1-based) for GML. */
  readonly row: number;
  readonly field: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface ImportReport {
  readonly read: number;
  readonly imported: number;
  readonly rejected: readonly RowRejection[];
  /** True when the file had rejected rows and nothing was stored (acceptValid not given). */
  readonly refused: boolean;
  /** Client imports: what became of each row (a re-import updates or skips, never duplicates). */
  readonly rows?: readonly RowOutcome[];
}

export interface RowOutcome {
  readonly row: number;
  /** created; updated; unchanged (same as stored); skipped (exists, existing=skip); rejected. */
  readonly action: 'created' | 'updated' | 'unchanged' | 'skipped' | 'rejected';
  readonly clientId: string | null;
}

export const ImportQuerySchema = z.object({
  acceptValid: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});

/** Client imports: what to do with a row that matches a client already stored. */
export const ClientImportQuerySchema = ImportQuerySchema.extend({
  existing: z.enum(['update', 'skip']).default('update'),
});

export function rejection(row: number, field: string, message: string, messageEn: string): RowRejection {
  return { row, field, message, messageEn };
}

/** A header-level problem (a required column missing) rejects the file as row 1, the header. */
export function missingColumns(missing: readonly string[]): RowRejection[] {
  return missing.map((name) => rejection(1, name, `brak kolumny „${name}”`, `column "${name}" is missing`));
}

/** Whether the valid rows of a file with these rejections may be stored. */
export function mayStore(rejected: readonly RowRejection[], acceptValid: boolean): boolean {
  return rejected.length === 0 || acceptValid;
}
