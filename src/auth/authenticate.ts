/**
 * Who is calling: an API token (Authorization: Bearer dwz_…) or a browser session (cookie).
 * Sets req.ctx with the organisation, actor and roles of the caller; the organisation always
 * comes from the credentials, never from the request (docs/DECISIONS.md D12). A request without
 * credentials passes on unauthenticated: authorise.ts decides whether that is enough.
 */
import type { Request, RequestHandler } from 'express';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import type { OrganisationContext, Role } from '../domain/organisation/organisation-context.js';
import { sha256 } from './secrets.js';
import { ruleFor } from './permissions.js';
import { CSRF_HEADER, SESSION_COOKIE, SESSION_IDLE_SEC, clearSessionCookie, readCookie } from './session-cookie.js';

export interface AuthDeps {
  readonly db: Db;
  readonly now: () => Date;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Last-use times are written at most this often, so reads do not each cost a write.
const TOUCH_AFTER_MS = 60_000;

function unauthenticated(): AppError {
  return new AppError('UNAUTHENTICATED', 'Zaloguj się', { messageEn: 'Sign in first' });
}

export function requestMeta(req: Request): { ip?: string; requestId?: string } {
  const id = (req as { id?: unknown }).id;
  return { ...(req.ip ? { ip: req.ip } : {}), ...(typeof id === 'string' ? { requestId: id } : {}) };
}

async function fromToken(deps: AuthDeps, req: Request, token: string): Promise<OrganisationContext> {
  const now = deps.now();
  const row = await deps.db.apiToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw unauthenticated();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await deps.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    organisationId: row.organisationId,
    actor: `token:${row.id}`,
    roles: row.roles as Role[],
    ...(row.providerId ? { providerId: row.providerId } : {}),
    ...requestMeta(req),
  };
}

export async function fromSession(deps: AuthDeps, req: Request, value: string, checkCsrf = true): Promise<OrganisationContext | undefined> {
  const now = deps.now();
  const session = await deps.db.session.findUnique({
    where: { tokenHash: sha256(value) },
    include: { user: { include: { vehicles: { select: { vehicleId: true } } } } },
  });
  if (!session || session.expiresAt <= now || !session.user.active) return undefined;
  // Cookies ride along with any request the browser makes; a state change must also carry the
  // CSRF token the login answered with, which another site cannot read.
  if (checkCsrf && !SAFE_METHODS.has(req.method)) {
    const given = req.header(CSRF_HEADER);
    if (!given || sha256(given) !== session.csrfHash) {
      throw new AppError('FORBIDDEN', 'Brak lub błędny token CSRF; odśwież stronę i zaloguj się ponownie', {
        messageEn: 'Missing or wrong CSRF token; reload the page and sign in again',
      });
    }
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await deps.db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_SEC * 1000) },
    });
  }
  const user = session.user;
  return {
    organisationId: user.organisationId,
    actor: user.id,
    userId: user.id,
    roles: user.roles as Role[],
    ...(user.providerId ? { providerId: user.providerId } : {}),
    vehicleIds: user.vehicles.map((v) => v.vehicleId),
    // Read on every request, so an administrator's change applies at once.
    ownCaseloadOnly: user.ownCaseloadOnly,
    ...requestMeta(req),
  };
}

export function authenticate(deps: AuthDeps): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw unauthenticated();
      req.ctx = await fromToken(deps, req, match[1]!);
      return next();
    }
    // Signing in needs no session (and must not fail on a stale one's CSRF check).
    const publicRoute = ruleFor(req.method, req.baseUrl + req.path)?.rule === 'PUBLIC';
    const cookie = publicRoute ? undefined : readCookie(req, SESSION_COOKIE);
    if (cookie) {
      const ctx = await fromSession(deps, req, cookie);
      if (ctx) req.ctx = ctx;
      else clearSessionCookie(req, res);
    }
    next();
  };
}
