/** Thread body for solve-in-thread.ts: solves one instance and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { solve } from '../src/solver/index.js';
import type { Instance } from '../src/solver/model/instance.js';
import type { ThreadSolveOptions } from './solve-in-thread.js';

const { instance, options } = workerData as { instance: Instance; options: ThreadSolveOptions };
try {
  const solution = solve(instance, {
    seed: options.seed,
    timeLimitSec: options.timeLimitSec,
    ...(options.maxIterations ? { maxIterations: options.maxIterations } : {}),
    ...(options.initialRoutes ? { initialRoutes: options.initialRoutes } : {}),
    now: () => performance.now(),
    onProgress: (progress) => parentPort!.postMessage({ type: 'progress', progress }),
  });
  parentPort!.postMessage({ type: 'done', solution });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: (err as Error).message });
}
