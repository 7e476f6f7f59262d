import type { Db, Tx } from '../client.js';
import type { Boundary } from '../../domain/organisation/inside-gmina.js';

export interface OrganisationRow {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly gminaName: string;
  readonly timeZone: string;
  readonly boundary: Boundary | null;
  readonly countyBoundary: Boundary | null;
}

export async function findOrganisationBySlug(db: Db | Tx, slug: string): Promise<OrganisationRow | null> {
  const o = await db.organisation.findUnique({ where: { slug } });
  return o ? { ...o, boundary: (o.boundary as Boundary | null) ?? null, countyBoundary: (o.countyBoundary as Boundary | null) ?? null } : null;
}

export async function findOrganisationById(db: Db | Tx, id: string): Promise<OrganisationRow | null> {
  const o = await db.organisation.findUnique({ where: { id } });
  return o ? { ...o, boundary: (o.boundary as Boundary | null) ?? null, countyBoundary: (o.countyBoundary as Boundary | null) ?? null } : null;
}
