import { createInsertion, findBestInsertion, type Insertion } from '../feasibility/best-insertion.js';
import { canServeAlone } from '../feasibility/unassigned-reason.js';
import { RouteState } from '../route/route-state.js';
import type { SolutionState } from '../route/solution-state.js';
import type { Alns } from './alns.js';
import type { Rng } from './rng.js';

/**
 * Only requests riding within this many seconds of the waiting request's ride are ejection
 * candidates (unless they force the route's layout, see collectCandidates): ejecting a ride hours
 * away frees neither seats nor time for it. 60 min served day 1 with 60 of 60 solver seeds at 5 s,
 * 30 min with 59 (DECISIONS D30).
 */
const TIME_REACH = 3600;
/** Random relocations tried after each ejection (Nagata & Bräysy's perturbation between rounds). */
const PERTURB_MOVES = 30;
/** A perturbing relocation may lengthen the two routes it touches by this share of their cost. */
const PERTURB_SLACK = 0.02;

/** The ejection chosen for one waiting request: route, requests ejected (−1 = none) and where the waiting one goes. */
interface Ejection {
  vehicle: number;
  first: number;
  second: number;
  pickupPos: number;
  dropoffPos: number;
  /** Sum of the ejected requests' penalty counters (the criterion). */
  penaltySum: number;
  /** Routing cost of the route after the ejection and the insertion minus before (the tie-break). */
  delta: number;
}

/**
 * Ejection search for the requests left waiting (Nagata & Bräysy 2009, route minimisation;
 * Nagata & Kobayashi 2010 for pickup and delivery): the waiting requests form a stack; the top one
 * goes to its cheapest feasible place if it has one, else its penalty counter grows and it takes
 * the place of one or two requests of one route, those whose counters sum lowest (requests that
 * were hard to place before are ejected last), and the ejected go onto the stack. Random feasible
 * relocations between rounds keep it from cycling. The counters steer the search towards ejecting
 * requests that place easily elsewhere, which a plain remove-and-reinsert does not see.
 *
 * Only requests that some vehicle could serve alone enter the stack. Runs until nothing servable
 * waits or the budget reaches `endFraction`; returns the solution with the lowest waiting penalty
 * seen (then the lowest cost). `start` is not modified.
 */
export function ejectionSearch(alns: Alns, rng: Rng, start: SolutionState, endFraction: number): SolutionState {
  const p = start.problem;
  const n = p.requestCount;
  /** The ejection pool, a stack of request ids (the lowest id on top). */
  const pool = new Int32Array(n);
  let poolSize = 0;
  const waiting = start.waitingServable();
  for (let k = waiting.length - 1; k >= 0; k--) pool[poolSize++] = waiting[k]!;
  if (poolSize === 0) return start;

  const current = start.clone();
  const best = start.clone();
  let bestPenalty = waitingPenalty(best);
  let bestCost = best.cost();
  /** Index = request: how often it failed to find a free place (Nagata & Bräysy's p[r]). */
  const counters = new Float64Array(n).fill(1);
  const search = new EjectionFinder(current);
  const found: Ejection = { vehicle: -1, first: -1, second: -1, pickupPos: -1, dropoffPos: -1, penaltySum: Infinity, delta: Infinity };
  const insertion = createInsertion();

  while (poolSize > 0 && !alns.isOver() && alns.fraction() < endFraction) {
    const r = pool[--poolSize]!;
    if (current.routeOf[r] !== -1) continue;
    if (!insertCheapest(current, r, insertion)) {
      counters[r] = counters[r]! + 1;
      if (search.find(r, counters, rng, found)) {
        search.apply(found, r);
        // The request ejected second is taken up first: either order is as good a guess.
        pool[poolSize++] = found.first;
        if (found.second !== -1) pool[poolSize++] = found.second;
      } else {
        // Nothing to eject for it now: it waits at the bottom of the stack for a perturbed plan.
        for (let k = poolSize; k > 0; k--) pool[k] = pool[k - 1]!;
        pool[0] = r;
        poolSize++;
      }
      perturb(current, rng, insertion);
    }
    const penalty = waitingPenalty(current);
    if (penalty < bestPenalty || (penalty === bestPenalty && current.cost() < bestCost)) {
      best.copyFrom(current);
      bestPenalty = penalty;
      bestCost = best.cost();
      alns.noteBest(best, bestCost);
    }
    alns.iteration++;
    alns.report();
  }
  return best;
}

/** Inserts r at its cheapest feasible place over the enabled routes; false when it has none. */
function insertCheapest(state: SolutionState, r: number, insertion: Insertion): boolean {
  let bestVehicle = -1;
  let bestCost = Infinity;
  let pick = -1;
  let drop = -1;
  for (let v = 0; v < state.routes.length; v++) {
    if (!state.isEnabled[v]) continue;
    if (findBestInsertion(state.routes[v]!, r, insertion, bestCost)) {
      bestVehicle = v;
      bestCost = insertion.cost;
      pick = insertion.pickupPos;
      drop = insertion.dropoffPos;
    }
  }
  if (bestVehicle === -1) return false;
  state.insert(r, bestVehicle, pick, drop);
  return true;
}

/**
 * Perturbation: PERTURB_MOVES random requests each try a random other route, moving there at
 * their cheapest feasible place when that lengthens the two routes by at most PERTURB_SLACK of
 * their cost. A changed plan gives the next ejection other options.
 */
function perturb(state: SolutionState, rng: Rng, insertion: Insertion): void {
  const p = state.problem;
  const { cost, size } = p;
  for (let t = 0; t < PERTURB_MOVES; t++) {
    const q = rng.nextInt(p.requestCount);
    const from = state.routeOf[q]!;
    if (from === -1 || state.isFixed[q]) continue;
    const to = rng.nextInt(p.vehicleCount);
    if (to === from || !state.isEnabled[to] || state.routes[to]!.isEmpty) continue;
    const origin = state.routes[from]!;
    const pos = origin.positionOf(2 * q);
    const dpos = origin.positionOf(2 * q + 1);
    if (pos <= origin.lockedCount) continue;
    // What taking q out saves on its route.
    const before = origin.locationAt(pos - 1);
    const at = origin.locationAt(pos);
    const after = origin.locationAt(dpos + 1);
    const dropAt = origin.locationAt(dpos);
    let saving: number;
    if (dpos === pos + 1) {
      saving = cost[before * size + at]! + cost[at * size + dropAt]! + cost[dropAt * size + after]! - cost[before * size + after]!;
    } else {
      const next = origin.locationAt(pos + 1);
      const prev = origin.locationAt(dpos - 1);
      saving =
        cost[before * size + at]! + cost[at * size + next]! - cost[before * size + next]! +
        cost[prev * size + dropAt]! + cost[dropAt * size + after]! - cost[prev * size + after]!;
    }
    const target = state.routes[to]!;
    const allowed = saving + PERTURB_SLACK * (origin.routeCost + target.routeCost);
    if (!findBestInsertion(target, q, insertion, allowed)) continue;
    if (!state.remove(q)) continue;
    state.insert(q, to, insertion.pickupPos, insertion.dropoffPos);
  }
}

/**
 * Finds, for one waiting request, the ejection of at most two requests from one route after which
 * it fits, with the least sum of penalty counters (then the least added routing cost). Scratch
 * routes and buffers are allocated once per search, not per call.
 */
class EjectionFinder {
  /** Index = vehicle: a scratch copy of its route with one or two requests taken out. */
  private readonly scratch: RouteState[];
  /** The stops of the route being tried, without the ejected ones. */
  private readonly stops: Int32Array;
  /** Candidate requests of the route being scanned, and their counters. */
  private readonly candidates: Int32Array;
  private readonly insertion = createInsertion();
  /** Index = vehicle: visiting order (shuffled per call, so that ties do not always favour low ids). */
  private readonly order: Int32Array;

  constructor(private readonly state: SolutionState) {
    const p = state.problem;
    this.scratch = Array.from({ length: p.vehicleCount }, (_, v) => new RouteState(p, v));
    this.stops = new Int32Array(2 * p.requestCount + 2);
    this.candidates = new Int32Array(p.requestCount);
    this.order = new Int32Array(p.vehicleCount);
  }

  find(r: number, counters: Float64Array, rng: Rng, out: Ejection): boolean {
    const state = this.state;
    const p = state.problem;
    out.vehicle = -1;
    out.penaltySum = Infinity;
    out.delta = Infinity;
    const order = this.order;
    for (let v = 0; v < order.length; v++) order[v] = v;
    for (let k = order.length - 1; k > 0; k--) {
      const j = rng.nextInt(k + 1);
      const t = order[k]!;
      order[k] = order[j]!;
      order[j] = t;
    }
    const opens = p.nodeTwStart[2 * r]! - TIME_REACH;
    const closes = p.nodeTwEnd[2 * r + 1]! + TIME_REACH;
    for (let o = 0; o < order.length; o++) {
      const v = order[o]!;
      const route = state.routes[v]!;
      if (!state.isEnabled[v] || route.isEmpty || !canServeAlone(p, v, r)) continue;
      const pinned = p.pinnedVehicle[r]!;
      if (pinned !== -1 && pinned !== v) continue;
      const count = this.collectCandidates(route, r, opens, closes);
      const cand = this.candidates;
      for (let a = 0; a < count; a++) {
        const qa = cand[a]!;
        const pa = counters[qa]!;
        if (pa > out.penaltySum) continue;
        this.tryEjection(route, r, qa, -1, pa, out);
        for (let b = a + 1; b < count; b++) {
          const qb = cand[b]!;
          const sum = pa + counters[qb]!;
          if (sum > out.penaltySum) continue;
          this.tryEjection(route, r, qa, qb, sum, out);
        }
      }
    }
    return out.vehicle !== -1;
  }

  /**
   * Requests of the route worth ejecting for r: not fixed, and riding within TIME_REACH of r's
   * ride — or, when no layout the route can use takes r, on board where the load keeps the
   * layouts that would take r out (a minibus set as eight seats all day for one morning peak).
   */
  private collectCandidates(route: RouteState, r: number, opens: number, closes: number): number {
    const p = this.state.problem;
    const dims = p.dims;
    const caps = p.layoutCapacity[route.vehicle]!;
    const layouts = route.layoutFits.length;
    const rLoad = 2 * r * dims;
    let layoutBlocked = true;
    for (let k = 0; k < layouts && layoutBlocked; k++) {
      if (!route.layoutFits[k]) continue;
      let takes = true;
      for (let d = 0; d < dims; d++) if (p.nodeLoad[rLoad + d]! > caps[k * dims + d]! + 1e-9) takes = false;
      if (takes) layoutBlocked = false;
    }
    let count = 0;
    const nodes = route.nodes;
    for (let i = 1; i <= route.stopCount; i++) {
      const node = nodes[i]!;
      if ((node & 1) !== 0) continue;
      const q = node >> 1;
      if (this.state.isFixed[q]) continue;
      let j = i + 1;
      while (nodes[j] !== node + 1) j++;
      let relevant = route.earliest[i]! <= closes && route.earliest[j]! >= opens;
      if (!relevant && layoutBlocked) {
        // On board over a leg whose load, with r's, no layout taking r carries.
        for (let s = i; s < j && !relevant; s++) {
          for (let k = 0; k < layouts && !relevant; k++) {
            let takesR = true;
            let over = false;
            for (let d = 0; d < dims; d++) {
              const cap = caps[k * dims + d]!;
              if (p.nodeLoad[rLoad + d]! > cap + 1e-9) takesR = false;
              if (route.load[s * dims + d]! > cap - p.nodeLoad[rLoad + d]! + 1e-9) over = true;
            }
            if (takesR && over) relevant = true;
          }
        }
      }
      if (relevant) this.candidates[count++] = q;
    }
    return count;
  }

  /** Carries out an ejection found by `find` on the unchanged solution: the ejected go to the bank, r takes their place. */
  apply(found: Ejection, r: number): void {
    const route = this.state.routes[found.vehicle]!;
    const tmp = this.scratch[found.vehicle]!;
    this.buildWithout(route, found.first, found.second, tmp);
    this.state.replaceRoute(tmp);
    this.state.insert(r, found.vehicle, found.pickupPos, found.dropoffPos);
  }

  /** Sets `tmp` to the route without qa and qb (−1 = none). */
  private buildWithout(route: RouteState, qa: number, qb: number, tmp: RouteState): void {
    const stops = this.stops;
    let m = 0;
    for (let i = 1; i <= route.stopCount; i++) {
      const q = route.nodes[i]! >> 1;
      if (q !== qa && q !== qb) stops[m++] = route.nodes[i]!;
    }
    tmp.setStops(stops, route.lockedCount, m);
  }

  /** Tries ejecting qa (and qb, unless −1) from the route and inserting r; keeps it in `out` when better. */
  private tryEjection(route: RouteState, r: number, qa: number, qb: number, penaltySum: number, out: Ejection): void {
    const p = this.state.problem;
    const tmp = this.scratch[route.vehicle]!;
    this.buildWithout(route, qa, qb, tmp);
    // Without the triangle inequality, taking requests out can make a route late. Where ride or
    // duration limits apply, findBestInsertion confirms the whole new route with the exact
    // scheduler anyway; elsewhere the windows decide, checked here in O(stops).
    if (!p.isTriangleSafe && !tmp.needsExactCheck && !tmp.windowsHold()) return;
    // Only cheaper than the best of equal penalty is worth the insertion scan.
    const budget = penaltySum < out.penaltySum ? Infinity : out.delta - (tmp.routeCost - route.routeCost);
    if (!findBestInsertion(tmp, r, this.insertion, budget)) return;
    const delta = tmp.routeCost - route.routeCost + this.insertion.cost;
    if (penaltySum < out.penaltySum || delta < out.delta) {
      out.vehicle = route.vehicle;
      out.first = qa;
      out.second = qb;
      out.pickupPos = this.insertion.pickupPos;
      out.dropoffPos = this.insertion.dropoffPos;
      out.penaltySum = penaltySum;
      out.delta = delta;
    }
  }
}

/** Unassigned cost of the bank. */
function waitingPenalty(state: SolutionState): number {
  let total = 0;
  const penalty = state.problem.unassignedCost;
  for (let r = 0; r < state.routeOf.length; r++) if (state.routeOf[r] === -1) total += penalty[r]!;
  return total;
}
