import type { ErrorRequestHandler } from 'express';
import { AppError, type AppErrorCode } from '../errors.js';
import { toFieldError } from '../domain/common/validate.js';

/** The one code → HTTP status table. */
const STATUS: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  MOVE_INFEASIBLE: 422,
  INSERTION_INFEASIBLE: 422,
  ROUTING_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/**
 * Expected errors answer with their code and fields; anything else is logged and answered as a
 * bare 500 — no stack traces or SQL leave the server.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof AppError) {
    res.status(STATUS[err.code]).json({
      error: { code: err.code, message: err.message, messageEn: err.messageEn, fields: err.fields },
    });
    return;
  }
  // body-parser: malformed JSON or a body over the size limit.
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') {
    res.status(400).json({
      error: { code: 'VALIDATION_FAILED', message: 'Treść żądania nie jest poprawnym JSON-em', messageEn: 'The request body is not valid JSON', fields: [{ path: '(body)', message: 'niepoprawny JSON', messageEn: 'malformed JSON' }] },
    });
    return;
  }
  if (type === 'entity.too.large') {
    res.status(413).json({ error: { code: 'VALIDATION_FAILED', message: 'Treść żądania jest za duża', messageEn: 'The request body is too large', fields: [] } });
    return;
  }
  req.log?.error({ err }, 'unhandled error');
  res.status(500).json({ error: { code: 'INTERNAL', message: 'Błąd wewnętrzny serwera', messageEn: 'Internal server error', fields: [] } });
};

export { toFieldError };
