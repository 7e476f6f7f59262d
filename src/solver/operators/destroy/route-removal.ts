import type { DestroyOperator } from '../operator.js';

/**
 * Empties one route (all its movable requests), chosen at random with a bias to short routes, whose
 * requests are the easiest to place elsewhere, so that the repair can do without the vehicle.
 * Ignores `count`: the route's size decides how much is removed.
 */
export const routeRemoval: DestroyOperator = {
  name: 'route',
  apply(state, rng) {
    const used: number[] = [];
    /** Index = vehicle: number of its requests that may move. */
    const movable = new Int32Array(state.routes.length);
    for (let r = 0; r < state.routeOf.length; r++) {
      const v = state.routeOf[r]!;
      if (v !== -1 && !state.isFixed[r]) movable[v] = movable[v]! + 1;
    }
    for (let v = 0; v < state.routes.length; v++) if (movable[v]! > 0) used.push(v);
    if (used.length === 0) return;
    used.sort((a, b) => movable[a]! - movable[b]! || a - b);
    const v = used[Math.floor(Math.pow(rng.next(), 2) * used.length)]!;
    for (let r = 0; r < state.routeOf.length; r++) if (state.routeOf[r] === v) state.remove(r);
  },
};
