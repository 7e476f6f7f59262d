import { Router } from 'express';
import type { Redis } from 'ioredis';
import type { DomainDeps } from '../../domain/deps.js';
import { LoginSchema, csrfTokenFor, signIn, signOut } from '../../auth/login.js';
import { getUser } from '../../auth/manage-users.js';
import { requestMeta } from '../../auth/authenticate.js';
import { SESSION_COOKIE, clearSessionCookie, readCookie, setSessionCookie } from '../../auth/session-cookie.js';
import { recordAudit } from '../../domain/audit/audit-entry.js';
import { ctxOf } from '../organisation-context.js';
import { parseBody } from '../parse.js';

export interface AuthRoutesDeps extends DomainDeps {
  readonly redis: Redis;
  readonly queuePrefix?: string | undefined;
}

export function authRoutes(deps: AuthRoutesDeps): Router {
  const r = Router();
  /** Sign in: sets the session cookie; the CSRF token in the answer goes in X-CSRF-Token on changes. */
  r.post('/login', async (req, res) => {
    const input = parseBody(LoginSchema, req);
    const signedIn = await signIn({ ...deps, keyPrefix: deps.queuePrefix ?? 'dowoz' }, input, requestMeta(req));
    setSessionCookie(req, res, signedIn.sessionToken);
    res.json({ user: signedIn.user, csrfToken: signedIn.csrfToken });
  });
  r.post('/logout', async (req, res) => {
    const ctx = ctxOf(req);
    const cookie = readCookie(req, SESSION_COOKIE);
    if (cookie) await signOut(deps.db, cookie);
    clearSessionCookie(req, res);
    await recordAudit(deps.db, ctx, [{ action: 'LOGOUT', entity: 'user', entityId: ctx.userId ?? null }], deps.now());
    res.status(204).end();
  });
  /** Who am I: the account (or token) and, for a browser session, its CSRF token again. */
  r.get('/me', async (req, res) => {
    const ctx = ctxOf(req);
    const organisation = await deps.db.organisation.findUniqueOrThrow({
      where: { id: ctx.organisationId },
      select: { id: true, slug: true, name: true, timeZone: true },
    });
    const cookie = readCookie(req, SESSION_COOKIE);
    res.json({
      actor: ctx.actor,
      roles: ctx.roles ?? [],
      user: ctx.userId ? await getUser(deps, ctx, ctx.userId) : null,
      organisation,
      csrfToken: ctx.userId && cookie ? csrfTokenFor(cookie) : null,
    });
  });
  return r;
}
