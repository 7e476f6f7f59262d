/**
 * `npm run --silent solve -- --format cordeau|lilim --time-limit SECONDS [--seed N] [--check] [--cpu-clock] FILE`
 * (issue #3). Prints one JSON object on stdout; argument and file errors go to stderr with exit code 2.
 */
import { performance } from 'node:perf_hooks';
import { parseSolveArgs, SOLVE_USAGE, UsageError, type SolveArgs } from './cli/parse-solve-args.js';
import { loadBenchmark } from './load-benchmark.js';
import type { BenchmarkInstance } from './readers/benchmark-instance.js';
import { toSolveOutput } from './solve-output.js';

const USAGE_EXIT_CODE = 2;

function failUsage(message: string): never {
  process.stderr.write(`solve: ${message}\n${SOLVE_USAGE}\n`);
  process.exit(USAGE_EXIT_CODE);
}

async function main(): Promise<void> {
  let args: SolveArgs | 'help';
  try {
    args = parseSolveArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) failUsage(error.message);
    throw error;
  }
  if (args === 'help') {
    process.stdout.write(`${SOLVE_USAGE}\n`);
    return;
  }

  let bench: BenchmarkInstance;
  try {
    bench = loadBenchmark(args.format, args.file);
  } catch (error) {
    failUsage(`FILE ${args.file}: ${(error as Error).message}`);
  }

  // Imported only once the arguments are valid, so usage errors are reported instantly.
  const { solve } = await import('../src/solver/index.js');
  const cpuNow = (): number => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const startedAt = performance.now();
  const solution = solve(bench.instance, {
    ...(args.seed === undefined ? {} : { seed: args.seed }),
    timeLimitSec: args.timeLimitSec,
    now: args.cpuClock ? cpuNow : () => performance.now(),
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const output: Record<string, unknown> = { ...toSolveOutput(bench, solution, seconds) };
  if (args.check) {
    const { checkSolution } = await import('../test/helpers/check-solution.js');
    output.violations = checkSolution(bench.instance, solution);
  }
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

await main();
