import { z } from 'zod';
import { notFound } from '../../errors.js';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from './organisation-context.js';
import { Prisma } from '../../db/generated/client.js';
import { isInsideGmina, type Boundary } from './inside-gmina.js';
import { OrganisationRulesSchema, readRules, type OrganisationRules } from './organisation-rules.js';
import { validate } from '../common/validate.js';
import { throwStale } from '../booking/manage-places.js';

export interface OrganisationView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly gminaName: string;
  readonly timeZone: string;
  readonly hasBoundary: boolean;
  readonly hasCountyBoundary: boolean;
  readonly rules: OrganisationRules;
  /** Months after a client's last activity before their data is anonymised (D14). */
  readonly clientRetentionMonths: number;
  readonly version: number;
}

export async function getOrganisation(deps: DomainDeps, ctx: OrganisationContext): Promise<OrganisationView> {
  const o = await deps.db.organisation.findUnique({ where: { id: ctx.organisationId } });
  if (!o) throw notFound('organizacja', 'organisation');
  return { id: o.id, slug: o.slug, name: o.name, gminaName: o.gminaName, timeZone: o.timeZone, hasBoundary: o.boundary !== null, hasCountyBoundary: o.countyBoundary !== null, rules: readRules(o.rules), clientRetentionMonths: o.clientRetentionMonths, version: o.version };
}

/** The rules as they stand for the organisation (defaults where it set none). */
export async function rulesOf(deps: Pick<DomainDeps, 'db'>, organisationId: string): Promise<OrganisationRules> {
  const o = await deps.db.organisation.findUnique({ where: { id: organisationId }, select: { rules: true } });
  return readRules(o?.rules ?? null);
}

export async function updateOrganisationRules(
  deps: DomainDeps,
  ctx: OrganisationContext,
  input: { rules: Record<string, unknown>; version: number },
): Promise<OrganisationView> {
  const current = await getOrganisation(deps, ctx);
  const { rules } = validate(z.object({ rules: OrganisationRulesSchema }), { rules: mergeDeep(current.rules, input.rules) });
  const { count } = await deps.db.organisation.updateMany({
    where: { id: ctx.organisationId, version: input.version },
    data: { rules: rules as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  if (!count) throwStale(current.version);
  return getOrganisation(deps, ctx);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge field by field (naming one rule keeps its neighbours); anything else replaces. */
function mergeDeep(stored: unknown, change: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(change)) return change;
  const out: Record<string, unknown> = { ...stored };
  for (const [k, v] of Object.entries(change)) out[k] = k in stored ? mergeDeep(stored[k], v) : v;
  return out;
}

const PositionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const RingSchema = z.array(PositionSchema).min(4).refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], { error: 'boundary.ring' });
const PolygonSchema = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1) });
const MultiPolygonSchema = z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(RingSchema).min(1)).min(1) });
const GeometrySchema = z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema]);

/** A GeoJSON Polygon or MultiPolygon, bare or as a Feature or a one-feature FeatureCollection. */
export const BoundaryInputSchema = z.union([
  GeometrySchema,
  z.object({ type: z.literal('Feature'), geometry: GeometrySchema }).transform((f) => f.geometry),
  z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature'), geometry: GeometrySchema })).length(1) }).transform((c) => c.features[0]!.geometry),
]);

/**
 * Sets the gmina's (or the county's) boundary and recomputes, in the same transaction, whether
 * each place lies inside it: approvals, fees and reports follow the new border at once.
 */
export async function setBoundary(
  deps: DomainDeps,
  ctx: OrganisationContext,
  boundary: Boundary,
  of: 'gmina' | 'county' = 'gmina',
): Promise<{ places: number; inside: number }> {
  return deps.db.$transaction(async (tx) => {
    const json = boundary as unknown as Prisma.InputJsonValue;
    await tx.organisation.update({
      where: { id: ctx.organisationId },
      data: { ...(of === 'gmina' ? { boundary: json } : { countyBoundary: json }), version: { increment: 1 } },
    });
    const places = await tx.place.findMany({ where: { organisationId: ctx.organisationId }, select: { id: true, lat: true, lon: true } });
    let inside = 0;
    for (const p of places) {
      const isIn = isInsideGmina(boundary, p.lat, p.lon);
      if (isIn) inside++;
      await tx.place.update({ where: { id: p.id }, data: of === 'gmina' ? { insideGmina: isIn } : { insideCounty: isIn } });
    }
    return { places: places.length, inside };
  }, { timeout: 60_000 });
}
