/**
 * Regional-day bench (issue #3 target: a first feasible plan within 5 s, a converged one within
 * 60 s, under 1 GB). Started by `npm run bench -- regional [--time-limit S] [--seed N]` in a child
 * process of its own, so the peak memory it reports belongs to this run alone.
 *
 * Two solves on the same generated day: one with a 5 s budget (the first plan a dispatcher would
 * see) and one with the full budget whose progress trace shows convergence. Both results pass
 * through the independent checker. Targets are reported, not asserted.
 *
 * `--reference-time-limit S` adds a third solve with a longer budget (e.g. 300 s): the gap of the
 * full-budget plan to it says how much more time would still buy, which is what "converged" means
 * to a dispatcher. The trace alone cannot say it: simulated annealing cools over whatever budget
 * it is given, so any budget's best plan is found near its end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Solution, SolveProgress } from '../src/solver/model/solution.js';
import { solve } from '../src/solver/index.js';
import { checkSolution } from '../test/helpers/check-solution.js';
import { describeRun } from './describe-run.js';
import { generateRegionalDay } from './regional-day.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIRST_PLAN_BUDGET_SEC = 5;
const DEFAULT_CONVERGED_BUDGET_SEC = 60;
const MEGABYTE = 1024 * 1024;

interface MemoryPeak {
  rssMb: number;
  heapUsedMb: number;
}

const peak: MemoryPeak = { rssMb: 0, heapUsedMb: 0 };
function sampleMemory(): void {
  const usage = process.memoryUsage();
  peak.rssMb = Math.max(peak.rssMb, usage.rss / MEGABYTE);
  peak.heapUsedMb = Math.max(peak.heapUsedMb, usage.heapUsed / MEGABYTE);
}

interface RunRecord {
  readonly budgetSec: number;
  readonly wallSec: number;
  /** CPU seconds this process used during the solve: below wallSec when other work shares the cores. */
  readonly cpuSec: number;
  readonly cost: number;
  readonly travelTimeHours: number;
  readonly distanceKm: number;
  readonly vehiclesUsed: number;
  readonly unassigned: number;
  readonly violations: string[];
  /** Best cost at elapsed seconds, as reported through onProgress (sampled on improvement). */
  readonly trace: { elapsedSec: number; bestCost: number; bestUnassigned: number }[];
}

/** CPU milliseconds used by this process so far. */
const cpuClock = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function runSolve(budgetSec: number, seed: number, instance: Parameters<typeof solve>[0], clock: () => number): RunRecord {
  const trace: RunRecord['trace'] = [];
  const onProgress = (progress: SolveProgress) => {
    sampleMemory();
    const last = trace[trace.length - 1];
    if (last === undefined || progress.bestCost < last.bestCost) {
      trace.push({ elapsedSec: progress.elapsedSec, bestCost: progress.bestCost, bestUnassigned: progress.bestUnassigned });
    }
  };
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const solution: Solution = solve(instance, { seed, timeLimitSec: budgetSec, now: clock, onProgress });
  const wallSec = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  sampleMemory();
  return {
    budgetSec,
    wallSec,
    cpuSec,
    cost: solution.cost,
    travelTimeHours: solution.travelTime / 3600,
    distanceKm: solution.distance / 1000,
    vehiclesUsed: solution.routes.filter((route) => route.stops.length > 0).length,
    unassigned: solution.unassigned.length,
    violations: checkSolution(instance, solution).map((violation) => violation.message),
    trace,
  };
}

/** Best cost reported at or before `atSec` of a trace. */
function costAt(record: RunRecord, atSec: number): number | undefined {
  let cost: number | undefined;
  for (const point of record.trace) if (point.elapsedSec <= atSec) cost = point.bestCost;
  return cost;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      'time-limit': { type: 'string' },
      'reference-time-limit': { type: 'string' },
      clock: { type: 'string', default: 'wall' },
    },
  });
  if (values.clock !== 'wall' && values.clock !== 'cpu') throw new Error(`--clock must be wall or cpu, got "${values.clock}"`);
  // --clock cpu measures the budgets in this process's CPU time: "5 s on one core" even when
  // other work shares the machine (the wall clock then gives the solver a fraction of a core).
  const useCpuClock = values.clock === 'cpu';
  const clock = useCpuClock ? cpuClock : () => performance.now();
  const seed = Number(values.seed);
  const convergedBudgetSec = values['time-limit'] === undefined ? DEFAULT_CONVERGED_BUDGET_SEC : Number(values['time-limit']);
  const referenceBudgetSec = values['reference-time-limit'] === undefined ? undefined : Number(values['reference-time-limit']);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  for (const [name, value] of [['--time-limit', convergedBudgetSec], ['--reference-time-limit', referenceBudgetSec ?? 1]] as const) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds`);
  }

  const generatedAt = performance.now();
  const day = generateRegionalDay({ seed });
  const generationSec = (performance.now() - generatedAt) / 1000;
  sampleMemory();
  const { instance } = day;

  const firstPlan = runSolve(Math.min(FIRST_PLAN_BUDGET_SEC, convergedBudgetSec), seed, instance, clock);
  const converged = runSolve(convergedBudgetSec, seed, instance, clock);
  const reference = referenceBudgetSec === undefined ? undefined : runSolve(referenceBudgetSec, seed, instance, clock);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  const lastImprovement = converged.trace[converged.trace.length - 1];
  const costBeforeLastSixth = costAt(converged, (convergedBudgetSec * 5) / 6);
  const lateImprovementPercent =
    costBeforeLastSixth === undefined ? undefined : ((costBeforeLastSixth - converged.cost) / costBeforeLastSixth) * 100;
  const date = new Date().toISOString().slice(0, 10);
  const describe = (record: RunRecord) =>
    `${record.wallSec.toFixed(2)} s wall (${record.cpuSec.toFixed(2)} s CPU), ${record.unassigned} unassigned, ${record.vehiclesUsed} vehicles, ` +
    `${record.travelTimeHours.toFixed(1)} h driving, ${record.distanceKm.toFixed(0)} km, cost ${record.cost.toFixed(0)}, ` +
    `checker: ${record.violations.length === 0 ? 'clean' : `${record.violations.length} violations (${record.violations.slice(0, 2).join('; ')})`}`;
  const report = [
    `# Regional day — ${date}${useCpuClock ? ' (budgets in CPU time)' : ''}`,
    '',
    `Seed ${seed}: ${instance.requests.length} requests (${day.wheelchairRequests} wheelchair, ${day.escortedRequests} with an escort), ` +
      `${instance.vehicles.length} vehicles, ${instance.size} locations; generated in ${generationSec.toFixed(2)} s. ` +
      `${describeRun(REPO_ROOT)}, one solve at a time; budgets measured in ${useCpuClock ? "this process's CPU time" : 'wall-clock time'}.`,
    '',
    `- first plan (${firstPlan.budgetSec} s budget; target: feasible within 5 s): ${describe(firstPlan)}`,
    `- converged plan (${convergedBudgetSec} s budget; target: converged within 60 s): ${describe(converged)}`,
    `- best cost over time: ${[1, 5, 10, 30, 60].filter((t) => t <= convergedBudgetSec).map((t) => `${t} s: ${costAt(converged, t)?.toFixed(0) ?? '—'}`).join(', ')}; ` +
      `last improvement at ${lastImprovement?.elapsedSec.toFixed(1) ?? '—'} s; ` +
      `improvement in the last sixth of the budget: ${lateImprovementPercent === undefined ? '—' : `${lateImprovementPercent.toFixed(3)} %`}`,
    ...(reference === undefined
      ? []
      : [
          `- reference plan (${reference.budgetSec} s budget): ${describe(reference)}; ` +
            `the ${convergedBudgetSec} s plan costs ${(((converged.cost - reference.cost) / reference.cost) * 100).toFixed(2)} % more`,
        ]),
    `- memory (target: under 1 GB): peak RSS ${maxRssMb.toFixed(0)} MB (getrusage), sampled peak RSS ${peak.rssMb.toFixed(0)} MB, heap used ${peak.heapUsedMb.toFixed(0)} MB`,
    '',
  ].join('\n');
  process.stdout.write(`\n${report}`);

  const resultsDir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  // A shorter or longer look does not overwrite the day's figures at the default budget.
  const budgetTag = convergedBudgetSec === DEFAULT_CONVERGED_BUDGET_SEC ? '' : `-${convergedBudgetSec}s`;
  const stem = `${date}-regional${budgetTag}${useCpuClock ? '-cpu' : ''}`;
  writeFileSync(join(resultsDir, `${stem}.md`), report);
  writeFileSync(
    join(resultsDir, `${stem}.json`),
    `${JSON.stringify({ date, run: describeRun(REPO_ROOT), clock: values.clock, seed, requests: instance.requests.length, vehicles: instance.vehicles.length, generationSec, firstPlan, converged, reference, maxRssMb, peak }, null, 2)}\n`,
  );
  process.stdout.write(`\nwritten: bench/results/${stem}.md and .json\n`);
}

main();
