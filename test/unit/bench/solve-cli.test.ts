import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stopOfNode } from '../../../bench/readers/benchmark-instance.js';
import { loadBenchmark } from '../../../bench/load-benchmark.js';
import { evaluateRoutes } from '../../helpers/check-solution.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const A2_16 = fileURLToPath(new URL('../../fixtures/benchmarks/darp-cordeau/a2-16.txt', import.meta.url));

function runSolve(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/solve.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('solve command line', () => {
  it.each([
    [['--format', 'csv', '--time-limit', '1', A2_16], '--format must be cordeau or lilim'],
    [['--format', 'cordeau', '--time-limit', '-1', A2_16], '--time-limit'],
    [['--format', 'cordeau', '--time-limit', '1', '--seed', 'abc', A2_16], '--seed must be a non-negative integer'],
    [['--format', 'cordeau', '--time-limit', '1'], 'FILE is required'],
    [['--format', 'cordeau', '--time-limit', '1', 'no-such-file.txt'], 'FILE no-such-file.txt'],
  ])('exits with code 2 and names the bad argument: %j', (args, message) => {
    const { status, stdout, stderr } = runSolve(args);

    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage:');
    expect(stdout).toBe('');
  });

  it('exits with code 2 when the file is not in the given format', () => {
    const lilimFile = fileURLToPath(new URL('../../fixtures/benchmarks/pdptw-lilim/lc101.txt', import.meta.url));

    const { status, stderr } = runSolve(['--format', 'cordeau', '--time-limit', '1', lilimFile]);

    expect(status).toBe(2);
    expect(stderr).toMatch(/FILE .*lc101\.txt: Cordeau file/);
  });

  it('prints one JSON object whose routes, in file node ids, serve every request', () => {
    const { status, stdout } = runSolve(['--format', 'cordeau', '--time-limit', '0.3', '--seed', '1', A2_16]);

    expect(status).toBe(0);
    const output = JSON.parse(stdout) as { routes: number[][]; unassigned: number[]; distance: number; vehicles: number; seconds: number };
    expect(Object.keys(output).sort()).toEqual(['distance', 'routes', 'seconds', 'unassigned', 'vehicles']);
    expect(output.vehicles).toBe(output.routes.length);
    const bench = loadBenchmark('cordeau', A2_16);
    const orders = output.routes.map((nodes, vehicle) => ({ vehicle, stops: nodes.map((node) => stopOfNode(bench, node)!) }));
    const evaluation = evaluateRoutes(bench.instance, orders, output.unassigned.map((node) => stopOfNode(bench, node)!.request));
    expect(evaluation.violations).toEqual([]);
    expect(output.distance).toBeCloseTo(evaluation.distance, 6);
  });
});
