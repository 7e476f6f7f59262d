/**
 * `npm run bench [-- FOLDER|regional] [--time-limit S] [--seed N] [--instances a,b] [--cpu-clock]
 *   [--reference-time-limit S (regional)]` (issue #3).
 *
 * Runs every instance of ../shared/benchmarks/<set>/ one at a time, each solve in its own child
 * process (fresh memory, one core), re-checks the printed routes with the independent checker, and
 * writes the table to bench/results/<date>-<set>.md and .json. Targets are reported, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './cli/parse-bench-args.js';
import { UsageError } from './cli/parse-solve-args.js';
import { loadBenchmark } from './load-benchmark.js';
import { parseBestKnown, type BestKnown } from './report/best-known.js';
import { formatReport, formatRow, formatSummary, TABLE_HEADER } from './report/format-report.js';
import { summariseSet, type InstanceResult } from './report/summarise-set.js';
import type { BenchmarkFormat } from './readers/benchmark-instance.js';
import { checkPrintedRoutes } from './check-printed-routes.js';
import { describeRun } from './describe-run.js';
import type { SolveOutput } from './solve-output.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARKS_ROOT = resolve(REPO_ROOT, '..', 'shared', 'benchmarks');
const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

interface BenchmarkSet {
  readonly folder: string;
  readonly format: BenchmarkFormat;
  /** Default time limit per instance from issue #3. */
  readonly timeLimitSec: number;
}

const SETS: readonly BenchmarkSet[] = [
  { folder: 'darp-cordeau', format: 'cordeau', timeLimitSec: 10 },
  { folder: 'pdptw-lilim', format: 'lilim', timeLimitSec: 30 },
];

function instanceFiles(folder: string, only: readonly string[] | undefined): string[] {
  const names = readdirSync(folder)
    .filter((file) => file.endsWith('.txt'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const selected = only === undefined ? names : names.filter((file) => only.includes(basename(file, '.txt')));
  return selected.map((file) => join(folder, file));
}

function runInstance(
  set: BenchmarkSet,
  file: string,
  timeLimitSec: number,
  seed: number,
  cpuClock: boolean,
  bestKnown: BestKnown | undefined,
): InstanceResult {
  const instance = basename(file, '.txt');
  const failed = (error: string): InstanceResult => ({
    instance, vehicles: NaN, distance: NaN, unassigned: NaN, seconds: NaN, violations: [], error,
    ...(bestKnown === undefined ? {} : { bestKnown }),
  });
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'bench', 'solve.ts'), '--format', set.format, '--time-limit', String(timeLimitSec), '--seed', String(seed), '--check', ...(cpuClock ? ['--cpu-clock'] : []), file],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: (timeLimitSec * 3 + 60) * 1000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.error !== undefined) return failed(child.error.message);
  if (child.status !== 0) return failed(`exit ${child.status}: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  let output: SolveOutput & { violations?: { message: string }[] };
  try {
    output = JSON.parse(child.stdout) as SolveOutput & { violations?: { message: string }[] };
  } catch {
    return failed(`unparsable output: ${child.stdout.slice(0, 200)}`);
  }
  const bench = loadBenchmark(set.format, file);
  const violations = [...(output.violations ?? []).map((violation) => `solution: ${violation.message}`), ...checkPrintedRoutes(bench, output)];
  return {
    instance,
    vehicles: output.vehicles,
    distance: output.distance,
    unassigned: output.unassigned.length,
    seconds: output.seconds,
    violations,
    ...(bestKnown === undefined ? {} : { bestKnown }),
  };
}

function runSet(set: BenchmarkSet, files: readonly string[], args: BenchArgs): void {
  const folder = join(BENCHMARKS_ROOT, set.folder);
  const timeLimitSec = args.timeLimitSec ?? set.timeLimitSec;
  const bestKnown = parseBestKnown(readFileSync(join(folder, 'bks.csv'), 'utf8'));
  process.stdout.write(`\n## ${set.folder}: ${files.length} instances, ${timeLimitSec} s each${args.cpuClock ? ' (CPU time)' : ''}, seed ${args.seed}\n\n${TABLE_HEADER}\n`);

  const results: InstanceResult[] = [];
  for (const file of files) {
    const result = runInstance(set, file, timeLimitSec, args.seed, args.cpuClock, bestKnown.get(basename(file, '.txt')));
    results.push(result);
    process.stdout.write(`${formatRow(result)}\n`);
  }
  const summary = summariseSet(set.format, results);
  process.stdout.write(`\n${formatSummary(set.format, summary)}\n`);

  const date = new Date().toISOString().slice(0, 10);
  const isPartial = args.instances !== undefined;
  // A run at another time limit than the set's default (e.g. 2 s against VROOM) is kept apart.
  const budget = timeLimitSec === set.timeLimitSec ? '' : `-${timeLimitSec}s`;
  // So is a run with another seed than 1: several seeds' tables sit side by side.
  const seed = args.seed === 1 ? '' : `-seed${args.seed}`;
  const stem = `${date}-${set.folder}${budget}${seed}${args.cpuClock ? '-cpu' : ''}${isPartial ? '-partial' : ''}`;
  const clock = args.cpuClock ? 'in CPU time' : 'wall clock';
  const heading = { set: set.folder, date, timeLimitSec, clock, seed: args.seed, machine: describeRun(REPO_ROOT) };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${stem}.md`), formatReport(heading, set.format, results, summary));
  writeFileSync(join(RESULTS_DIR, `${stem}.json`), `${JSON.stringify({ ...heading, summary, results }, null, 2)}\n`);
  process.stdout.write(`\nwritten: bench/results/${stem}.md and .json\n`);
}

function runRegional(args: BenchArgs): void {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'bench', 'regional-run.ts'),
      '--seed',
      String(args.seed),
      ...(args.timeLimitSec === undefined ? [] : ['--time-limit', String(args.timeLimitSec)]),
      ...(args.referenceTimeLimitSec === undefined ? [] : ['--reference-time-limit', String(args.referenceTimeLimitSec)]),
      ...(args.cpuClock ? ['--clock', 'cpu'] : []),
    ],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );
  if (child.status !== 0) process.exitCode = child.status ?? 1;
}

function main(): void {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
    if (args.folder === 'regional') return runRegional(args);
    const folder = args.folder === undefined ? undefined : basename(args.folder.replace(/\/+$/, ''));
    const sets = folder === undefined ? SETS : SETS.filter((set) => set.folder === folder);
    if (sets.length === 0) throw new UsageError(`unknown FOLDER "${args.folder}"; expected ${SETS.map((set) => set.folder).join(', ')} or regional`);
    const work = sets
      .map((set) => ({ set, files: instanceFiles(join(BENCHMARKS_ROOT, set.folder), args.instances) }))
      .filter(({ files }) => files.length > 0);
    if (work.length === 0) throw new UsageError(`--instances: none of ${args.instances?.join(', ')} found`);
    for (const { set, files } of work) runSet(set, files, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n${BENCH_USAGE}\n`);
    process.exit(2);
  }
}

main();
