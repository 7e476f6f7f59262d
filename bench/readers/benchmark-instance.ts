import type { Instance } from '../../src/solver/model/instance.js';

export type BenchmarkFormat = 'cordeau' | 'lilim';

/**
 * A benchmark file mapped onto the solver's Instance, plus what is needed to speak the file's
 * language again: request r of the Instance is file node `pickupNode[r]` → `dropoffNode[r]`.
 */
export interface BenchmarkInstance {
  readonly format: BenchmarkFormat;
  readonly instance: Instance;
  /** File node id of request r's pickup (Cordeau: i; Li & Lim: the pickup task number). */
  readonly pickupNode: readonly number[];
  /** File node id of request r's drop-off (Cordeau: n + i; Li & Lim: the delivery task number). */
  readonly dropoffNode: readonly number[];
}

/** A stop of the Instance named by request index and kind. */
export interface RequestStop {
  readonly request: number;
  readonly kind: 'pickup' | 'dropoff';
}

/** Maps a file node id back to the request stop it stands for; undefined for depots and unknown ids. */
export function stopOfNode(bench: BenchmarkInstance, nodeId: number): RequestStop | undefined {
  const pickupRequest = bench.pickupNode.indexOf(nodeId);
  if (pickupRequest >= 0) return { request: pickupRequest, kind: 'pickup' };
  const dropoffRequest = bench.dropoffNode.indexOf(nodeId);
  if (dropoffRequest >= 0) return { request: dropoffRequest, kind: 'dropoff' };
  return undefined;
}

/** File node id of a request stop. */
export function nodeOfStop(bench: BenchmarkInstance, stop: RequestStop): number {
  return stop.kind === 'pickup' ? bench.pickupNode[stop.request]! : bench.dropoffNode[stop.request]!;
}
