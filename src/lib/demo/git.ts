/**
 * Running git for generated repositories: through the one git runner (src/lib/git/run.ts), in an
 * environment that cannot leak the machine's or the user's git configuration into the result, so
 * the same input gives the same commit ids everywhere.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit, type GitResult } from '../git/run.js';

/** One shared, empty HOME for all our git calls (never written: global config is /dev/null). */
const ISOLATED_HOME = join(tmpdir(), 'migratrack-git-home');
let homeReady = false;

/**
 * An env for git with no system or global config (`GIT_CONFIG_NOSYSTEM`, `HOME` pointing at an
 * empty temp dir), no inherited `GIT_*` variables (a caller's `GIT_DIR` would redirect us) and a
 * fixed locale, so output and object ids do not depend on the machine.
 */
export function cleanGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  if (!homeReady) {
    mkdirSync(ISOLATED_HOME, { recursive: true });
    homeReady = true;
  }
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && key !== 'XDG_CONFIG_HOME' && key !== 'HOME') env[key] = value;
  }
  return {
    ...env,
    HOME: ISOLATED_HOME,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    TZ: 'UTC',
    ...extra,
  };
}

/** Runs `git -C cwd ...args` and returns stdout (utf8). Throws with git's stderr on failure. */
export async function git(
  cwd: string,
  args: readonly string[],
  extraEnv: Record<string, string> = {},
): Promise<string> {
  return checked(args, await runGit(cwd, ['-C', cwd, ...args], { env: cleanGitEnv(extraEnv) }));
}

/** Runs git with `input` on stdin (for `git fast-import`); resolves with stdout. */
export async function gitWithInput(cwd: string, args: readonly string[], input: Buffer): Promise<string> {
  return checked(args, await runGit(cwd, ['-C', cwd, ...args], { env: cleanGitEnv(), input }));
}

function checked(args: readonly string[], result: GitResult): string {
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (exit ${result.code}): ${result.stderr}`);
  return result.stdout.toString('utf8');
}
