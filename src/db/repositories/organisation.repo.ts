import type { Db, Tx } from '../client.js';
import type { Boundary } from '../../domain/organisation/inside-gmina.js';
import { readRules, type OrganisationRules } from '../../domain/organisation/organisation-rules.js';

export interface OrganisationRow {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly gminaName: string;
  readonly timeZone: string;
  readonly boundary: Boundary | null;
  readonly countyBoundary: Boundary | null;
  /** Complete rules: the stored ones with defaults for the rest. */
  readonly rules: OrganisationRules;
}

function toRow(o: { id: string; slug: string; name: string; gminaName: string; timeZone: string; boundary: unknown; countyBoundary: unknown; rules: unknown }): OrganisationRow {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    gminaName: o.gminaName,
    timeZone: o.timeZone,
    boundary: (o.boundary as Boundary | null) ?? null,
    countyBoundary: (o.countyBoundary as Boundary | null) ?? null,
    rules: readRules(o.rules),
  };
}

export async function findOrganisationBySlug(db: Db | Tx, slug: string): Promise<OrganisationRow | null> {
  const o = await db.organisation.findUnique({ where: { slug } });
  return o ? toRow(o) : null;
}

export async function findOrganisationById(db: Db | Tx, id: string): Promise<OrganisationRow | null> {
  const o = await db.organisation.findUnique({ where: { id } });
  return o ? toRow(o) : null;
}
