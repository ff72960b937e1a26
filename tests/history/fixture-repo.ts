/**
 * A tiny git repo builder for the history tests' edge cases (merges, renames, a moved doc, missing
 * blobs, shallow clones), with fixed dates so days are stable. Uses the git CLI with argv arrays.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface FixtureCommit {
  /** ISO time with offset, used for author and committer. */
  at: string;
  /** path → new content, or null to delete. */
  files?: Record<string, string | null>;
  /** [from, to] pairs moved with `git mv`. */
  moves?: [string, string][];
  message?: string;
  /** Commit on a side branch and merge it with --no-ff (first parent stays on main). */
  viaBranch?: boolean;
}

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...env },
    maxBuffer: 1 << 28,
  });
}

/** Creates a repo at `dir` with `commits`; returns the first-parent shas, oldest first. */
export function buildRepo(dir: string, commits: FixtureCommit[]): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Test']);
  git(dir, ['config', 'user.email', 'test@example.com']);
  const shas: string[] = [];
  for (const [i, commit] of commits.entries()) {
    const env = { GIT_AUTHOR_DATE: commit.at, GIT_COMMITTER_DATE: commit.at };
    if (commit.viaBranch) git(dir, ['checkout', '-q', '-b', `side-${i}`]);
    for (const [from, to] of commit.moves ?? []) {
      mkdirSync(dirname(join(dir, to)), { recursive: true });
      git(dir, ['mv', from, to]);
    }
    for (const [path, content] of Object.entries(commit.files ?? {})) {
      if (content === null) git(dir, ['rm', '-q', '--', path]);
      else {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
        git(dir, ['add', '--', path]);
      }
    }
    git(dir, ['commit', '-q', '--allow-empty', '-m', commit.message ?? `commit ${i}`], env);
    if (commit.viaBranch) {
      git(dir, ['checkout', '-q', 'main']);
      git(dir, ['merge', '-q', '--no-ff', '-m', `merge ${i}`, `side-${i}`], env);
    }
    shas.push(git(dir, ['rev-parse', 'HEAD']).trim());
  }
  return shas;
}
