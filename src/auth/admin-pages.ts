/**
 * Pages outside /api/v1 that only administrators may open (the queue dashboard): the browser's
 * session cookie, the ADMIN role, and for changes a request from our own origin — the page is a
 * third-party app that cannot send our CSRF header, so the same-origin check stands in for it
 * (with the SameSite=Strict cookie). Anyone else is sent to the login page or answered 404.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { hasRole } from '../domain/organisation/organisation-context.js';
import { fromSession, type AuthDeps } from './authenticate.js';
import { SESSION_COOKIE, readCookie } from './session-cookie.js';
import { notFoundEndpoint } from './authorise.js';

export function adminPagesOnly(deps: AuthDeps): RequestHandler {
  return async (req, res, next) => {
    const cookie = readCookie(req, SESSION_COOKIE);
    const ctx = cookie ? await fromSession(deps, req, cookie, false) : undefined;
    if (!ctx) {
      if (req.method === 'GET') return res.redirect(303, '/app/');
      throw new AppError('UNAUTHENTICATED', 'Zaloguj się', { messageEn: 'Sign in first' });
    }
    if (!hasRole(ctx, 'ADMIN')) throw notFoundEndpoint();
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const origin = req.header('origin') ?? req.header('referer');
      const own = `${req.protocol}://${req.header('host')}`;
      if (!origin || !(origin === own || origin.startsWith(`${own}/`))) {
        throw new AppError('FORBIDDEN', 'Żądanie spoza aplikacji', { messageEn: 'Request from outside the application' });
      }
    }
    req.ctx = ctx;
    next();
  };
}
