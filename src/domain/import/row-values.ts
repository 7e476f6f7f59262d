/** Spreadsheet cells → the values the API's zod schemas expect, leaving bad text for zod to name. */
import type { z } from 'zod';
import { toFieldError } from '../common/validate.js';
import { normaliseText } from '../address/normalise.js';
import { rejection, type RowRejection } from './import-report.js';

const YES = new Set(['tak', 't', 'true', 'yes', 'y', '1', 'x']);
const NO = new Set(['nie', 'n', 'false', 'no', '0']);

/** "tak"/"nie", "true"/"false", "1"/"0"; empty → undefined (the schema's default); anything else stays text, which zod rejects. */
export function parseYesNo(text: string | undefined): boolean | string | undefined {
  if (text === undefined) return undefined;
  const t = normaliseText(text);
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return text;
}

/** Validates a row with an API schema; every issue becomes a rejection naming the row and field. */
export function validateRow<S extends z.ZodType>(schema: S, row: number, input: unknown): { value: z.output<S> } | { rejected: RowRejection[] } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { value: result.data };
  return {
    rejected: result.error.issues.map((issue) => {
      const f = toFieldError(issue);
      return rejection(row, f.path, f.message, f.messageEn ?? f.message);
    }),
  };
}
