import type { Solution } from '../src/solver/model/solution.js';
import { nodeOfStop, type BenchmarkInstance } from './readers/benchmark-instance.js';

/** The solve command's output (issue #3): file node ids, depots excluded. */
export interface SolveOutput {
  readonly routes: number[][];
  readonly unassigned: number[];
  readonly distance: number;
  readonly vehicles: number;
  readonly seconds: number;
}

/** Speaks the solution in the file's node ids; routes without stops are not vehicles used. */
export function toSolveOutput(bench: BenchmarkInstance, solution: Solution, seconds: number): SolveOutput {
  const routes = solution.routes
    .filter((route) => route.stops.length > 0)
    .map((route) => route.stops.map((stop) => nodeOfStop(bench, stop)));
  return {
    routes,
    unassigned: solution.unassigned.map((entry) => bench.pickupNode[entry.request]!).sort((a, b) => a - b),
    distance: solution.distance,
    vehicles: routes.length,
    seconds,
  };
}
