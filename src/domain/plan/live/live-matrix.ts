/**
 * Travel times for a live edit, asked of the same TravelTimeProvider the worker uses (Redis cell
 * cache in front of OSRM, or the estimate) — only for the places each edit involves. Each group
 * (one route's places plus those of every ride the edit may put on it: one being placed, moved
 * or handed over) is one small square matrix; cells between places of different groups stay
 * Infinity and must never be needed, since a stop only ever follows another stop of the same
 * route or one of those rides. A ride left out of a group reads Infinity there and looks like it
 * misses its time window.
 */
import type { LatLon, TravelTimeProvider, TravelTimeSource } from '../../../routing/types.js';
import type { PlanningMatrix } from '../build-plan-instance.js';

export interface LiveMatrix extends PlanningMatrix {
  /** Location l of the matrices is placeIds[l]. */
  readonly placeIds: readonly string[];
  readonly source: TravelTimeSource;
}

export async function liveMatrix(
  provider: TravelTimeProvider,
  groups: readonly (readonly string[])[],
  places: ReadonlyMap<string, LatLon>,
): Promise<LiveMatrix> {
  const placeIds: string[] = [];
  const index = new Map<string, number>();
  for (const group of groups) {
    for (const id of group) {
      if (!index.has(id)) {
        index.set(id, placeIds.length);
        placeIds.push(id);
      }
    }
  }
  const size = placeIds.length;
  const durationsSec = new Float64Array(size * size).fill(Infinity);
  const distancesM = new Float64Array(size * size).fill(Infinity);
  for (let i = 0; i < size; i++) {
    durationsSec[i * size + i] = 0;
    distancesM[i * size + i] = 0;
  }
  const distinct = groups.map((g) => [...new Set(g)]).filter((g) => g.length > 1);
  const answers = await Promise.all(
    distinct.map((g) =>
      provider.matrix(
        g.map((id) => {
          const p = places.get(id);
          if (!p) throw new Error(`place ${id} has no position`);
          return p;
        }),
      ),
    ),
  );
  distinct.forEach((g, k) => {
    const m = answers[k]!;
    g.forEach((from, a) => {
      const row = index.get(from)! * size;
      g.forEach((to, b) => {
        durationsSec[row + index.get(to)!] = m.durationsSec[a * m.size + b]!;
        distancesM[row + index.get(to)!] = m.distancesM[a * m.size + b]!;
      });
    });
  });
  return { placeIds, size, durationsSec, distancesM, source: provider.source };
}
