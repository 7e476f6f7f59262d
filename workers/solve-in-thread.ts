/**
 * Runs the optimiser in a worker thread. The optimiser is synchronous and may run for many
 * seconds; on the main thread it would stall BullMQ's lock renewal (the job would be declared
 * stalled and run twice) and SIGTERM handling.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Instance } from '../src/solver/model/instance.js';
import type { InitialRoute, Solution, SolveProgress } from '../src/solver/model/solution.js';

export interface ThreadSolveOptions {
  readonly timeLimitSec: number;
  readonly seed: number;
  /** Stops earlier after this many iterations: with it, a plan is the same on every run. */
  readonly maxIterations?: number;
  /** Routes to start from: the day's previous plan, or this planning's round before (SolveStart). */
  readonly initialRoutes?: readonly InitialRoute[];
}

type FromThread = { type: 'progress'; progress: SolveProgress } | { type: 'done'; solution: Solution } | { type: 'error'; message: string };

/**
 * Module loader hooks (tsx's, which run our TypeScript) are per thread: a new thread does not
 * inherit them, even from `node --import tsx`. So the thread first registers tsx, then loads
 * the TypeScript thread body.
 */
const tsxEsmApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const threadBody = new URL('./solve-thread.ts', import.meta.url).href;
const threadBootstrap = new URL(
  `data:text/javascript,${encodeURIComponent(
    `import { register } from ${JSON.stringify(tsxEsmApi)}; register(); await import(${JSON.stringify(threadBody)});`,
  )}`,
);

export function solveInThread(instance: Instance, options: ThreadSolveOptions, onProgress: (p: SolveProgress) => void): Promise<Solution> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(threadBootstrap, { workerData: { instance, options } });
    let settled = false;
    thread.on('message', (msg: FromThread) => {
      if (msg.type === 'progress') onProgress(msg.progress);
      else if (msg.type === 'done') {
        settled = true;
        resolve(msg.solution);
      } else {
        settled = true;
        reject(new Error(`optimiser failed: ${msg.message}`));
      }
    });
    thread.on('error', (err) => {
      settled = true;
      reject(err);
    });
    thread.on('exit', (code) => {
      if (!settled) reject(new Error(`optimiser thread exited with code ${code}`));
    });
  });
}
