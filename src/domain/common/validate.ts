import { z } from 'zod';
import { AppError, type FieldError } from '../../errors.js';
import { messages, type MessageKey } from './messages.js';

const pl = z.locales.pl();
const en = z.locales.en();

/** A zod issue → the failing field, worded in Polish and English. */
export function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const path = issue.path.map(String).join('.') || '(body)';
  const known = messages[issue.message as MessageKey];
  if (known) return { path, message: known.pl, messageEn: known.en };
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.map(String);
    return { path: issue.keys.map((k) => [...at, k].join('.')).join(', '), message: 'nieznane pole', messageEn: 'unknown field' };
  }
  const raw = issue as unknown as Parameters<typeof pl.localeError>[0];
  const msg = (l: typeof pl) => {
    const r = l.localeError?.(raw);
    return typeof r === 'string' ? r : (r?.message ?? issue.message);
  };
  return { path, message: msg(pl), messageEn: msg(en) };
}

/** Parses input with a schema; failure is a VALIDATION_FAILED AppError naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', 'Nieprawidłowe dane', {
    messageEn: 'Invalid input',
    fields: result.error.issues.map(toFieldError),
  });
}
