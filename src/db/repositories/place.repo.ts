import type { Db, Tx } from '../client.js';
import type { Place, Prisma } from '../generated/client.js';
import type { PlaceView } from '../../domain/booking/place.schema.js';

export function toPlaceView(p: Place): PlaceView {
  return { id: p.id, kind: p.kind, name: p.name, address: p.address, lat: p.lat, lon: p.lon, insideGmina: p.insideGmina, insideCounty: p.insideCounty, version: p.version };
}

/** `scope` narrows further (src/auth/row-access.ts placeScope: a caseworker's own caseload). */
export async function findPlace(db: Db | Tx, organisationId: string, id: string, scope: Prisma.PlaceWhereInput = {}): Promise<PlaceView | null> {
  const p = await db.place.findFirst({ where: { ...scope, organisationId, id } });
  return p ? toPlaceView(p) : null;
}

export async function listPlaces(
  db: Db | Tx,
  organisationId: string,
  filter: { kind?: PlaceView['kind']; q?: string },
  scope: Prisma.PlaceWhereInput = {},
): Promise<PlaceView[]> {
  const rows = await db.place.findMany({
    where: {
      // The scope's OR and the search's OR must both hold.
      AND: [scope],
      organisationId,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.q
        ? { OR: [{ name: { contains: filter.q, mode: 'insensitive' } }, { address: { contains: filter.q, mode: 'insensitive' } }] }
        : {}),
    },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  });
  return rows.map(toPlaceView);
}

export async function insertPlace(
  db: Db | Tx,
  organisationId: string,
  data: Omit<PlaceView, 'id' | 'version'>,
): Promise<PlaceView> {
  return toPlaceView(await db.place.create({ data: { organisationId, ...data } }));
}

/** Updates when the stored version matches; returns null when it does not (or the place is unknown). */
export async function updatePlaceVersioned(
  db: Db | Tx,
  organisationId: string,
  id: string,
  version: number,
  data: Partial<Omit<PlaceView, 'id' | 'version'>>,
): Promise<PlaceView | null> {
  const { count } = await db.place.updateMany({ where: { organisationId, id, version }, data: { ...data, version: { increment: 1 } } });
  return count ? findPlace(db, organisationId, id) : null;
}
