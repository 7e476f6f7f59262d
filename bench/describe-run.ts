import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

/**
 * Which code and machine produced a figure: short commit (with "+dirty" for local changes), CPU,
 * Node, and the load average at the start, since other work on the machine slows a time-limited run.
 */
export function describeRun(repoRoot: string): string {
  let commit = 'unknown commit';
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const isDirty = git(['status', '--porcelain', '--', 'src/solver']).length > 0;
    commit = `commit ${git(['rev-parse', '--short', 'HEAD'])}${isDirty ? '+dirty solver' : ''}`;
  } catch {
    // Not a git checkout (e.g. an exported tree): the figures stay valid, only unattributed.
  }
  return `${commit}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)} at start`;
}
