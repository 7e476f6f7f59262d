import { UsageError } from './parse-solve-args.js';

export interface BenchArgs {
  /** Folder of ../shared/benchmarks to run, or 'regional'; undefined = every benchmark folder. */
  readonly folder: string | undefined;
  /** Overrides the per-set default (Cordeau 10 s, Li & Lim 30 s, regional 60 s). */
  readonly timeLimitSec: number | undefined;
  readonly seed: number;
  /** Instance names (file names without extension) to run; undefined = all. */
  readonly instances: readonly string[] | undefined;
  /** Time limits in each solve's CPU time instead of the wall clock (see solve --cpu-clock). */
  readonly cpuClock: boolean;
  /** Regional day only: the budget of a longer reference solve that the full-budget plan is compared with. */
  readonly referenceTimeLimitSec: number | undefined;
}

export const BENCH_USAGE = 'usage: npm run bench [-- FOLDER|regional] [--time-limit SECONDS] [--seed N] [--instances NAME,NAME] [--cpu-clock] [--reference-time-limit SECONDS (regional)]';

const DEFAULT_SEED = 1;

/** Parses `npm run bench` arguments; throws UsageError naming the offending argument. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let folder: string | undefined;
  let timeLimitSec: number | undefined;
  let seed = DEFAULT_SEED;
  let instances: string[] | undefined;
  let cpuClock = false;
  let referenceTimeLimitSec: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if (folder !== undefined) throw new UsageError(`only one FOLDER expected, got "${folder}" and "${arg}"`);
      folder = arg;
      continue;
    }
    if (arg === '--cpu-clock') {
      cpuClock = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    if (!['--time-limit', '--seed', '--instances', '--reference-time-limit'].includes(name)) throw new UsageError(`unknown option ${name}`);
    const value = equals >= 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (name === '--time-limit' || name === '--reference-time-limit') {
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`${name} must be a positive number of seconds, got "${value}"`);
      if (name === '--time-limit') timeLimitSec = seconds;
      else referenceTimeLimitSec = seconds;
    } else if (name === '--seed') {
      if (!/^\d+$/.test(value)) throw new UsageError(`--seed must be a non-negative integer, got "${value}"`);
      seed = Number(value);
    } else {
      instances = value.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
    }
  }
  if (referenceTimeLimitSec !== undefined && folder !== 'regional') {
    throw new UsageError('--reference-time-limit applies to the regional day only: npm run bench -- regional --reference-time-limit 300');
  }
  return { folder, timeLimitSec, seed, instances, cpuClock, referenceTimeLimitSec };
}
