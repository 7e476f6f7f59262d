/**
 * A return ride only makes sense when its outbound ride is placed: the client cannot be picked up
 * at the clinic if nobody took them there. The optimiser treats requests independently, so when
 * it places a return whose outbound is left unassigned, the return is taken out and the day solved
 * again without it (rarely more than once). The new round starts from the last round's routes
 * without the returns taken out, so it needs a fraction of the first round's time (D39). The first
 * round starts from the day's previous plan when there is one (a dispatcher's re-plan, D41), and
 * without the returns that plan took out: placing them first and taking them out after would make
 * the re-plan dearer than the plan it replaces. Such a return comes back in a next round if its
 * outbound ride is placed this time.
 *
 * The other way round, a client taken out whose return is left unplaced would be left at the
 * clinic (a helper's demo day took Henryk to the regional hospital, 100 km, with no ride home).
 * Such a return weighs RETURN_HOME_PRIORITY in the next round, so the search gives up one other
 * ride for it rather than strand someone; when no plan can bring them back the outbound stays
 * placed and the board says so (whether to drop the outbound then is the centre's call).
 */
import type { Instance } from '../../solver/model/instance.js';
import type { InitialRoute, Solution, SolveProgress } from '../../solver/model/solution.js';

export interface LinkedRide {
  readonly id: string;
  /** For a return ride: its outbound ride's id. */
  readonly outboundRideId: string | null;
}

export interface LinkedSolution {
  /** Request indices refer to the full instance; orphaned returns are not in `unassigned`. */
  readonly solution: Solution;
  /** Return rides left out because their outbound ride was not placed (request indices). */
  readonly orphanedReturns: readonly number[];
}

const MAX_ROUNDS = 3;
/** More than any single ride (1; a re-plan's placed rides 1.5 tie with it), less than two. */
export const RETURN_HOME_PRIORITY = 1.5;

/** Routes a solve starts from, and whose they are: they decide its budget (D39, D41). */
export interface SolveStart {
  readonly routes: readonly InitialRoute[];
  /** `previous-plan`: the day as the dispatcher last had it; `last-round`: this planning's own round before. */
  readonly from: 'previous-plan' | 'last-round';
}

/** The day's previous plan, in the instance's request numbers (D41). */
export interface PreviousPlan {
  readonly routes: readonly InitialRoute[];
  /** Requests that plan left unplaced: their returns start out of the first round. */
  readonly unplaced: ReadonlySet<number>;
}

export type SolveFn = (instance: Instance, onProgress: (p: SolveProgress) => void, start?: SolveStart) => Promise<Solution>;

export async function solveLinkedRides(
  instance: Instance,
  rides: readonly LinkedRide[],
  solve: SolveFn,
  onProgress: (p: SolveProgress) => void,
  previousPlan?: PreviousPlan,
): Promise<LinkedSolution> {
  const indexOfRide = new Map(rides.map((r, i) => [r.id, i]));
  // Stops kept from the live plan (driven, on board, locked routes) are never taken out.
  const locked = lockedRequestsOf(instance);
  const outboundOf = (i: number): number | undefined => {
    const outbound = rides[i]!.outboundRideId;
    return outbound === null ? undefined : indexOfRide.get(outbound);
  };
  const returns = rides.map((_, i) => i).filter((i) => outboundOf(i) !== undefined && !locked.has(i));
  const excluded = new Set(previousPlan ? returns.filter((i) => previousPlan.unplaced.has(outboundOf(i)!)) : []);
  /** Returns let back in once; one that is an orphan again stays out (no ping-pong between rounds). */
  const readmitted = new Set<number>();
  /** Returns whose client a round took out without bringing back: weighted up from the next round. */
  const bringHome = new Set<number>();
  /** The last round's routes, request indices of the full instance. */
  let last: Solution | null = null;
  for (let round = 0; ; round++) {
    const kept = instance.requests.map((_, i) => i).filter((i) => !excluded.has(i));
    const newIndex = new Map(kept.map((i, k) => [i, k]));
    const sub: Instance = {
      ...instance,
      requests: kept.map((i) => (bringHome.has(i) ? { ...instance.requests[i]!, priority: Math.max(instance.requests[i]!.priority, RETURN_HOME_PRIORITY) } : instance.requests[i]!)),
      vehicles: instance.vehicles.map((v) => (v.lockedStops ? { ...v, lockedStops: v.lockedStops.map((s) => ({ ...s, request: newIndex.get(s.request)! })) } : v)),
    };
    const start: SolveStart | undefined =
      last !== null
        ? { routes: startWithout(last.routes, excluded, newIndex), from: 'last-round' }
        : previousPlan && previousPlan.routes.length > 0
          ? { routes: startWithout(previousPlan.routes, excluded, newIndex), from: 'previous-plan' }
          : undefined;
    const raw = await solve(sub, (p) => onProgress({ ...p, fraction: overallFraction(round, p.fraction) }), start);
    const solution = remapRequests(raw, kept);
    last = solution;
    const placed = new Set(solution.routes.flatMap((r) => r.stops.map((s) => s.request)));
    const orphans = returns.filter((i) => placed.has(i) && !placed.has(outboundOf(i)!));
    const readmit = [...excluded].filter((i) => !readmitted.has(i) && placed.has(outboundOf(i)!));
    const stranded = returns.filter((i) => !placed.has(i) && !excluded.has(i) && !bringHome.has(i) && placed.has(outboundOf(i)!));
    // After MAX_ROUNDS the last solution stands even with an orphan left: it is feasible, and
    // the dispatcher sees the unassigned outbound next to its placed return. A return still out
    // then keeps the reason it was taken out for, though a later round may have placed its outbound.
    if ((orphans.length === 0 && readmit.length === 0 && stranded.length === 0) || round + 1 >= MAX_ROUNDS) return { solution, orphanedReturns: [...excluded] };
    for (const r of stranded) bringHome.add(r);
    for (const o of orphans) excluded.add(o);
    for (const r of readmit) {
      excluded.delete(r);
      readmitted.add(r);
    }
  }
}

/**
 * The progress bar moves forward only: the first round fills 80 % of it, the rare further rounds
 * share the rest.
 */
export function overallFraction(round: number, fraction: number): number {
  if (round === 0) return 0.8 * fraction;
  return 0.8 + (0.2 * (round - 1 + fraction)) / (MAX_ROUNDS - 1);
}

/** Routes in the full instance's request numbers, without the excluded requests, in the subset's numbers. */
function startWithout(
  routes: readonly { readonly vehicle: number; readonly stops: readonly { readonly request: number; readonly kind: 'pickup' | 'dropoff' }[] }[],
  excluded: ReadonlySet<number>,
  newIndex: ReadonlyMap<number, number>,
): InitialRoute[] {
  return routes.map((r) => ({
    vehicle: r.vehicle,
    stops: r.stops.filter((st) => !excluded.has(st.request)).map((st) => ({ request: newIndex.get(st.request)!, kind: st.kind })),
  }));
}

/** Requests with a stop the instance fixes at the head of a vehicle's route (passengers on board). */
export function lockedRequestsOf(instance: Instance): Set<number> {
  return new Set(instance.vehicles.flatMap((v) => (v.lockedStops ?? []).map((s) => s.request)));
}

/** Maps request indices of a solution to a subset instance back to the full instance. */
function remapRequests(s: Solution, kept: readonly number[]): Solution {
  const to = (i: number) => kept[i]!;
  return {
    ...s,
    routes: s.routes.map((r) => ({ ...r, stops: r.stops.map((st) => ({ ...st, request: to(st.request) })) })),
    unassigned: s.unassigned.map((u) => ({ ...u, request: to(u.request) })),
  };
}
