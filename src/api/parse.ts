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
