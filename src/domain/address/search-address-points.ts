/**
 * Offline address resolution over the organisation's PRG points (issue #5): what a caseworker
 * types ("lesny row 3", "Srokowo, Leśny Rów 3", "Bykowo 12") → the best matching points with
 * coordinates, to create a client's home place from.
 *
 * Why SQL and not an in-memory index: a gmina has 2–20 thousand points, and a LIKE per word on
 * the normalised search_text column, filtered by organisation, reads them in milliseconds with
 * no cache to keep in step with imports or to hold per organisation in every API process.
 */
import { z } from 'zod';
import type { DomainDeps } from '../deps.js';
import type { OrganisationContext } from '../organisation/organisation-context.js';
import type { Db, Tx } from '../../db/client.js';
import type { AddressPointView } from './address-point.js';
import { findAddressCandidates } from '../../db/repositories/address-point.repo.js';
import { houseNumberCandidates, normaliseText, parseAddressQuery, type AddressQuery } from './normalise.js';

export const AddressSearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type AddressSearchQuery = z.infer<typeof AddressSearchQuerySchema>;

/** How many candidates SQL may hand to ranking; a query as loose as one word still ranks well. */
const CANDIDATES = 300;

export interface ScoredAddressPoint extends AddressPointView {
  /** Higher is better; equal top scores mean the query does not tell the points apart. */
  readonly score: number;
}

/**
 * Scores candidates: a typed word equal to a whole word of the street or locality counts more
 * than one that only starts or sits inside one, and the exact building number more than the
 * building of a "12/3" flat. Ties keep locality, street, number order.
 */
export function rankAddressPoints(points: readonly AddressPointView[], q: AddressQuery): ScoredAddressPoint[] {
  const scored = points.map((p) => {
    const words = new Set(normaliseText(`${p.street ?? ''} ${p.locality}`).split(' '));
    const all = [...words];
    let score = 0;
    for (const w of q.words) {
      if (words.has(w)) score += 3;
      else if (all.some((x) => x.startsWith(w))) score += 2;
      else score += 1; // inside a word, or in the postcode
    }
    if (q.houseNumber) score += normaliseText(p.houseNumber) === q.houseNumber ? 4 : 1;
    return { ...p, score };
  });
  return scored.sort((a, b) => b.score - a.score || compareNatural(a, b));
}

function compareNatural(a: AddressPointView, b: AddressPointView): number {
  return (
    a.locality.localeCompare(b.locality, 'pl') ||
    (a.street ?? '').localeCompare(b.street ?? '', 'pl') ||
    a.houseNumber.localeCompare(b.houseNumber, 'pl', { numeric: true })
  );
}

async function searchIn(db: Db | Tx, organisationId: string, text: string, limit: number): Promise<ScoredAddressPoint[]> {
  const q = parseAddressQuery(text);
  if (q.words.length === 0 && !q.houseNumber && !q.postcode) return [];
  return rankAddressPoints(await findAddressCandidates(db, organisationId, q, CANDIDATES), q).slice(0, limit);
}

export function searchAddressPoints(deps: DomainDeps, ctx: OrganisationContext, query: AddressSearchQuery): Promise<ScoredAddressPoint[]> {
  return searchIn(deps.db, ctx.organisationId, query.q, query.limit);
}

export type AddressResolution =
  | { readonly kind: 'found'; readonly point: AddressPointView }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly AddressPointView[] };

/**
 * One address for a typed one, or why not: an import must not guess. Resolved only when a
 * building number was given, the best point has that number (or is the building of a "12/3"
 * flat), and no other point scores
 * the same (e.g. "Szkolna 4" in two villages of the gmina is ambiguous until the village is named).
 */
export async function resolveAddress(db: Db | Tx, organisationId: string, text: string): Promise<AddressResolution> {
  const q = parseAddressQuery(text);
  if (!q.houseNumber) return { kind: 'notFound' };
  const ranked = await searchIn(db, organisationId, text, 5);
  const best = ranked[0];
  if (!best || !houseNumberCandidates(q.houseNumber).includes(normaliseText(best.houseNumber))) return { kind: 'notFound' };
  const tied = ranked.filter((p) => p.score === best.score);
  if (tied.length > 1) return { kind: 'ambiguous', candidates: tied };
  return { kind: 'found', point: best };
}
