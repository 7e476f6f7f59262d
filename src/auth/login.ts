/**
 * Signing in and out. A wrong password counts against the account (exponential lock after
 * MAX_FREE_FAILURES) and against the caller's address (a Redis window), so neither one account
 * nor many accounts can be guessed at speed (docs/DECISIONS.md D13).
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../domain/audit/audit-entry.js';
import type { Role } from '../domain/organisation/organisation-context.js';
import { decoyHash, verifyPassword } from './password.js';
import { countHit, hits, tooMany } from './rate-limit.js';
import { newSecret, sha256 } from './secrets.js';
import { SESSION_IDLE_SEC } from './session-cookie.js';

export const LoginSchema = z.strictObject({
  login: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export interface LoginDeps {
  readonly db: Db;
  readonly redis: Redis;
  readonly now: () => Date;
  /** Redis key prefix of this installation (QUEUE_PREFIX), so test runs do not share counters. */
  readonly keyPrefix: string;
}

/** Failures an account may have before each further one locks it for a while. */
export const MAX_FREE_FAILURES = 5;
const FIRST_LOCK_SEC = 30;
const MAX_LOCK_SEC = 15 * 60;
/** Failed logins from one address in one window before the address is refused. */
export const IP_FAILURE_LIMIT = 30;
const IP_WINDOW_SEC = 15 * 60;

/** How long the account is locked after its n-th consecutive failure: 0, then 30 s doubling to 15 min. */
export function lockSeconds(failures: number): number {
  if (failures < MAX_FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SEC, FIRST_LOCK_SEC * 2 ** (failures - MAX_FREE_FAILURES));
}

export interface SignedIn {
  readonly sessionToken: string;
  readonly csrfToken: string;
  readonly user: { id: string; login: string; displayName: string; roles: Role[]; organisationId: string };
}

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Nieprawidłowy login lub hasło', { messageEn: 'Wrong login or password' });

export async function signIn(deps: LoginDeps, input: LoginInput, meta: { ip?: string; requestId?: string }): Promise<SignedIn> {
  const now = deps.now();
  const ipKey = `${deps.keyPrefix}:login-fail:${meta.ip ?? 'unknown'}`;
  if ((await hits(deps.redis, ipKey)) >= IP_FAILURE_LIMIT) throw tooMany(IP_WINDOW_SEC / 60);

  const user = await deps.db.user.findUnique({ where: { login: input.login } });
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw tooMany(Math.max(1, Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000)));
  }
  // Unknown logins cost the same scrypt as wrong passwords: timing tells nothing.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !ok || !user.active) {
    await countHit(deps.redis, ipKey, IP_WINDOW_SEC);
    if (user) {
      const failures = user.failedLogins + 1;
      const lock = lockSeconds(failures);
      await deps.db.user.update({
        where: { id: user.id },
        data: { failedLogins: failures, lockedUntil: lock > 0 ? new Date(now.getTime() + lock * 1000) : null },
      });
      await recordAudit(deps.db, { organisationId: user.organisationId, actor: user.id, ...meta }, [
        { action: 'LOGIN_FAILED', entity: 'user', entityId: user.id, detail: `failures=${failures}` },
      ], now);
    }
    throw wrongCredentials();
  }

  const sessionToken = newSecret();
  const csrfToken = csrfTokenFor(sessionToken);
  await deps.db.$transaction([
    deps.db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now } }),
    deps.db.session.create({
      data: {
        organisationId: user.organisationId,
        userId: user.id,
        tokenHash: sha256(sessionToken),
        csrfHash: sha256(csrfToken),
        expiresAt: new Date(now.getTime() + SESSION_IDLE_SEC * 1000),
        lastSeenAt: now,
        ip: meta.ip ?? null,
      },
    }),
  ]);
  await recordAudit(deps.db, { organisationId: user.organisationId, actor: user.id, ...meta }, [
    { action: 'LOGIN', entity: 'user', entityId: user.id },
  ], now);
  return {
    sessionToken,
    csrfToken,
    user: { id: user.id, login: user.login, displayName: user.displayName, roles: user.roles as Role[], organisationId: user.organisationId },
  };
}

/**
 * The CSRF token of a session, derived from its cookie value: the server can give it again to a
 * reloaded page (GET /auth/me), while another site, which cannot read the cookie, cannot make it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return sha256(`csrf:${sessionToken}`);
}

export async function signOut(db: Db, sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: sha256(sessionToken) } });
}
