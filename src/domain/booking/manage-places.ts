import { AppError, notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { locatePlace, NO_BOUNDARIES, type Boundaries } from '../organisation/inside-gmina.js';
import { findOrganisationById } from '../../db/repositories/organisation.repo.js';
import { findPlace, insertPlace, listPlaces, updatePlaceVersioned } from '../../db/repositories/place.repo.js';
import type { CreatePlace, PlaceView, UpdatePlace } from './place.schema.js';
import { placeScope } from '../../auth/row-access.js';

async function boundariesOf(deps: DomainDeps, ctx: OrganisationContext): Promise<Boundaries> {
  return (await findOrganisationById(deps.db, ctx.organisationId)) ?? NO_BOUNDARIES;
}

export async function createPlace(deps: DomainDeps, ctx: OrganisationContext, input: CreatePlace): Promise<PlaceView> {
  return insertPlace(deps.db, ctx.organisationId, { ...input, ...locatePlace(await boundariesOf(deps, ctx), input.lat, input.lon) });
}

export async function getPlace(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<PlaceView> {
  // Another caseworker's client's home is as unknown as a wrong id (row-access.ts).
  return (await findPlace(deps.db, ctx.organisationId, id, placeScope(ctx))) ?? throwPlaceNotFound();
}

export function listPlacesOf(deps: DomainDeps, ctx: OrganisationContext, filter: { kind?: PlaceView['kind']; q?: string }) {
  return listPlaces(deps.db, ctx.organisationId, filter, placeScope(ctx));
}

export async function updatePlace(deps: DomainDeps, ctx: OrganisationContext, id: string, input: UpdatePlace): Promise<PlaceView> {
  const current = await getPlace(deps, ctx, id);
  const { version, ...changes } = input;
  const lat = changes.lat ?? current.lat;
  const lon = changes.lon ?? current.lon;
  const updated = await updatePlaceVersioned(deps.db, ctx.organisationId, id, version, { ...changes, ...locatePlace(await boundariesOf(deps, ctx), lat, lon) });
  return updated ?? throwStale(current.version);
}

function throwPlaceNotFound(): never {
  throw notFound('miejsce', 'place');
}

export function throwStale(currentVersion: number): never {
  throw new AppError('CONFLICT', `Ktoś zmienił ten rekord w międzyczasie (aktualna wersja: ${currentVersion}); odśwież i spróbuj ponownie`, {
    messageEn: `Someone changed this record meanwhile (current version: ${currentVersion}); reload and try again`,
    fields: [{ path: 'version', message: 'nieaktualna wersja', messageEn: 'stale version' }],
  });
}
