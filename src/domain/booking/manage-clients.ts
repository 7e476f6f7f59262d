import { AppError, invalidInput, notFound } from '../../errors.js';
import { clientScope, mayAssignCaseworker } from '../../auth/row-access.js';
import { hasRole } from '../organisation/organisation-context.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findClient, insertClient, listClients, updateClientVersioned } from '../../db/repositories/client.repo.js';
import { findPlace } from '../../db/repositories/place.repo.js';
import type { ClientView, CreateClient, UpdateClient } from './client.schema.js';
import { throwStale } from './manage-places.js';
import { Prisma } from '../../db/generated/client.js';

/** The external id is unique in the organisation: a second client with it is refused by name. */
async function externalIdUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw invalidInput([{ path: 'externalId', message: 'inny klient ma już ten identyfikator', messageEn: 'another client already has this id' }]);
    }
    throw err;
  }
}

/** A home must be a place of this organisation (ids of other organisations look unknown). */
async function checkHome(deps: DomainDeps, ctx: OrganisationContext, homePlaceId: string): Promise<void> {
  if (!(await findPlace(deps.db, ctx.organisationId, homePlaceId))) {
    throw invalidInput([{ path: 'homePlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' }]);
  }
}

function invalidCaseworker(message: string, messageEn: string): AppError {
  return invalidInput([{ path: 'caseworkerUserId', message, messageEn }]);
}

/**
 * Checks a wanted caseworker account against the client's current one (undefined for a new
 * client) and answers the account's display name, or null when none is assigned. Only
 * administrators and dispatchers give a client to someone else; a caseworker may name only
 * themselves, and only for a new client.
 */
async function checkCaseworker(
  deps: DomainDeps,
  ctx: OrganisationContext,
  wanted: string | null,
  current: string | null | undefined,
): Promise<string | null> {
  // A new client's own default (the signed-in caseworker, or none for a token) needs no right.
  if (wanted !== current && !mayAssignCaseworker(ctx) && !(current === undefined && wanted === (ctx.userId ?? null))) {
    throw invalidCaseworker('klienta innemu opiekunowi przypisuje administrator lub dyspozytor', 'only an administrator or a dispatcher assigns a client to another caseworker');
  }
  if (wanted === null) return null;
  const user = await deps.db.user.findFirst({
    where: { organisationId: ctx.organisationId, id: wanted, active: true, roles: { has: 'CASEWORKER' } },
    select: { displayName: true },
  });
  if (!user) throw invalidCaseworker('nie ma takiego opiekuna (aktywnego konta z rolą CASEWORKER)', 'no such caseworker (an active account with the CASEWORKER role)');
  return user.displayName;
}

/**
 * A caseworker who creates a client becomes its caseworker unless another is named, so a
 * caseworker limited to their own caseload keeps seeing the clients they add.
 */
export async function createClient(deps: DomainDeps, ctx: OrganisationContext, input: CreateClient): Promise<ClientView> {
  await checkHome(deps, ctx, input.homePlaceId);
  const ownByDefault = ctx.userId && hasRole(ctx, 'CASEWORKER') ? ctx.userId : null;
  const caseworkerUserId = input.caseworkerUserId === undefined ? ownByDefault : input.caseworkerUserId;
  const name = await checkCaseworker(deps, ctx, caseworkerUserId, undefined);
  return externalIdUnique(() =>
    insertClient(deps.db, ctx.organisationId, { ...input, caseworkerUserId, caseworker: input.caseworker === undefined ? name : input.caseworker }),
  );
}

export async function getClient(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<ClientView> {
  // Outside the caller's caseload a client is as unknown as a wrong id (row-access.ts).
  const c = await findClient(deps.db, ctx.organisationId, id, clientScope(ctx));
  if (!c) throw notFound('klient', 'client');
  return c;
}

export function listClientsOf(deps: DomainDeps, ctx: OrganisationContext, filter: { q?: string; active?: boolean }) {
  return listClients(deps.db, ctx.organisationId, filter, clientScope(ctx));
}

export async function updateClient(deps: DomainDeps, ctx: OrganisationContext, id: string, input: UpdateClient): Promise<ClientView> {
  const current = await getClient(deps, ctx, id);
  const { version, ...changes } = input;
  if (changes.homePlaceId) await checkHome(deps, ctx, changes.homePlaceId);
  if (changes.caseworkerUserId !== undefined) {
    const name = await checkCaseworker(deps, ctx, changes.caseworkerUserId, current.caseworkerUserId);
    // A new caseworker's name replaces the old one's unless the change names someone.
    if (name && changes.caseworker === undefined && changes.caseworkerUserId !== current.caseworkerUserId) changes.caseworker = name;
  }
  const updated = await externalIdUnique(() => updateClientVersioned(deps.db, ctx.organisationId, id, version, changes));
  return updated ?? throwStale(current.version);
}
