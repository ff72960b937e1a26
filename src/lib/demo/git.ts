/**
 * Running git for generated repositories: argv arrays only (no shell), and an environment that
 * cannot leak the machine's or the user's git configuration into the result, so the same input
 * gives the same commit ids everywhere.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

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
  const { stdout } = await execFileAsync('git', ['-C', cwd, ...args], {
    env: cleanGitEnv(extraEnv),
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  return stdout;
}

/** Runs git with `input` on stdin (for `git fast-import`); resolves with stdout. */
export function gitWithInput(cwd: string, args: readonly string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', cwd, ...args], { env: cleanGitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`git ${args.join(' ')} failed (exit ${code}): ${Buffer.concat(err).toString('utf8')}`));
    });
    child.stdin.end(input);
  });
}
