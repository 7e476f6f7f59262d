import { z } from 'zod';
import { invalidInput, type FieldError } from '../../errors.js';
import { messages, type MessageKey } from './messages.js';

const pl = z.locales.pl();
const en = z.locales.en();

/** "1 znak", "3 znaki", "5 znaków", "22 znaki", "12 znaków". */
function znaki(n: number): string {
  const tens = n % 100;
  const units = n % 10;
  if (n === 1) return '1 znak';
  return `${n} ${units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? 'znaki' : 'znaków'}`;
}

/**
 * The common issues in the words of the person filling the form (zod's own Polish reads
 * "Za mała wartość: oczekiwano, że string będzie mieć >=1 znaków"); null for the rest.
 */
function plainWords(issue: z.core.$ZodIssue): { pl: string; en: string } | null {
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined || input === null || input === '') return { pl: 'pole jest wymagane', en: 'required' };
      if (issue.expected === 'int') return { pl: 'podaj liczbę całkowitą', en: 'enter a whole number' };
      if (issue.expected === 'number') return { pl: 'podaj liczbę', en: 'enter a number' };
      if (issue.expected === 'boolean') return { pl: 'oczekiwano tak lub nie (true/false)', en: 'expected yes or no (true/false)' };
      if (issue.expected === 'string') return { pl: 'oczekiwano tekstu', en: 'expected text' };
      return null;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { pl: 'pole jest wymagane', en: 'required' } : { pl: `co najmniej ${znaki(min)}`, en: `at least ${min} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? { pl: 'wybierz co najmniej jedną pozycję', en: 'choose at least one' } : { pl: `co najmniej ${min} pozycje`, en: `at least ${min} items` };
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? { pl: `musi być większe niż ${min}`, en: `must be more than ${min}` } : { pl: `co najmniej ${min}`, en: `at least ${min}` };
      return null;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { pl: `najwyżej ${znaki(max)}`, en: `at most ${max} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { pl: `najwyżej ${max} pozycji`, en: `at most ${max} items` };
      if (issue.origin === 'number' || issue.origin === 'int') return issue.inclusive === false ? { pl: `musi być mniejsze niż ${max}`, en: `must be less than ${max}` } : { pl: `najwyżej ${max}`, en: `at most ${max}` };
      return null;
    }
    case 'invalid_value': {
      // zod says 'oczekiwano jednej z wartości "DEPOT"|"ADDRESS"|…': name what was given, then the choices.
      const input = (issue as { input?: unknown }).input;
      if (input === undefined || input === null || input === '') return { pl: 'pole jest wymagane', en: 'required' };
      const allowed = issue.values.map(String).join(', ');
      const given = typeof input === 'string' ? input : JSON.stringify(input);
      return { pl: `nieznana wartość „${given}”; dozwolone: ${allowed}`, en: `unknown value "${given}"; allowed: ${allowed}` };
    }
    case 'invalid_format':
      // An id comes from a list in the app (a place, a client, a vehicle): empty means none was chosen.
      if (issue.format === 'uuid' || issue.format === 'guid') {
        return (issue as { input?: unknown }).input === '' ? { pl: 'nie wybrano', en: 'none chosen' } : { pl: 'wybierz z listy (oczekiwano identyfikatora)', en: 'choose one from the list (an id is expected)' };
      }
      return null;
    default:
      return null;
  }
}

/** A zod issue → the failing field, worded in Polish and English. */
export function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const path = issue.path.map(String).join('.') || '(body)';
  const known = messages[issue.message as MessageKey];
  if (known) return { path, message: known.pl, messageEn: known.en };
  const plain = plainWords(issue);
  if (plain) return { path, message: plain.pl, messageEn: plain.en };
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
  throw invalidInput(result.error.issues.map(toFieldError));
}
