import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import { IdSchema } from '../domain/common/schemas.js';
import { validate } from '../domain/common/validate.js';

/** Validators for the parts of a request; a failure is a 400 naming each bad field. */
export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.output<S> => validate(schema, req.body ?? {});
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.output<S> => validate(schema, { ...req.query });
export function parseParams<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  return validate(schema, { ...req.params });
}
export const IdParamsSchema = z.object({ id: IdSchema });
export const parseId = (req: Request): string => parseParams(IdParamsSchema, req).id;

const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, { error: 'idempotency.key' }).optional(),
});

/** The Idempotency-Key header, bound to this exact request (method, path, body). */
export function idempotencyOf(req: Request): { key: string; requestHash: string } | undefined {
  const key = validate(IdempotencyHeaderSchema, { 'idempotency-key': req.header('idempotency-key') })['idempotency-key'];
  if (!key) return undefined;
  const requestHash = createHash('sha256').update(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
  return { key, requestHash };
}
