import { maxFiniteCost, type Problem } from '../model/problem.js';
import { insertByRegret } from '../operators/repair/regret-insertion.js';
import { locateRequests } from '../route/request-positions.js';
import type { SolutionState } from '../route/solution-state.js';
import { canServeAlone } from '../feasibility/unassigned-reason.js';
import type { Alns } from './alns.js';
import type { Rng } from './rng.js';

/** Requests removed around the waiting one per attempt: few, so that an attempt costs about a millisecond. */
const MIN_REMOVED = 4;
const MAX_REMOVED = 24;
/** Randomness of the choice among the most related requests (Shaw: p = 6). */
const DETERMINISM = 4;
/** An attempt that keeps the bank as it is may raise the routing cost by this share (a plateau walk frees slack elsewhere). */
const SIDEWAYS_SHARE = 0.01;
/**
 * Attempts without fewer waiting requests after which the general search takes over, so that a
 * request that cannot be placed with the others does not hold half of a long budget. Set above
 * what a 5 s regional day allows (about 2,000 attempts): there, stopping after 200 or 1,000
 * left more requests waiting (DECISIONS D27); the serve phase's share of the budget ends it.
 */
const STALL_ATTEMPTS = 5000;
/**
 * While attempts fail, the most requests an attempt removes grows by ESCALATION_STEP every
 * ESCALATION_EVERY attempts without progress, up to ESCALATED_MAX_REMOVED: the last few waiting
 * requests sit at the peaks, where a handful of moves no longer makes room (DECISIONS D27).
 */
const ESCALATION_EVERY = 40;
const ESCALATION_STEP = 8;
const ESCALATED_MAX_REMOVED = 80;
/**
 * Share of the attempts that first free one carrying vehicle's layout for the waiting request
 * (freeLayout). Regional day, 5 s of CPU, solver seeds 1-6: 7 requests left waiting in all with
 * it, 15 without.
 */
const LAYOUT_SHARE = 0.5;
/** Noise on insertion costs for half of the attempts, as a share of the largest finite matrix entry. */
const NOISE_SHARE = 0.025;

/**
 * Serves the requests left waiting after construction before anything else (issue #3: on a
 * 1,000-request day the first plan should serve every request some vehicle can serve).
 *
 * The general ALNS removes up to 100 requests per iteration and re-inserts them all: on a
 * 1,000-request day that is about 100 iterations a second, and a request waiting at a peak is
 * rarely helped by random ones. Here each attempt picks one waiting request, removes a handful of
 * requests that compete with it (on vehicles that could carry it, close in time first, then in
 * place; in half the attempts also those that keep one vehicle's layout too full for it, see
 * freeLayout) and re-inserts everything by regret, where the waiting one, having the fewest options,
 * goes first: about ten times more attempts a second, each aimed at the bank. An attempt is kept
 * when fewer (priority-weighted) requests wait, or as many wait and the routes are at most
 * SIDEWAYS_SHARE longer (a plateau walk that frees slack elsewhere). Stops when nothing servable
 * waits, after STALL_ATTEMPTS attempts without progress (the last few usually need the general
 * search's larger moves), or when the budget reaches `endFraction`. Returns the best solution
 * found; `start` is not modified.
 */
export function serveBank(alns: Alns, rng: Rng, start: SolutionState, endFraction: number): SolutionState {
  const p = start.problem;
  const n = p.requestCount;
  // Only requests some vehicle could serve alone are worth working for.
  if (start.waitingServable().length === 0) return start;

  let current = start.clone();
  const candidate = start.clone();
  const best = start.clone();
  let currentCost = current.cost();
  let bestCost = currentCost;
  const noise = NOISE_SHARE * maxFiniteCost(p);
  /** Index = request: position of its pickup / drop-off in its route (−1 when unassigned). */
  const pickupPos = new Int32Array(n);
  const dropoffPos = new Int32Array(n);
  /** Index = request: relatedness to the waiting request of the attempt (lower = more related). */
  const related = new Float64Array(n);
  /** Index = vehicle: 1 when it could serve the waiting request of the attempt alone. */
  const carries = new Uint8Array(p.vehicleCount);
  const scale = relatednessScale(p);

  let stalled = 0;
  while (!alns.isOver() && alns.fraction() < endFraction && stalled < STALL_ATTEMPTS) {
    const waiting = current.waitingServable();
    if (waiting.length === 0) break;
    const target = waiting[rng.nextInt(waiting.length)]!;
    candidate.copyFrom(current);
    for (let v = 0; v < p.vehicleCount; v++) carries[v] = candidate.isEnabled[v] && canServeAlone(p, v, target) ? 1 : 0;
    locateRequests(candidate, pickupPos, dropoffPos);
    if (rng.next() < LAYOUT_SHARE) freeLayout(candidate, target, carries, rng, pickupPos, dropoffPos);
    const near: number[] = [];
    for (let r = 0; r < n; r++) {
      const v = candidate.routeOf[r]!;
      if (v === -1 || candidate.isFixed[r] || !carries[v]) continue;
      const route = candidate.routes[v]!;
      related[r] = relatedness(p, scale, target, r, route.earliest[pickupPos[r]!]!, route.earliest[dropoffPos[r]!]!);
      near.push(r);
    }
    near.sort((a, b) => related[a]! - related[b]! || a - b);
    const maxRemoved = Math.min(ESCALATED_MAX_REMOVED, MAX_REMOVED + Math.floor(stalled / ESCALATION_EVERY) * ESCALATION_STEP);
    const count = Math.min(near.length, MIN_REMOVED + rng.nextInt(maxRemoved - MIN_REMOVED + 1));
    for (let k = 0; k < count; k++) {
      const idx = Math.floor(Math.pow(rng.next(), DETERMINISM) * near.length);
      candidate.remove(near[idx]!);
      near.splice(idx, 1);
    }
    const withNoise = rng.next() < 0.5;
    insertByRegret(candidate, 2 + rng.nextInt(2), rng, withNoise ? noise : 0);
    const cost = candidate.cost();
    const penalty = waitingPenalty(candidate);
    const currentPenalty = waitingPenalty(current);
    stalled = penalty < currentPenalty ? 0 : stalled + 1;
    const keep =
      penalty < currentPenalty ||
      (penalty === currentPenalty && cost - penalty <= (currentCost - currentPenalty) * (1 + SIDEWAYS_SHARE));
    if (cost < bestCost) {
      best.copyFrom(candidate);
      bestCost = cost;
      alns.noteBest(best, cost);
    }
    if (keep) {
      current.copyFrom(candidate);
      currentCost = cost;
    }
    alns.iteration++;
    alns.report();
  }
  return best;
}

/**
 * Makes room for `target` on one vehicle that could carry it, in load: a minibus runs all day on
 * one layout, so a wheelchair at 15:00 can be kept out by eight seats taken at 8:00. For every
 * used vehicle that could carry the target and every layout of it that takes the target, counts
 * the requests on board wherever the load would not fit that layout — plus the target's load on
 * the legs that could overlap the target's ride in time — and removes those of one (vehicle,
 * layout) pair, chosen at random with a strong bias to the fewest removals (fewer requests to
 * place elsewhere). Pairs that need no removal are skipped: there the target waits for time, not
 * seats.
 */
function freeLayout(state: SolutionState, target: number, carries: Uint8Array, rng: Rng, pickupPos: Int32Array, dropoffPos: Int32Array): void {
  const p = state.problem;
  const dims = p.dims;
  const targetLoad = 2 * target * dims;
  const rideOpens = p.nodeTwStart[2 * target]!;
  const rideCloses = p.nodeTwEnd[2 * target + 1]!;
  const options: { v: number; k: number; victims: number[] }[] = [];
  for (let v = 0; v < p.vehicleCount; v++) {
    const route = state.routes[v]!;
    if (!carries[v] || route.isEmpty) continue;
    const caps = p.layoutCapacity[v]!;
    const layouts = caps.length / Math.max(dims, 1);
    for (let k = 0; k < layouts; k++) {
      let fits = true;
      for (let d = 0; d < dims; d++) if (p.nodeLoad[targetLoad + d]! > caps[k * dims + d]!) fits = false;
      if (!fits) continue;
      /** Index = position: 1 when the load on the leg leaving it (with the target's, if it may be aboard then) exceeds layout k. */
      const over = new Uint8Array(route.stopCount + 2);
      let any = false;
      for (let i = 1; i <= route.stopCount; i++) {
        const mayBeAboard = route.earliest[i]! <= rideCloses && route.earliest[i + 1]! >= rideOpens;
        for (let d = 0; d < dims; d++) {
          const extra = mayBeAboard ? p.nodeLoad[targetLoad + d]! : 0;
          if (route.load[i * dims + d]! + extra > caps[k * dims + d]! + 1e-9) {
            over[i] = 1;
            any = true;
          }
        }
      }
      if (!any) continue;
      const victims: number[] = [];
      let movable = true;
      for (let i = 1; i <= route.stopCount && movable; i++) {
        const node = route.nodes[i]!;
        if ((node & 1) !== 0) continue;
        const r = node >> 1;
        for (let j = pickupPos[r]!; j < dropoffPos[r]!; j++) {
          if (over[j]) {
            if (state.isFixed[r]) movable = false;
            victims.push(r);
            break;
          }
        }
      }
      if (movable) options.push({ v, k, victims });
    }
  }
  if (options.length === 0) return;
  options.sort((a, b) => a.victims.length - b.victims.length || a.v - b.v || a.k - b.k);
  const chosen = options[Math.floor(Math.pow(rng.next(), 3) * options.length)]!;
  for (const r of chosen.victims) state.remove(r);
}

/** Unassigned cost of the bank (the part of the objective that serving requests lowers). */
function waitingPenalty(state: SolutionState): number {
  let total = 0;
  const penalty = state.problem.unassignedCost;
  for (let r = 0; r < state.routeOf.length; r++) if (state.routeOf[r] === -1) total += penalty[r]!;
  return total;
}

interface RelatednessScale {
  readonly travel: number;
  readonly time: number;
}

/** Normalisers: the largest finite travel time and the span of the time windows. */
function relatednessScale(p: Problem): RelatednessScale {
  let travel = 1e-9;
  for (let k = 0; k < p.travel.length; k++) {
    const t = p.travel[k]!;
    if (t > travel && t !== Infinity) travel = t;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let node = 0; node < 2 * p.requestCount; node++) {
    lo = Math.min(lo, p.nodeTwStart[node]!);
    if (p.nodeTwEnd[node]! !== Infinity) hi = Math.max(hi, p.nodeTwEnd[node]!);
  }
  return { travel, time: Math.max(hi - lo, 1e-9) };
}

/**
 * How much request r (served, its stops starting at pickupTime / dropoffTime) stands in the way of
 * the waiting request w: close in time weighs most (a vehicle busy then cannot take w), then close
 * in place. Lower is more related.
 */
function relatedness(p: Problem, scale: RelatednessScale, w: number, r: number, pickupTime: number, dropoffTime: number): number {
  const { travel, size, nodeLocation, nodeTwStart, nodeTwEnd } = p;
  const wp = 2 * w;
  const wd = wp + 1;
  const t1 = travel[nodeLocation[wp]! * size + nodeLocation[2 * r]!]!;
  const t2 = travel[nodeLocation[wd]! * size + nodeLocation[2 * r + 1]!]!;
  const place = (Math.min(t1, 2 * scale.travel) + Math.min(t2, 2 * scale.travel)) / scale.travel;
  const wPickup = (nodeTwStart[wp]! + Math.min(nodeTwEnd[wp]!, nodeTwStart[wp]! + scale.time)) / 2;
  const wDropoff = (nodeTwStart[wd]! + Math.min(nodeTwEnd[wd]!, nodeTwStart[wd]! + scale.time)) / 2;
  // Overlap of the two rides in time matters more than the distance between their ends.
  const time = (Math.abs(wPickup - pickupTime) + Math.abs(wDropoff - dropoffTime)) / scale.time;
  return 2 * place + 6 * time;
}
