import type { OrganisationContext } from '../domain/organisation/organisation-context.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by src/auth/authenticate.ts from the caller's session or API token. */
    ctx?: OrganisationContext;
  }
}

/**
 * The context of a request under /api/v1. The organisation is the signed-in user's or the API
 * token's, never a header (docs/DECISIONS.md D12); authorise.ts has already refused callers
 * without credentials on every route that reaches a handler, except the public login.
 */
export function ctxOf(req: { ctx?: OrganisationContext }): OrganisationContext {
  if (!req.ctx) throw new Error('request context missing: route mounted outside /api/v1 or marked PUBLIC');
  return req.ctx;
}
