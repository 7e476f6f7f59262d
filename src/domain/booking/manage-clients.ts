import { AppError, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { findClient, insertClient, listClients, updateClientVersioned } from '../../db/repositories/client.repo.js';
import { findPlace } from '../../db/repositories/place.repo.js';
import type { ClientView, CreateClient, UpdateClient } from './client.schema.js';
import { throwStale } from './manage-places.js';

/** A home must be a place of this organisation (ids of other organisations look unknown). */
async function checkHome(deps: DomainDeps, ctx: OrganisationContext, homePlaceId: string): Promise<void> {
  if (!(await findPlace(deps.db, ctx.organisationId, homePlaceId))) {
    throw new AppError('VALIDATION_FAILED', 'Nieprawidłowe dane', {
      messageEn: 'Invalid input',
      fields: [{ path: 'homePlaceId', message: 'nie ma takiego miejsca', messageEn: 'no such place' }],
    });
  }
}

export async function createClient(deps: DomainDeps, ctx: OrganisationContext, input: CreateClient): Promise<ClientView> {
  await checkHome(deps, ctx, input.homePlaceId);
  return insertClient(deps.db, ctx.organisationId, input);
}

export async function getClient(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<ClientView> {
  const c = await findClient(deps.db, ctx.organisationId, id);
  if (!c) throw notFound('klient', 'client');
  return c;
}

export function listClientsOf(deps: DomainDeps, ctx: OrganisationContext, filter: { q?: string; active?: boolean }) {
  return listClients(deps.db, ctx.organisationId, filter);
}

export async function updateClient(deps: DomainDeps, ctx: OrganisationContext, id: string, input: UpdateClient): Promise<ClientView> {
  const current = await getClient(deps, ctx, id);
  const { version, ...changes } = input;
  if (changes.homePlaceId) await checkHome(deps, ctx, changes.homePlaceId);
  const updated = await updateClientVersioned(deps.db, ctx.organisationId, id, version, changes);
  return updated ?? throwStale(current.version);
}
