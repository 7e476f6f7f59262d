import type { BenchmarkFormat } from '../readers/benchmark-instance.js';

export interface SolveArgs {
  readonly format: BenchmarkFormat;
  readonly timeLimitSec: number;
  readonly seed: number | undefined;
  readonly file: string;
  /** Also run the independent checker on the full solution and add its violations to the output. */
  readonly check: boolean;
  /** Measure the time limit in this process's CPU time instead of the wall clock (a machine shared with other work). */
  readonly cpuClock: boolean;
}

export const SOLVE_USAGE =
  'usage: npm run --silent solve -- --format cordeau|lilim --time-limit SECONDS [--seed N] [--check] [--cpu-clock] FILE';

/** A command-line mistake: the CLI prints it with the usage line and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FORMATS: readonly BenchmarkFormat[] = ['cordeau', 'lilim'];

/**
 * Parses the solve command line (issue #3). Accepts `--name value` and `--name=value`; returns
 * `'help'` for --help. Throws UsageError naming the offending argument.
 */
export function parseSolveArgs(argv: readonly string[]): SolveArgs | 'help' {
  let format: string | undefined;
  let timeLimit: string | undefined;
  let seed: string | undefined;
  let check = false;
  let cpuClock = false;
  const files: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--check') {
      check = true;
      continue;
    }
    if (arg === '--cpu-clock') {
      cpuClock = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    if (name !== '--format' && name !== '--time-limit' && name !== '--seed') {
      throw new UsageError(`unknown option ${name}`);
    }
    let value: string | undefined;
    if (equals >= 0) value = arg.slice(equals + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
    }
    if (name === '--format') format = value;
    else if (name === '--time-limit') timeLimit = value;
    else seed = value;
  }

  if (format === undefined) throw new UsageError('--format is required (cordeau or lilim)');
  if (!FORMATS.includes(format as BenchmarkFormat)) {
    throw new UsageError(`--format must be cordeau or lilim, got "${format}"`);
  }
  if (timeLimit === undefined) throw new UsageError('--time-limit is required (seconds)');
  const timeLimitSec = Number(timeLimit);
  if (timeLimit.trim() === '' || !Number.isFinite(timeLimitSec) || timeLimitSec <= 0) {
    throw new UsageError(`--time-limit must be a positive number of seconds, got "${timeLimit}"`);
  }
  let seedValue: number | undefined;
  if (seed !== undefined) {
    seedValue = Number(seed);
    if (!/^\d+$/.test(seed) || !Number.isSafeInteger(seedValue)) {
      throw new UsageError(`--seed must be a non-negative integer, got "${seed}"`);
    }
  }
  if (files.length !== 1) {
    throw new UsageError(files.length === 0 ? 'FILE is required' : `exactly one FILE expected, got ${files.length}: ${files.join(' ')}`);
  }
  return { format: format as BenchmarkFormat, timeLimitSec, seed: seedValue, file: files[0]!, check, cpuClock };
}
