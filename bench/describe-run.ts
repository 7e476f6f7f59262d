import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/** Which code and machine produced a figure: short commit (with "+dirty" for local changes), CPU, Node. */
export function describeRun(repoRoot: string): string {
  let commit = 'unknown commit';
  try {
    const git = (args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    const isDirty = git(['status', '--porcelain', '--', 'src/solver']).length > 0;
    commit = `commit ${git(['rev-parse', '--short', 'HEAD'])}${isDirty ? '+dirty solver' : ''}`;
  } catch {
    // Not a git checkout (e.g. an exported tree): the figures stay valid, only unattributed.
  }
  return `${commit}, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
}
