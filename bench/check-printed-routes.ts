import { evaluateRoutes, type RouteOrder } from '../test/helpers/check-solution.js';
import { stopOfNode, type BenchmarkInstance } from './readers/benchmark-instance.js';
import type { SolveOutput } from './solve-output.js';

/**
 * Re-checks what the solve command printed, from file node ids alone (route i = vehicle i, so a
 * Cordeau solution with more routes than K vehicles is reported): every request served once or
 * listed unassigned, and each route feasible. Returns the problems found; empty = valid.
 */
export function checkPrintedRoutes(bench: BenchmarkInstance, output: SolveOutput): string[] {
  const problems: string[] = [];
  const toStop = (node: number) => {
    const stop = stopOfNode(bench, node);
    if (stop === undefined) problems.push(`printed node ${node} is not a pickup or drop-off`);
    return stop;
  };
  const orders: RouteOrder[] = output.routes.map((nodes, vehicle) => ({
    vehicle,
    stops: nodes.map(toStop).filter((stop) => stop !== undefined),
  }));
  const unassigned = output.unassigned.map((node) => toStop(node)?.request ?? -1);
  const evaluation = evaluateRoutes(bench.instance, orders, unassigned);
  problems.push(...evaluation.violations.map((violation) => violation.message));
  const relative = Math.abs(evaluation.distance - output.distance) / Math.max(1, evaluation.distance);
  if (!(relative <= 1e-6)) problems.push(`printed distance ${output.distance}, recomputed ${evaluation.distance}`);
  if (output.vehicles !== output.routes.length) problems.push(`printed ${output.vehicles} vehicles for ${output.routes.length} routes`);
  return problems;
}
