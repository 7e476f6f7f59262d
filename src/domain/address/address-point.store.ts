/**
 * Storage of address points. (It would sit in db/repositories with the others; it lives here
 * while this component is new, and speaks only domain types.)
 */
import type { Db, Tx } from '../../db/client.js';
import type { AddressPoint } from '../../db/generated/client.js';
import type { AddressPointInput, AddressPointView } from './address-point.js';
import { formatAddress, houseNumberCandidates, searchTextOf, type AddressQuery } from './normalise.js';

export function toAddressPointView(p: AddressPoint): AddressPointView {
  return {
    id: p.id,
    simc: p.simc,
    locality: p.locality,
    street: p.street,
    houseNumber: p.houseNumber,
    postcode: p.postcode,
    lat: p.lat,
    lon: p.lon,
    source: p.source,
    address: formatAddress(p),
  };
}

/** The identity of an address: locality, street (or none), number; case-insensitive. */
export const addressKey = (p: { locality: string; street: string | null; houseNumber: string }) =>
  [p.locality, p.street ?? '', p.houseNumber].map((s) => s.toLowerCase()).join('|');

/**
 * Stores points, replacing any the organisation already has at the same address. Replacing
 * (delete, then insert) rather than ON CONFLICT, because PostgreSQL's unique index treats the
 * NULL street of a rural address as distinct and would let a re-import double every village.
 */
export async function replaceAddressPoints(tx: Tx, organisationId: string, points: readonly AddressPointInput[]): Promise<number> {
  const incoming = new Map(points.map((p) => [addressKey(p), p]));
  const existing = await tx.addressPoint.findMany({ where: { organisationId }, select: { id: true, locality: true, street: true, houseNumber: true } });
  const stale = existing.filter((e) => incoming.has(addressKey(e))).map((e) => e.id);
  for (let i = 0; i < stale.length; i += 5000) {
    await tx.addressPoint.deleteMany({ where: { organisationId, id: { in: stale.slice(i, i + 5000) } } });
  }
  const rows = [...incoming.values()].map((p) => ({ organisationId, ...p, source: 'PRG', searchText: searchTextOf(p) }));
  for (let i = 0; i < rows.length; i += 2000) await tx.addressPoint.createMany({ data: rows.slice(i, i + 2000) });
  return rows.length;
}

/**
 * Candidates for a query: every typed word inside the normalised search text (a SQL LIKE on a
 * column already lower-cased and stripped of diacritics, so no unaccent extension is needed),
 * and the building number exact when one was typed. Ranking is left to the caller.
 */
export async function findAddressCandidates(db: Db | Tx, organisationId: string, q: AddressQuery, take: number): Promise<AddressPointView[]> {
  const rows = await db.addressPoint.findMany({
    where: {
      organisationId,
      AND: [
        ...q.words.map((w) => ({ searchText: { contains: w } })),
        ...(q.houseNumber ? [{ OR: houseNumberCandidates(q.houseNumber).map((n) => ({ houseNumber: { equals: n, mode: 'insensitive' as const } })) }] : []),
        ...(q.postcode ? [{ postcode: q.postcode }] : []),
      ],
    },
    take,
    orderBy: [{ locality: 'asc' }, { street: 'asc' }, { houseNumber: 'asc' }],
  });
  return rows.map(toAddressPointView);
}

export async function countAddressPoints(db: Db | Tx, organisationId: string): Promise<number> {
  return db.addressPoint.count({ where: { organisationId } });
}
