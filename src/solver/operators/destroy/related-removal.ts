import { locateRequests } from '../../route/request-positions.js';
import type { DestroyOperator } from '../operator.js';
import { selectKth, swapRemove } from './select-kth.js';

/** Relatedness weights of Ropke & Pisinger (2006): distance 9, time 3, load 2. */
const DISTANCE_WEIGHT = 9;
const TIME_WEIGHT = 3;
const LOAD_WEIGHT = 2;
/** Randomness of the choice (Ropke & Pisinger: p = 6). */
const DETERMINISM = 6;

/**
 * Shaw removal: removes requests similar to each other (close pickups and drop-offs, close
 * service times, similar loads), so that the repair can exchange their places. Starts from a
 * random request and repeatedly adds one related to a random already removed one.
 */
export const relatedRemoval: DestroyOperator = {
  name: 'related',
  apply(state, rng, count) {
    const p = state.problem;
    const n = p.requestCount;
    const candidates = state.removable();
    if (candidates.length === 0) return;
    /** Index = request: position of its pickup / drop-off in its route (−1 when unassigned). */
    const pickupPos = new Int32Array(n);
    const dropoffPos = new Int32Array(n);
    locateRequests(state, pickupPos, dropoffPos);
    /** Index = request: earliest service start at its pickup / drop-off in the current routes. */
    const pickupTime = new Float64Array(n);
    const dropoffTime = new Float64Array(n);
    let maxTime = 1e-9;
    let maxTravel = 1e-9;
    let maxLoad = 1e-9;
    for (const r of candidates) {
      const route = state.routes[state.routeOf[r]!]!;
      pickupTime[r] = route.earliest[pickupPos[r]!]!;
      dropoffTime[r] = route.earliest[dropoffPos[r]!]!;
      maxTime = Math.max(maxTime, Math.abs(pickupTime[r]!), Math.abs(dropoffTime[r]!));
      for (let d = 0; d < p.dims; d++) maxLoad = Math.max(maxLoad, p.nodeLoad[2 * r * p.dims + d]!);
    }
    const { travel, size, nodeLocation } = p;
    for (const a of candidates) {
      for (const b of candidates) {
        const t1 = travel[nodeLocation[2 * a]! * size + nodeLocation[2 * b]!]!;
        const t2 = travel[nodeLocation[2 * a + 1]! * size + nodeLocation[2 * b + 1]!]!;
        if (Number.isFinite(t1)) maxTravel = Math.max(maxTravel, t1);
        if (Number.isFinite(t2)) maxTravel = Math.max(maxTravel, t2);
      }
      if (candidates.length > 60) break; // a sample of rows is enough to normalise
    }
    /** Index = request: relatedness to the current seed request (lower = more related). */
    const related = new Float64Array(n);
    const scoreAgainst = (seed: number): void => {
      for (const b of candidates) {
        const t1 = travel[nodeLocation[2 * seed]! * size + nodeLocation[2 * b]!]!;
        const t2 = travel[nodeLocation[2 * seed + 1]! * size + nodeLocation[2 * b + 1]!]!;
        const dist = (Math.min(t1, 2 * maxTravel) + Math.min(t2, 2 * maxTravel)) / maxTravel;
        const time = (Math.abs(pickupTime[seed]! - pickupTime[b]!) + Math.abs(dropoffTime[seed]! - dropoffTime[b]!)) / maxTime;
        let load = 0;
        for (let d = 0; d < p.dims; d++) load += Math.abs(p.nodeLoad[2 * seed * p.dims + d]! - p.nodeLoad[2 * b * p.dims + d]!);
        related[b] = DISTANCE_WEIGHT * dist + TIME_WEIGHT * time + LOAD_WEIGHT * (load / maxLoad);
      }
    };
    const removed: number[] = [];
    const first = rng.nextInt(candidates.length);
    removed.push(candidates[first]!);
    candidates[first] = candidates[candidates.length - 1]!;
    candidates.pop();
    while (removed.length < count && candidates.length > 0) {
      const seed = removed[rng.nextInt(removed.length)]!;
      scoreAgainst(seed);
      const idx = Math.floor(Math.pow(rng.next(), DETERMINISM) * candidates.length);
      removed.push(selectKth(candidates, idx, related, 1));
      swapRemove(candidates, idx);
    }
    for (const r of removed) state.remove(r);
  },
};
