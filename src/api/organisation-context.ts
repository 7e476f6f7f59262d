import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';
import type { Db } from '../db/client.js';
import { findOrganisationBySlug } from '../db/repositories/organisation.repo.js';
import type { OrganisationContext } from '../domain/organisation/organisation-context.js';

declare module 'express-serve-static-core' {
  interface Request {
    ctx?: OrganisationContext;
  }
}

/**
 * Resolves the organisation every /api/v1 request acts for: the X-Organisation header (a slug),
 * else the installation's DEFAULT_ORGANISATION. Accounts and roles replace this with the
 * signed-in user's organisation (issue #7).
 */
export function organisationContext(db: Db, defaultSlug: string | undefined): RequestHandler {
  const cache = new Map<string, string>();
  return async (req, _res, next) => {
    const slug = req.header('x-organisation')?.trim() || defaultSlug;
    if (!slug) {
      throw new AppError('VALIDATION_FAILED', 'Nie wskazano organizacji', {
        messageEn: 'No organisation given',
        fields: [{ path: 'header:X-Organisation', message: 'podaj identyfikator (slug) organizacji', messageEn: "give the organisation's slug" }],
      });
    }
    let id = cache.get(slug);
    if (!id) {
      const org = await findOrganisationBySlug(db, slug);
      if (!org) throw new AppError('NOT_FOUND', 'Nie znaleziono organizacji', { messageEn: 'Organisation not found' });
      id = org.id;
      cache.set(slug, id);
    }
    req.ctx = { organisationId: id, actor: 'api' };
    next();
  };
}

export function ctxOf(req: { ctx?: OrganisationContext }): OrganisationContext {
  if (!req.ctx) throw new Error('organisation context missing: route mounted outside /api/v1');
  return req.ctx;
}
