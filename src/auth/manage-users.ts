/** Accounts of an organisation, managed by its administrators. Password hashes never leave here. */
import type { DomainDeps } from '../domain/deps.js';
import type { OrganisationContext, Role } from '../domain/organisation/organisation-context.js';
import { AppError, notFound } from '../errors.js';
import { Prisma } from '../db/generated/client.js';
import type { CreateUserInput, UpdateUserInput } from './account.schema.js';
import { hashPassword } from './password.js';

export interface UserView {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly roles: Role[];
  readonly providerId: string | null;
  readonly vehicleIds: string[];
  /** A caseworker who sees and books only for clients whose caseworker they are. */
  readonly ownCaseloadOnly: boolean;
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly version: number;
}

const include = { vehicles: { select: { vehicleId: true } } } as const;
type UserRow = Prisma.UserGetPayload<{ include: typeof include }>;

function view(u: UserRow): UserView {
  return {
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    email: u.email,
    roles: u.roles as Role[],
    providerId: u.providerId,
    vehicleIds: u.vehicles.map((v) => v.vehicleId),
    ownCaseloadOnly: u.ownCaseloadOnly,
    active: u.active,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  };
}

/** Vehicles and provider must be this organisation's; a PROVIDER needs a provider. */
async function checkLinks(deps: DomainDeps, ctx: OrganisationContext, roles: readonly Role[], providerId: string | null | undefined, vehicleIds: readonly string[] | undefined) {
  if (roles.includes('PROVIDER') && !providerId) {
    throw new AppError('VALIDATION_FAILED', 'Konto przewoźnika musi wskazywać przewoźnika', {
      messageEn: 'A provider account needs its provider',
      fields: [{ path: 'providerId', message: 'wymagane dla roli PROVIDER', messageEn: 'required for role PROVIDER' }],
    });
  }
  if (providerId) {
    const p = await deps.db.provider.findFirst({ where: { organisationId: ctx.organisationId, id: providerId } });
    if (!p) throw new AppError('VALIDATION_FAILED', 'Nie ma takiego przewoźnika', { messageEn: 'No such provider', fields: [{ path: 'providerId', message: 'nie ma takiego przewoźnika', messageEn: 'no such provider' }] });
  }
  if (vehicleIds && vehicleIds.length > 0) {
    const found = await deps.db.vehicle.count({ where: { organisationId: ctx.organisationId, id: { in: [...vehicleIds] } } });
    if (found !== new Set(vehicleIds).size) {
      throw new AppError('VALIDATION_FAILED', 'Nie ma takiego pojazdu', { messageEn: 'No such vehicle', fields: [{ path: 'vehicleIds', message: 'nie ma takiego pojazdu', messageEn: 'no such vehicle' }] });
    }
  }
}

function loginTaken(cause: unknown): AppError {
  return new AppError('CONFLICT', 'Ten login jest już zajęty', {
    messageEn: 'This login is already taken',
    fields: [{ path: 'login', message: 'zajęty', messageEn: 'taken' }],
    cause,
  });
}

export async function createUser(deps: DomainDeps, ctx: OrganisationContext, input: CreateUserInput): Promise<UserView> {
  await checkLinks(deps, ctx, input.roles, input.providerId, input.vehicleIds);
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.db.$transaction(async (tx) => {
      const u = await tx.user.create({
        data: {
          organisationId: ctx.organisationId,
          login: input.login,
          displayName: input.displayName,
          email: input.email ?? null,
          passwordHash,
          roles: input.roles,
          providerId: input.providerId ?? null,
          ownCaseloadOnly: input.ownCaseloadOnly ?? false,
        },
      });
      await tx.driverVehicle.createMany({ data: [...new Set(input.vehicleIds ?? [])].map((vehicleId) => ({ organisationId: ctx.organisationId, userId: u.id, vehicleId })) });
      return view(await tx.user.findUniqueOrThrow({ where: { id: u.id }, include }));
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw loginTaken(err);
    throw err;
  }
}

export async function listUsers(deps: DomainDeps, ctx: OrganisationContext): Promise<UserView[]> {
  const rows = await deps.db.user.findMany({ where: { organisationId: ctx.organisationId }, include, orderBy: { login: 'asc' } });
  return rows.map(view);
}

export async function getUser(deps: DomainDeps, ctx: OrganisationContext, id: string): Promise<UserView> {
  const u = await deps.db.user.findFirst({ where: { organisationId: ctx.organisationId, id }, include });
  if (!u) throw notFound('konto', 'account');
  return view(u);
}

/**
 * Changes an account under its version. A new password, fewer roles or deactivation end the
 * account's sessions, so the change applies at once.
 */
export async function updateUser(deps: DomainDeps, ctx: OrganisationContext, id: string, input: UpdateUserInput): Promise<UserView> {
  const current = await getUser(deps, ctx, id);
  const roles = input.roles ?? current.roles;
  const providerId = input.providerId === undefined ? current.providerId : input.providerId;
  await checkLinks(deps, ctx, roles, providerId, input.vehicleIds);
  if (id === ctx.userId && (input.active === false || (input.roles && !input.roles.includes('ADMIN')))) {
    throw new AppError('CONFLICT', 'Nie możesz odebrać sobie roli administratora ani wyłączyć własnego konta', {
      messageEn: 'You cannot remove your own administrator role or deactivate your own account',
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const endSessions = !!input.password || input.active === false || !!input.roles || input.vehicleIds !== undefined || input.providerId !== undefined;
  return deps.db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { organisationId: ctx.organisationId, id, version: input.version },
      data: {
        version: { increment: 1 },
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
        ...(input.roles ? { roles: input.roles } : {}),
        ...(input.providerId !== undefined ? { providerId: input.providerId } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        // Sessions read it on every request: no need to end them for it to apply.
        ...(input.ownCaseloadOnly !== undefined ? { ownCaseloadOnly: input.ownCaseloadOnly } : {}),
      },
    });
    if (count === 0) {
      throw new AppError('CONFLICT', 'Konto zostało w międzyczasie zmienione; odśwież i spróbuj ponownie', {
        messageEn: 'The account was changed meanwhile; reload and try again',
      });
    }
    if (input.vehicleIds !== undefined) {
      await tx.driverVehicle.deleteMany({ where: { organisationId: ctx.organisationId, userId: id } });
      await tx.driverVehicle.createMany({ data: [...new Set(input.vehicleIds)].map((vehicleId) => ({ organisationId: ctx.organisationId, userId: id, vehicleId })) });
    }
    if (endSessions) await tx.session.deleteMany({ where: { organisationId: ctx.organisationId, userId: id } });
    const u = await tx.user.findUniqueOrThrow({ where: { id }, include });
    return view(u);
  });
}
