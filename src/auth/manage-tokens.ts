/** API tokens for integrations: shown once at creation, stored as sha256, revocable. */
import type { DomainDeps } from '../domain/deps.js';
import type { OrganisationContext, Role } from '../domain/organisation/organisation-context.js';
import { AppError, notFound } from '../errors.js';
import type { CreateTokenInput } from './account.schema.js';
import { API_TOKEN_PREFIX, newSecret, sha256 } from './secrets.js';

export interface TokenView {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly roles: Role[];
  readonly providerId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

type Row = Awaited<ReturnType<DomainDeps['db']['apiToken']['findFirstOrThrow']>>;
const view = (t: Row): TokenView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  roles: t.roles as Role[],
  providerId: t.providerId,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** Creates a token; the answer is the only place its value ever appears. */
export async function createToken(deps: DomainDeps, ctx: OrganisationContext, input: CreateTokenInput): Promise<TokenView & { token: string }> {
  if (input.roles.includes('PROVIDER') && !input.providerId) {
    throw new AppError('VALIDATION_FAILED', 'Token przewoźnika musi wskazywać przewoźnika', {
      messageEn: 'A provider token needs its provider',
      fields: [{ path: 'providerId', message: 'wymagane dla roli PROVIDER', messageEn: 'required for role PROVIDER' }],
    });
  }
  if (input.roles.includes('DRIVER')) {
    throw new AppError('VALIDATION_FAILED', 'Kierowcy logują się własnym kontem, nie tokenem', {
      messageEn: 'Drivers sign in with their own account, not a token',
      fields: [{ path: 'roles', message: 'rola DRIVER niedostępna dla tokenów', messageEn: 'role DRIVER is not available to tokens' }],
    });
  }
  if (input.providerId) {
    const p = await deps.db.provider.findFirst({ where: { organisationId: ctx.organisationId, id: input.providerId } });
    if (!p) throw new AppError('VALIDATION_FAILED', 'Nie ma takiego przewoźnika', { messageEn: 'No such provider', fields: [{ path: 'providerId', message: 'nie ma takiego przewoźnika', messageEn: 'no such provider' }] });
  }
  const token = newSecret(API_TOKEN_PREFIX);
  const row = await deps.db.apiToken.create({
    data: {
      organisationId: ctx.organisationId,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      roles: input.roles,
      providerId: input.providerId ?? null,
      createdBy: ctx.actor,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    },
  });
  return { ...view(row), token };
}

export async function listTokens(deps: DomainDeps, ctx: OrganisationContext): Promise<TokenView[]> {
  const rows = await deps.db.apiToken.findMany({ where: { organisationId: ctx.organisationId }, orderBy: { createdAt: 'desc' } });
  return rows.map(view);
}

/** Revokes a token at once; revoking twice keeps the first time. */
export async function revokeToken(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<TokenView> {
  await deps.db.apiToken.updateMany({ where: { organisationId: ctx.organisationId, id, revokedAt: null }, data: { revokedAt: deps.now() } });
  const row = await deps.db.apiToken.findFirst({ where: { organisationId: ctx.organisationId, id } });
  if (!row) throw notFound('token', 'token');
  return view(row);
}
