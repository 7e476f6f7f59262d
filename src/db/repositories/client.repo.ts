import type { Db, Tx } from '../client.js';
import type { Client, Place, Prisma } from '../generated/client.js';
import type { ClientView, CreateClient, UpdateClient } from '../../domain/booking/client.schema.js';
import { fromDbDate, toDbDate } from '../../domain/common/time.js';

function toClientView(c: Client & { homePlace: Place }): ClientView {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    homePlaceId: c.homePlaceId,
    homeAddress: c.homePlace.address,
    mobility: c.mobility,
    needsAssistant: c.needsAssistant,
    driverNotes: c.driverNotes,
    active: c.active,
    eligibilityGroup: c.eligibilityGroup,
    helpLevel: c.helpLevel,
    assistanceDog: c.assistanceDog,
    caseworker: c.caseworker,
    caseworkerUserId: c.caseworkerUserId,
    caseworkerPhone: c.caseworkerPhone,
    externalId: c.externalId,
    consent: c.consentAt ? { givenAt: fromDbDate(c.consentAt), note: c.consentNote } : null,
    suspension:
      c.suspendedFrom && c.suspendedUntil
        ? { from: fromDbDate(c.suspendedFrom), until: fromDbDate(c.suspendedUntil), reason: c.suspensionReason ?? '' }
        : null,
    noShowWarningAt: c.noShowWarnedAt?.toISOString() ?? null,
    version: c.version,
  };
}

/** The profile's columns from an API shape; undefined fields stay as they are. */
function profileColumns(d: Partial<Pick<CreateClient, 'consent' | 'suspension'>>) {
  return {
    ...(d.consent !== undefined ? { consentAt: d.consent ? toDbDate(d.consent.givenAt) : null, consentNote: d.consent?.note ?? null } : {}),
    ...(d.suspension !== undefined
      ? {
          suspendedFrom: d.suspension ? toDbDate(d.suspension.from) : null,
          suspendedUntil: d.suspension ? toDbDate(d.suspension.until) : null,
          suspensionReason: d.suspension?.reason ?? null,
        }
      : {}),
  };
}

/** `scope` narrows further (src/auth/row-access.ts clientScope: a caseworker's own caseload). */
export async function findClient(db: Db | Tx, organisationId: string, id: string, scope: Prisma.ClientWhereInput = {}): Promise<ClientView | null> {
  const c = await db.client.findFirst({ where: { ...scope, organisationId, id }, include: { homePlace: true } });
  return c ? toClientView(c) : null;
}

export async function listClients(
  db: Db | Tx,
  organisationId: string,
  filter: { q?: string; active?: boolean },
  scope: Prisma.ClientWhereInput = {},
): Promise<ClientView[]> {
  const words = filter.q?.split(/\s+/).filter(Boolean) ?? [];
  const rows = await db.client.findMany({
    where: {
      ...scope,
      organisationId,
      ...(filter.active !== undefined ? { active: filter.active } : {}),
      AND: words.map((w) => ({
        OR: [{ firstName: { contains: w, mode: 'insensitive' as const } }, { lastName: { contains: w, mode: 'insensitive' as const } }],
      })),
    },
    include: { homePlace: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  return rows.map(toClientView);
}

export async function insertClient(db: Db | Tx, organisationId: string, data: CreateClient): Promise<ClientView> {
  const c = await db.client.create({
    data: {
      organisationId,
      firstName: data.firstName,
      lastName: data.lastName,
      phone: data.phone ?? null,
      homePlaceId: data.homePlaceId,
      mobility: data.mobility,
      needsAssistant: data.needsAssistant,
      driverNotes: data.driverNotes ?? null,
      active: data.active,
      eligibilityGroup: data.eligibilityGroup,
      helpLevel: data.helpLevel,
      assistanceDog: data.assistanceDog,
      caseworker: data.caseworker ?? null,
      caseworkerUserId: data.caseworkerUserId ?? null,
      caseworkerPhone: data.caseworkerPhone ?? null,
      externalId: data.externalId ?? null,
      ...profileColumns(data),
    },
    include: { homePlace: true },
  });
  return toClientView(c);
}

export async function updateClientVersioned(
  db: Db | Tx,
  organisationId: string,
  id: string,
  version: number,
  data: Omit<UpdateClient, 'version'>,
): Promise<ClientView | null> {
  const { consent, suspension, needsCarryingOnStairs: _never, ...plain } = data;
  const { count } = await db.client.updateMany({
    where: { organisationId, id, version },
    data: { ...plain, ...profileColumns({ consent, suspension }), version: { increment: 1 } },
  });
  return count ? findClient(db, organisationId, id) : null;
}
