import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validate } from '../../../../src/domain/common/validate.js';
import { AppError } from '../../../../src/errors.js';
import { CreateClientSchema } from '../../../../src/domain/booking/client.schema.js';
import { BookRideSchema } from '../../../../src/domain/booking/ride.schema.js';

/** The field errors validate() throws for an input. */
function fieldsOf(schema: z.ZodType, input: unknown): Record<string, { pl: string; en: string }> {
  try {
    validate(schema, input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return Object.fromEntries((err as AppError).fields!.map((f) => [f.path, { pl: f.message, en: f.messageEn ?? '' }]));
  }
  throw new Error('expected a validation error');
}

describe('validation messages in the words of the person filling the form', () => {
  it('says a missing name is required and names the place not chosen, instead of zod’s wording', () => {
    const fields = fieldsOf(CreateClientSchema, { firstName: '  ', lastName: '', homePlaceId: '' });
    expect(fields.firstName).toEqual({ pl: 'pole jest wymagane', en: 'required' });
    expect(fields.lastName).toEqual({ pl: 'pole jest wymagane', en: 'required' });
    expect(fields.homePlaceId).toEqual({ pl: 'nie wybrano', en: 'none chosen' });
    const ride = fieldsOf(BookRideSchema, { clientId: 'abc', date: '2026-12-01', arriveBy: '09:00' });
    expect(ride.clientId).toEqual({ pl: 'wybierz z listy (oczekiwano identyfikatora)', en: 'choose one from the list (an id is expected)' });
    expect(ride.toPlaceId).toEqual({ pl: 'pole jest wymagane', en: 'required' });
  });

  it('names the value given and the values allowed, instead of zod’s quoted alternatives', () => {
    const schema = z.object({ kind: z.enum(['HEALTH', 'SCHOOL']), mode: z.enum(['A', 'B']) });
    const fields = fieldsOf(schema, { kind: 'GARAGE', mode: '' });
    expect(fields.kind).toEqual({ pl: 'nieznana wartość „GARAGE”; dozwolone: HEALTH, SCHOOL', en: 'unknown value "GARAGE"; allowed: HEALTH, SCHOOL' });
    expect(fields.mode).toEqual({ pl: 'pole jest wymagane', en: 'required' });
  });

  it('gives lengths and limits with Polish plurals, and whole numbers by name', () => {
    const schema = z.object({ reason: z.string().min(3), code: z.string().max(22), seats: z.number().int().min(1).max(60), days: z.array(z.number()).min(1), five: z.string().min(5) });
    const fields = fieldsOf(schema, { reason: 'ab', code: 'x'.repeat(23), seats: 1.5, days: [], five: 'abcd' });
    expect(fields.reason).toEqual({ pl: 'co najmniej 3 znaki', en: 'at least 3 characters' });
    expect(fields.code).toEqual({ pl: 'najwyżej 22 znaki', en: 'at most 22 characters' });
    expect(fields.seats).toEqual({ pl: 'podaj liczbę całkowitą', en: 'enter a whole number' });
    expect(fields.days).toEqual({ pl: 'wybierz co najmniej jedną pozycję', en: 'choose at least one' });
    expect(fields.five).toEqual({ pl: 'co najmniej 5 znaków', en: 'at least 5 characters' });
    expect(fieldsOf(schema, { reason: 'abc', code: '', seats: 0, days: [1], five: 'abcde' }).seats).toEqual({ pl: 'co najmniej 1', en: 'at least 1' });
    expect(fieldsOf(schema, { reason: 'abc', code: '', seats: '7', days: [1], five: 'abcde' }).seats).toEqual({ pl: 'podaj liczbę', en: 'enter a number' });
  });
});
