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
 * changed is re-evaluated after each insertion. Identical empty vehicles are tried once, through one
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

  const evaluateColumn = (v: number): void => {
    const route = state.routes[v]!;
    for (let u = 0; u < U; u++) {
      if (!waiting[u]) continue;
      const cell = u * V + v;
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

  const best = new Float64Array(Math.max(k, 1));
  for (let remaining = U; remaining > 0; remaining--) {
    let chosen = -1;
    let chosenRoute = -1;
    let chosenFeasible = 0;
    let chosenRegret = -Infinity;
    let chosenCost = Infinity;
    for (let u = 0; u < U; u++) {
      if (!waiting[u]) continue;
      best.fill(Infinity);
      let bestRoute = -1;
      let feasible = 0;
      for (let v = 0; v < V; v++) {
        const c = cellCost[u * V + v]!;
        if (c === Infinity) continue;
        feasible++;
        if (c < best[0]!) bestRoute = v;
        // Insertion sort into the k smallest.
        for (let h = 0; h < best.length; h++) {
          if (c < best[h]!) {
            for (let g = best.length - 1; g > h; g--) best[g] = best[g - 1]!;
            best[h] = c;
            break;
          }
        }
      }
      if (feasible === 0) continue;
      const c1 = best[0]!;
      const options = Math.min(feasible, k);
      let regret = 0;
      for (let h = 1; h < options; h++) regret += best[h]! - c1;
      const better =
        chosen === -1 ||
        (k > 1 && options < chosenFeasible) ||
        ((k === 1 || options === chosenFeasible) &&
          (regret > chosenRegret || (regret === chosenRegret && c1 < chosenCost)));
      if (better) {
        chosen = u;
        chosenRoute = bestRoute;
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
