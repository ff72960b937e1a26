/**
 * Independent oracles for the history tests: metric values from real `git grep` at a commit (the
 * doc's simple pipelines mapped onto it by hand), declared progress by regex over `git show`.
 */
import { execFileSync } from 'node:child_process';

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { status?: number }).status === 1) return '';
    throw error;
  }
}

/**
 * `grep -r "PAT" dir/ ... --include="*.py" [| grep -v "X"]... [| cut -d: -f1 | sort -u] [| wc -l]`
 * evaluated with `git grep` on the commit's tree: the matching is git's, only the trivial
 * filtering is done here. Returns null for a command of another shape.
 */
export function gitGrepMetric(root: string, sha: string, command: string): number | null {
  const stages = command.split(' | ').map((s) => s.trim()); // a pattern's `\|` is not a pipe
  const first = /^grep -r "([^"]+)" ((?:[\w./-]+\/ )+)--include="\*\.py"$/.exec(stages[0] ?? '');
  const count = /^grep -c "([^"]+)" (\S+)$/.exec(stages[0] ?? '');
  if (count?.[1] && count[2]) {
    const out = git(root, ['grep', '-c', '-e', count[1], sha, '--', count[2]]).trim();
    return out === '' ? 0 : Number(out.slice(out.lastIndexOf(':') + 1));
  }
  if (!first?.[1] || !first[2]) return null;
  const dirs = first[2].trim().split(' ').map((d) => `:(glob)${d}**/*.py`);
  // -I: GNU grep 3.5+ reports binary matches on stderr, so they never reach `wc -l`.
  let lines = git(root, ['grep', '-I', '-e', first[1], sha, '--', ...dirs]).split('\n').filter(Boolean)
    .map((line) => line.slice(sha.length + 1));
  for (const stage of stages.slice(1)) {
    const invert = /^grep -v "([^"]+)"$/.exec(stage);
    if (invert?.[1]) lines = lines.filter((l) => !l.includes(invert[1] ?? ''));
    else if (stage === 'cut -d: -f1') lines = lines.map((l) => l.slice(0, l.indexOf(':')));
    else if (stage === 'sort -u') lines = [...new Set(lines)].sort();
    else if (stage === 'wc -l') return lines.length;
    else return null;
  }
  return lines.length;
}

/** Lines of `path` at `sha` that `git grep` (basic regex) matches with `pattern`; null when the file is absent. */
export function gitGrepCount(root: string, sha: string, pattern: string, path: string): number | null {
  if (git(root, ['ls-tree', '--name-only', sha, '--', path]).trim() === '') return null;
  const out = git(root, ['grep', '-c', '-I', '-e', pattern, sha, '--', path]).trim();
  return out === '' ? 0 : Number(out.slice(out.lastIndexOf(':') + 1));
}

/** Slots the doc at `sha` declares done: ✅ entries plus ✅-ticked lines of group lists. */
export function declaredDoneAt(root: string, sha: string, docPath: string): number | null {
  let text: string;
  try {
    text = execFileSync('git', ['show', `${sha}:${docPath}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null; // not in that commit
  }
  const entries = text.match(/^- \*\*Status:\*\* ✅ Complete\s*$/gm) ?? [];
  const ticks = text.match(/^(?:\d+\.|-) \S.*\.py ✅\s*$/gm) ?? [];
  return entries.length + ticks.length;
}
