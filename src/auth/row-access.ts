/**
 * Row-level limits that the permission table cannot express: a driver reads only the manifests
 * of the vehicles they drive, and only today (in the organisation's time zone); a provider only
 * its own vehicles'; a caseworker limited to their own caseload only the clients whose caseworker
 * they are (and those clients' rides and weekly patterns). Anything else is "not found", like an
 * id that does not exist (docs/DECISIONS.md D12, D13).
 */
import type { DomainDeps } from '../domain/deps.js';
import { hasRole, type OrganisationContext } from '../domain/organisation/organisation-context.js';
import { todayIn } from '../domain/common/time.js';
import { notFound } from '../errors.js';
import type { Prisma } from '../db/generated/client.js';

/** Every vehicle's manifests of a day at once: dispatchers and administrators only. */
export function assertDayManifestsAccess(ctx: OrganisationContext): void {
  if (!ctx.roles || hasRole(ctx, 'ADMIN', 'DISPATCHER')) return;
  throw notFound('pojazd', 'vehicle');
}

export async function assertManifestAccess(deps: DomainDeps, ctx: OrganisationContext, date: string, vehicleId: string): Promise<void> {
  // Callers without roles are workers and in-process tools acting for the organisation.
  if (!ctx.roles || hasRole(ctx, 'ADMIN', 'DISPATCHER')) return;
  if (hasRole(ctx, 'DRIVER') && ctx.vehicleIds?.includes(vehicleId)) {
    const org = await deps.db.organisation.findUniqueOrThrow({ where: { id: ctx.organisationId }, select: { timeZone: true } });
    if (date === todayIn(org.timeZone, deps.now())) return;
  }
  if (hasRole(ctx, 'PROVIDER') && ctx.providerId) {
    const v = await deps.db.vehicle.findFirst({ where: { organisationId: ctx.organisationId, id: vehicleId, providerId: ctx.providerId }, select: { id: true } });
    if (v) return;
  }
  // Worded as for a vehicle that does not exist, so nothing tells the two apart.
  throw notFound('pojazd', 'vehicle');
}

/**
 * Whether the caller sees only their own caseload: a CASEWORKER account with the option set
 * (docs/DECISIONS.md D13). Dispatchers and administrators are never limited, even when the same
 * person also holds the caseworker role; API tokens and workers carry no user, so no limit.
 */
export function limitedToOwnCaseload(ctx: OrganisationContext): boolean {
  return !!ctx.ownCaseloadOnly && !!ctx.userId && hasRole(ctx, 'CASEWORKER') && !hasRole(ctx, 'ADMIN', 'DISPATCHER');
}

/** The clients a caller may see, as a Prisma where-fragment on Client. */
export interface ClientScope {
  readonly organisationId: string;
  readonly caseworkerUserId?: string;
}

/**
 * The ONE definition of which clients a caller may list, read, change and book for: every query
 * on clients, rides, weekly patterns and policy events goes through it (as `where` on the client,
 * or on the ride's `client` relation). A client outside it is "not found", like an unknown id,
 * so probing ids tells nothing.
 */
export function clientScope(ctx: OrganisationContext): ClientScope {
  return limitedToOwnCaseload(ctx) ? { organisationId: ctx.organisationId, caseworkerUserId: ctx.userId! } : { organisationId: ctx.organisationId };
}

/**
 * Who may give a client to another caseworker (or take it from one): administrators and
 * dispatchers, and in-process tools. Otherwise a caseworker could hand a client out of a
 * colleague's caseload, or into their own.
 */
export function mayAssignCaseworker(ctx: OrganisationContext): boolean {
  return !ctx.roles || hasRole(ctx, 'ADMIN', 'DISPATCHER');
}

/**
 * Places a caller may list and read: for a caseworker limited to their own caseload, not the
 * private addresses that are homes of other caseworkers' clients (named after the client, with
 * the address). Shared places (centres, clinics, a care home) and addresses that are no one's
 * home stay visible to everyone.
 */
export function placeScope(ctx: OrganisationContext): Prisma.PlaceWhereInput {
  if (!limitedToOwnCaseload(ctx)) return {};
  return { OR: [{ kind: { not: 'ADDRESS' } }, { homeOf: { none: {} } }, { homeOf: { some: clientScope(ctx) } }] };
}

/**
 * The vehicles a caller is shown in lists: a driver only those they drive, a provider only its own
 * (what their manifests allow, so the driver's page offers nothing that answers "not found").
 * Office roles, tokens and workers see the whole fleet.
 */
export function vehicleScope(ctx: OrganisationContext): Prisma.VehicleWhereInput {
  if (!ctx.roles || hasRole(ctx, 'ADMIN', 'DISPATCHER', 'CASEWORKER')) return {};
  const own: Prisma.VehicleWhereInput[] = [];
  if (hasRole(ctx, 'DRIVER')) own.push({ id: { in: [...(ctx.vehicleIds ?? [])] } });
  if (hasRole(ctx, 'PROVIDER') && ctx.providerId) own.push({ providerId: ctx.providerId });
  return { OR: own };
}
