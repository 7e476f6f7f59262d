/**
 * Contracted providers (NGOs, taxi firms) and which vehicles they run (issue #5). A PROVIDER user
 * (ctx.providerId) sees only its own provider; another provider's id looks unknown.
 */
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import { AppError, invalidInput, notFound } from '../../errors.js';
import type { AssignVehiclesSchema, CreateProvider, ProviderView, UpdateProvider } from './provider.schema.js';
import type { z } from 'zod';

type Row = { id: string; name: string; phone: string | null; email: string | null; active: boolean; version: number; vehicles: { id: string }[] };

const toView = (p: Row): ProviderView => ({
  id: p.id,
  name: p.name,
  phone: p.phone,
  email: p.email,
  active: p.active,
  vehicleIds: p.vehicles.map((v) => v.id),
  version: p.version,
});

const withVehicles = { vehicles: { select: { id: true }, orderBy: { name: 'asc' as const } } };

/** A provider user asking about another provider gets "not found", as for an unknown id. */
export function checkProviderScope(ctx: OrganisationContext, providerId: string): void {
  if (ctx.providerId && ctx.providerId !== providerId) throw notFound('przewoźnik', 'provider');
}

export async function listProviders(deps: DomainDeps, ctx: OrganisationContext): Promise<ProviderView[]> {
  const rows = await deps.db.provider.findMany({
    where: { organisationId: ctx.organisationId, ...(ctx.providerId ? { id: ctx.providerId } : {}) },
    include: withVehicles,
    orderBy: { name: 'asc' },
  });
  return rows.map(toView);
}

export async function getProvider(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<ProviderView> {
  checkProviderScope(ctx, id);
  const p = await deps.db.provider.findFirst({ where: { organisationId: ctx.organisationId, id }, include: withVehicles });
  if (!p) throw notFound('przewoźnik', 'provider');
  return toView(p);
}

export async function createProvider(deps: DomainDeps, ctx: OrganisationContext, input: CreateProvider): Promise<ProviderView> {
  const p = await deps.db.provider.create({
    data: { organisationId: ctx.organisationId, name: input.name, phone: input.phone ?? null, email: input.email ?? null, active: input.active },
    include: withVehicles,
  });
  return toView(p);
}

export async function updateProvider(deps: DomainDeps, ctx: OrganisationContext, id: string, input: UpdateProvider): Promise<ProviderView> {
  const current = await getProvider(deps, ctx, id);
  const { version, ...changes } = input;
  const { count } = await deps.db.provider.updateMany({
    where: { organisationId: ctx.organisationId, id, version },
    data: { ...changes, version: { increment: 1 } },
  });
  if (!count) throw stale(current.version);
  return getProvider(deps, ctx, id);
}

function stale(version: number): AppError {
  return new AppError('CONFLICT', `Dane zmieniły się w międzyczasie (aktualna wersja: ${version}); odśwież i spróbuj ponownie`, {
    messageEn: `The data changed meanwhile (current version: ${version}); reload and try again`,
  });
}

/**
 * Sets the provider's vehicles: the listed ones are given to it (taken from another provider if
 * need be), its others return to the centre. One transaction.
 */
export async function assignVehicles(
  deps: DomainDeps,
  ctx: OrganisationContext,
  id: string,
  input: z.infer<typeof AssignVehiclesSchema>,
): Promise<ProviderView> {
  await getProvider(deps, ctx, id);
  const found = await deps.db.vehicle.findMany({ where: { organisationId: ctx.organisationId, id: { in: input.vehicleIds } }, select: { id: true } });
  const known = new Set(found.map((v) => v.id));
  const unknown = input.vehicleIds.map((v, i) => [v, i] as const).filter(([v]) => !known.has(v));
  if (unknown.length) {
    throw invalidInput(unknown.map(([, i]) => ({ path: `vehicleIds.${i}`, message: 'nie ma takiego pojazdu', messageEn: 'no such vehicle' })));
  }
  await deps.db.$transaction([
    deps.db.vehicle.updateMany({
      where: { organisationId: ctx.organisationId, providerId: id, id: { notIn: input.vehicleIds } },
      data: { providerId: null, version: { increment: 1 } },
    }),
    deps.db.vehicle.updateMany({
      where: { organisationId: ctx.organisationId, id: { in: input.vehicleIds } },
      data: { providerId: id, version: { increment: 1 } },
    }),
  ]);
  return getProvider(deps, ctx, id);
}
