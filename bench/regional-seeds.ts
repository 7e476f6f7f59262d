/**
 * Spread over solver seeds of the regional day of one generator seed, solved once per solver seed,
 * each solve in a child process of its own (fresh memory, its own CPU clock). One seed says little
 * about a randomised search. With the default 5 s budget it checks the first plan (issue #3: every
 * request served within 5 s, which holds only if it holds for each seed); with 60 s and 300 s
 * budgets the mean costs say how much five times the time still buys (convergence).
 *
 *   npx tsx bench/regional-seeds.ts [--day-seed 1] [--seeds 1-10] [--time-limit 5] [--clock cpu] [--jobs 1] [--label NAME]
 *
 * Writes results/<date>-regional[-dayN]-seeds[-cpu][-NAME].md and .json; the label keeps a second
 * run of the same day and budget (e.g. after a solver change) from overwriting the first.
 * Reports, asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SolveProgress } from '../src/solver/model/solution.js';
import { solve } from '../src/solver/index.js';
import { checkSolution } from '../test/helpers/check-solution.js';
import { describeRun } from './describe-run.js';
import { generateRegionalDay } from './regional-day.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

interface SeedRecord {
  readonly solverSeed: number;
  readonly wallSec: number;
  readonly cpuSec: number;
  readonly unassigned: number;
  /** Wheelchair requests among the unassigned. */
  readonly unassignedWheelchair: number;
  /** Elapsed seconds (on the solve's clock) at which the best plan first served every request; null when it never did. */
  readonly allServedAtSec: number | null;
  readonly vehiclesUsed: number;
  readonly travelTimeHours: number;
  /** Objective value of the plan (penalties, travel time, fixed vehicle costs). */
  readonly cost: number;
  readonly violations: number;
}

const cpuClock = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Child: one solve, one JSON line on stdout. */
function runOne(daySeed: number, solverSeed: number, budgetSec: number, useCpu: boolean): void {
  const { instance } = generateRegionalDay({ seed: daySeed });
  let allServedAtSec: number | null = null;
  const onProgress = (progress: SolveProgress) => {
    if (allServedAtSec === null && progress.bestUnassigned === 0) allServedAtSec = progress.elapsedSec;
  };
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const solution = solve(instance, { seed: solverSeed, timeLimitSec: budgetSec, now: useCpu ? cpuClock : () => performance.now(), onProgress });
  const cpu = process.cpuUsage(cpuAtStart);
  const wheelchairDim = 1;
  const record: SeedRecord = {
    solverSeed,
    wallSec: (performance.now() - startedAt) / 1000,
    cpuSec: (cpu.user + cpu.system) / 1e6,
    unassigned: solution.unassigned.length,
    unassignedWheelchair: solution.unassigned.filter((u) => (instance.requests[u.request]?.load[wheelchairDim] ?? 0) > 0).length,
    allServedAtSec: solution.unassigned.length === 0 ? allServedAtSec : null,
    vehiclesUsed: solution.routes.filter((route) => route.stops.length > 0).length,
    travelTimeHours: solution.travelTime / 3600,
    cost: solution.cost,
    violations: checkSolution(instance, solution).length,
  };
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

function parseSeeds(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    const seeds: number[] = [];
    for (let s = Number(range[1]); s <= Number(range[2]); s++) seeds.push(s);
    return seeds;
  }
  return text.split(',').map(Number);
}

function child(args: string[]): Promise<SeedRecord> {
  return new Promise((resolveRecord, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, SELF, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('close', (code) => (code === 0 ? resolveRecord(JSON.parse(out.trim()) as SeedRecord) : reject(new Error(`solve ${args.join(' ')} exited ${code}`))));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'day-seed': { type: 'string', default: '1' },
      seeds: { type: 'string', default: '1-10' },
      'time-limit': { type: 'string', default: '5' },
      clock: { type: 'string', default: 'cpu' },
      jobs: { type: 'string', default: '1' },
      one: { type: 'string' },
      label: { type: 'string' },
    },
  });
  if (values.clock !== 'wall' && values.clock !== 'cpu') throw new Error(`--clock must be wall or cpu, got "${values.clock}"`);
  if (values.label !== undefined && !/^[a-z0-9-]+$/.test(values.label)) throw new Error(`--label must be lower-case letters, digits and dashes, got "${values.label}"`);
  const daySeed = Number(values['day-seed']);
  const budgetSec = Number(values['time-limit']);
  const useCpu = values.clock === 'cpu';
  if (values.one !== undefined) return runOne(daySeed, Number(values.one), budgetSec, useCpu);

  const seeds = parseSeeds(values.seeds);
  const jobs = Math.max(1, Number(values.jobs));
  const records: SeedRecord[] = [];
  const queue = [...seeds];
  const worker = async () => {
    for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
      const record = await child(['--one', String(seed), '--day-seed', String(daySeed), '--time-limit', String(budgetSec), '--clock', values.clock!]);
      records.push(record);
      process.stderr.write(`seed ${seed}: ${record.unassigned} unassigned (${record.unassignedWheelchair} wheelchair), all served at ${record.allServedAtSec ?? '—'} s\n`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  records.sort((a, b) => a.solverSeed - b.solverSeed);

  const date = new Date().toISOString().slice(0, 10);
  const served = records.filter((r) => r.unassigned === 0).length;
  const meanCost = records.reduce((sum, r) => sum + r.cost, 0) / Math.max(1, records.length);
  const lines = [
    `# Regional day over solver seeds — ${date}${useCpu ? ' (budget in CPU time)' : ''}`,
    '',
    `Day seed ${daySeed} (1000 requests, 60 vehicles), ${budgetSec} s budget per solve in ${useCpu ? 'CPU' : 'wall-clock'} time, ` +
      `${jobs} solve(s) at a time, each in its own process. ${describeRun(REPO_ROOT)}.`,
    '',
    `Every request served with ${served} of ${records.length} seeds; unassigned in all: ${records.reduce((s, r) => s + r.unassigned, 0)}; ` +
      `mean cost ${Math.round(meanCost)}.`,
    '',
    '| solver seed | unassigned | of which wheelchair | all served at (s) | vehicles | driving (h) | cost | CPU s | wall s | checker |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...records.map(
      (r) =>
        `| ${r.solverSeed} | ${r.unassigned} | ${r.unassignedWheelchair} | ${r.allServedAtSec === null ? '—' : r.allServedAtSec.toFixed(2)} | ${r.vehiclesUsed} | ` +
        `${r.travelTimeHours.toFixed(1)} | ${Math.round(r.cost)} | ${r.cpuSec.toFixed(2)} | ${r.wallSec.toFixed(2)} | ${r.violations === 0 ? 'clean' : `${r.violations} violations`} |`,
    ),
    '',
  ];
  const report = lines.join('\n');
  process.stdout.write(report);
  const resultsDir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  // The day seed is in the name when it is not the default, so that a harder day's run does not
  // overwrite day 1's figures of the same date.
  const stem = `${date}-regional${daySeed === 1 ? '' : `-day${daySeed}`}-seeds${values.seeds === '1-10' ? '' : `-${values.seeds}`}${budgetSec === 5 ? '' : `-${budgetSec}s`}${useCpu ? '-cpu' : ''}${values.label === undefined ? '' : `-${values.label}`}`;
  writeFileSync(join(resultsDir, `${stem}.md`), report);
  writeFileSync(join(resultsDir, `${stem}.json`), `${JSON.stringify({ date, run: describeRun(REPO_ROOT), daySeed, budgetSec, clock: values.clock, records }, null, 2)}\n`);
}

void main();
