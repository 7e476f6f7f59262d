import { createInsertion, findBestInsertion } from '../../feasibility/best-insertion.js';
import type { Rng } from '../../alns/rng.js';
import type { SolutionState } from '../../route/solution-state.js';
import type { RepairOperator } from '../operator.js';

/**
 * Inserts the bank's requests one at a time, each time choosing the request whose regret is
 * largest: the sum over h = 2..k of (cost in its h-th best route − cost in its best route).
 * A request with fewer than k feasible routes comes first (it is about to lose its last options),
 * ties go to the cheaper insertion. k = 1 is plain greedy insertion (cheapest first).
 *
 * The best insertion of every (request, route) pair is cached and only the column of the route that
 * changed is re-evaluated after each insertion; each request keeps its k cheapest routes ranked, so
 * a changed cell costs O(k) unless it was one of them (a 1,000-request construction no longer scans
 * every cell after every insertion). Identical empty vehicles are tried once, through one
 * representative per vehicle class. Cells are first filled from the O(1) filters alone and
 * confirmed by the exact scheduler only when chosen: a chosen cell that fails is re-evaluated
 * exactly and the choice is made again, so every insertion made is feasible.
 */
export function insertByRegret(state: SolutionState, k: number, rng: Rng | null, noise: number): void {
  const p = state.problem;
  const requests = state.bank();
  const U = requests.length;
  const V = p.vehicleCount;
  if (U === 0 || V === 0) return;
  /** Index = u * V + v: best (noisy) insertion cost of requests[u] into route v, Infinity if none. */
  const cellCost = new Float64Array(U * V).fill(Infinity);
  /** Index = u * V + v: new pickup position of that insertion. */
  const cellPick = new Int32Array(U * V);
  /** Index = u * V + v: new drop-off position of that insertion. */
  const cellDrop = new Int32Array(U * V);
  /** Index = u * V + v: noise added to that cell's cost. */
  const cellNoise = new Float64Array(U * V);
  /** Index = u * V + v: 1 when the cell's insertion was confirmed by the exact scheduler. */
  const cellVerified = new Uint8Array(U * V);
  /** Index = u: 1 while requests[u] waits in the bank. */
  const waiting = new Uint8Array(U).fill(1);
  const insertion = createInsertion();

  const K = Math.max(k, 1);
  /** Index = u * K + h: the h-th smallest cell of row u, ordered by (cost, route); Infinity past the feasible ones. */
  const topCost = new Float64Array(U * K).fill(Infinity);
  /** Index = u * K + h: the route of that cell, −1 past the feasible ones. */
  const topRoute = new Int32Array(U * K).fill(-1);
  /** Index = u: number of routes with a finite cell. */
  const feasibleCount = new Int32Array(U);
  /** False while the columns are first filled (the rows are then ranked once, in full). */
  let ranked = false;

  /** Puts (c, v) into row u's ranking if it belongs there; v must not be in the ranking yet. */
  const rankCell = (u: number, c: number, v: number): void => {
    const base = u * K;
    for (let h = 0; h < K; h++) {
      const ch = topCost[base + h]!;
      if (c < ch || (c === ch && v < topRoute[base + h]!) || topRoute[base + h] === -1) {
        for (let g = K - 1; g > h; g--) {
          topCost[base + g] = topCost[base + g - 1]!;
          topRoute[base + g] = topRoute[base + g - 1]!;
        }
        topCost[base + h] = c;
        topRoute[base + h] = v;
        return;
      }
    }
  };
  /** Ranks row u afresh from every route's cell. */
  const rankRow = (u: number): void => {
    topCost.fill(Infinity, u * K, u * K + K);
    topRoute.fill(-1, u * K, u * K + K);
    let feasible = 0;
    for (let v = 0; v < V; v++) {
      const c = cellCost[u * V + v]!;
      if (c === Infinity) continue;
      feasible++;
      rankCell(u, c, v);
    }
    feasibleCount[u] = feasible;
  };
  /** Keeps row u's ranking right after cell (u, v) changed from `before`: O(K) unless v was ranked. */
  const updateRow = (u: number, v: number, before: number): void => {
    const after = cellCost[u * V + v]!;
    if (!ranked || after === before) return;
    for (let h = 0; h < K; h++) {
      if (topRoute[u * K + h] === v) {
        rankRow(u);
        return;
      }
    }
    if (before === Infinity) feasibleCount[u]++;
    if (after === Infinity) feasibleCount[u]--;
    else rankCell(u, after, v);
  };

  const evaluateColumn = (v: number): void => {
    const route = state.routes[v]!;
    for (let u = 0; u < U; u++) {
      if (!waiting[u]) continue;
      const cell = u * V + v;
      const before = cellCost[cell]!;
      if (findBestInsertion(route, requests[u]!, insertion, Infinity, false)) {
        let c = insertion.cost;
        let shift = 0;
        if (noise > 0 && rng) {
          shift = noise * (2 * rng.next() - 1);
          c = Math.max(0, c + shift);
        }
        cellCost[cell] = c;
        cellNoise[cell] = shift;
        cellPick[cell] = insertion.pickupPos;
        cellDrop[cell] = insertion.dropoffPos;
        cellVerified[cell] = insertion.isVerified ? 1 : 0;
      } else {
        cellCost[cell] = Infinity;
      }
      updateRow(u, v, before);
    }
  };
  /** The enabled empty vehicle standing for its class, or −1. */
  const representativeOf = (cls: number): number => {
    for (let v = 0; v < V; v++) {
      if (p.vehicleClass[v] === cls && state.isEnabled[v] && state.routes[v]!.isEmpty) return v;
    }
    return -1;
  };
  const representedClass = new Set<number>();
  for (let v = 0; v < V; v++) {
    if (!state.isEnabled[v]) continue;
    const route = state.routes[v]!;
    if (route.isEmpty) {
      const cls = p.vehicleClass[v]!;
      if (representedClass.has(cls)) continue;
      representedClass.add(cls);
    }
    evaluateColumn(v);
  }

  for (let u = 0; u < U; u++) rankRow(u);
  ranked = true;

  for (let remaining = U; remaining > 0; remaining--) {
    let chosen = -1;
    let chosenRoute = -1;
    let chosenFeasible = 0;
    let chosenRegret = -Infinity;
    let chosenCost = Infinity;
    for (let u = 0; u < U; u++) {
      if (!waiting[u]) continue;
      const feasible = feasibleCount[u]!;
      if (feasible === 0) continue;
      const base = u * K;
      const c1 = topCost[base]!;
      const options = Math.min(feasible, k);
      let regret = 0;
      for (let h = 1; h < options; h++) regret += topCost[base + h]! - c1;
      const better =
        chosen === -1 ||
        (k > 1 && options < chosenFeasible) ||
        ((k === 1 || options === chosenFeasible) &&
          (regret > chosenRegret || (regret === chosenRegret && c1 < chosenCost)));
      if (better) {
        chosen = u;
        chosenRoute = topRoute[base]!;
        chosenFeasible = options;
        chosenRegret = regret;
        chosenCost = c1;
      }
    }
    if (chosen === -1) return;
    const cell = chosen * V + chosenRoute;
    const route = state.routes[chosenRoute]!;
    if (!cellVerified[cell]) {
      // Confirm exactly; if the cost or place changes, choose again with the corrected cell.
      cellVerified[cell] = 1;
      const before = cellCost[cell]!;
      if (findBestInsertion(route, requests[chosen]!, insertion)) {
        cellCost[cell] = Math.max(0, insertion.cost + cellNoise[cell]!);
        cellPick[cell] = insertion.pickupPos;
        cellDrop[cell] = insertion.dropoffPos;
      } else {
        cellCost[cell] = Infinity;
      }
      updateRow(chosen, chosenRoute, before);
      if (cellCost[cell] !== before) {
        remaining++;
        continue;
      }
    }
    const wasEmpty = route.isEmpty;
    state.insert(requests[chosen]!, chosenRoute, cellPick[cell]!, cellDrop[cell]!);
    waiting[chosen] = 0;
    evaluateColumn(chosenRoute);
    if (wasEmpty) {
      const next = representativeOf(p.vehicleClass[chosenRoute]!);
      if (next !== -1) evaluateColumn(next);
    }
  }
}

export function regretInsertion(k: number): RepairOperator {
  return {
    name: `regret-${k}`,
    apply: (state, rng, noise) => insertByRegret(state, k, rng, noise),
  };
}
