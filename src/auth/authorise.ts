/**
 * Applies the permission table (permissions.ts) to every /api/v1 request. Unknown routes and
 * routes the caller's roles do not allow answer the same 404, so nobody learns what exists by
 * trying; a caller without credentials gets 401 (the web app then shows the login page).
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { allows, ruleFor } from './permissions.js';

export function notFoundEndpoint(): AppError {
  return new AppError('NOT_FOUND', 'Nie ma takiego adresu', { messageEn: 'No such endpoint' });
}

export function authorise(): RequestHandler {
  return (req, _res, next) => {
    const matched = ruleFor(req.method, req.baseUrl + req.path);
    if (matched?.rule === 'PUBLIC') return next();
    if (!req.ctx) throw new AppError('UNAUTHENTICATED', 'Zaloguj się', { messageEn: 'Sign in first' });
    if (!matched || !allows(matched.rule, req.ctx.roles)) throw notFoundEndpoint();
    next();
  };
}
