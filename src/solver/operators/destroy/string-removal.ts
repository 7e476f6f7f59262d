import type { Problem } from '../../model/problem.js';
import type { DestroyOperator } from '../operator.js';

/** Neighbours kept per request: enough to reach every route near it (a regional day has ~17 requests a route). */
const NEIGHBOURS = 100;
/** Longest string cut from one route, in stops (Christiaens & Vanden Berghe: 10 customers). */
const MAX_STRING_STOPS = 16;

/**
 * While servable requests wait, this share of the removals is centred on one of them: the strings
 * are cut from the routes of its nearest requests, which frees room where it has to go. A random
 * centre rarely lands there on a day of 60 routes (D37).
 */
const WAITING_FOCUS = 0.5;

/** Index = r * width + k: the k-th nearest request to r (pickups and drop-offs, place and time). */
export interface NeighbourLists {
  readonly width: number;
  readonly list: Int32Array;
}

const cache = new WeakMap<Problem, NeighbourLists>();

/**
 * Nearest requests to each request, computed once per problem: travel between the two pickups
 * plus between the two drop-offs, plus how far apart their windows open. Time counts because a
 * neighbour served hours later sits in another part of its route.
 */
export function neighbourLists(p: Problem): NeighbourLists {
  const cached = cache.get(p);
  if (cached) return cached;
  const n = p.requestCount;
  const width = Math.min(NEIGHBOURS, Math.max(n - 1, 0));
  const list = new Int32Array(n * width);
  const { travel, size, nodeLocation, nodeTwStart } = p;
  /** Index = k: distance of the k-th nearest found so far (the row of `list` being filled). */
  const nearest = new Float64Array(width);
  const bounded = (t: number): number => (Number.isFinite(t) ? t : 1e12);
  for (let a = 0; a < n; a++) {
    const row = a * width;
    let kept = 0;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const pick = travel[nodeLocation[2 * a]! * size + nodeLocation[2 * b]!]!;
      const drop = travel[nodeLocation[2 * a + 1]! * size + nodeLocation[2 * b + 1]!]!;
      const time = Math.abs(nodeTwStart[2 * a]! - nodeTwStart[2 * b]!) + Math.abs(nodeTwStart[2 * a + 1]! - nodeTwStart[2 * b + 1]!);
      const d = bounded(pick) + bounded(drop) + bounded(time);
      if (kept === width && d >= nearest[width - 1]!) continue;
      // Insertion into the sorted top `width`: O(n · width) at worst instead of sorting n per row.
      // Equal distances keep the lower id first (b grows), so the lists stay deterministic.
      let k = kept < width ? kept++ : width - 1;
      while (k > 0 && nearest[k - 1]! > d) {
        nearest[k] = nearest[k - 1]!;
        list[row + k] = list[row + k - 1]!;
        k--;
      }
      nearest[k] = d;
      list[row + k] = b;
    }
  }
  const lists = { width, list };
  cache.set(p, lists);
  return lists;
}

/**
 * String removal (after SISR, Christiaens & Vanden Berghe 2020): from a random request's route
 * and then the routes of its nearest requests, one route at a time, cuts a string of consecutive
 * stops around that request and removes every request with a stop in it, until `count` requests
 * are out. Neighbouring routes lose adjacent pieces, so the repair can rebuild the area with the
 * slack that frees; unlike Shaw removal it costs O(removed), not O(removed × requests).
 * While servable requests wait, half the removals are centred on one of them instead.
 */
export const stringRemoval: DestroyOperator = {
  name: 'string',
  apply(state, rng, count) {
    const p = state.problem;
    const candidates = state.removable();
    if (candidates.length === 0) return;
    const { width, list } = neighbourLists(p);
    const touched = new Uint8Array(p.vehicleCount);
    const cut: number[] = [];
    let removed = 0;
    const cutAround = (r: number): void => {
      const v = state.routeOf[r]!;
      if (v === -1 || touched[v] || state.isFixed[r]) return;
      touched[v] = 1;
      const route = state.routes[v]!;
      const movable = route.stopCount - route.lockedCount;
      const length = 1 + rng.nextInt(Math.min(MAX_STRING_STOPS, movable));
      const at = route.positionOf(rng.next() < 0.5 ? 2 * r : 2 * r + 1);
      if (at <= route.lockedCount) return;
      const lo = Math.max(route.lockedCount + 1, at - length + 1);
      const hi = Math.min(at, route.stopCount - length + 1);
      const first = lo + rng.nextInt(hi - lo + 1);
      cut.length = 0;
      for (let i = first; i < first + length; i++) {
        const q = route.nodes[i]! >> 1;
        if (!cut.includes(q)) cut.push(q);
      }
      for (const q of cut) if (state.remove(q)) removed++;
    };
    let centre = candidates[rng.nextInt(candidates.length)]!;
    if (state.unassignedCount > 0 && rng.next() < WAITING_FOCUS) {
      const waiting = state.waitingServable();
      if (waiting.length > 0) centre = waiting[rng.nextInt(waiting.length)]!;
    }
    cutAround(centre);
    for (let k = 0; k < width && removed < count; k++) cutAround(list[centre * width + k]!);
  },
};
