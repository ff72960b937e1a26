/**
 * The one way migratrack runs git (issue 21, item 6: the scan, the history, the build's repo facts
 * and the demo each had their own): argv arrays, never a shell string (repo contents and doc text
 * are untrusted, issue 8). Output is kept as bytes; callers decide how to decode. The long-lived
 * `git cat-file --batch` reader beside it (cat-file.ts) uses the same environment.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Fixed environment: no pager, no prompts, no lazy fetch of missing blobs (partial clones). */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  LC_ALL: 'C',
  GIT_PAGER: 'cat',
  GIT_TERMINAL_PROMPT: '0',
  GIT_NO_LAZY_FETCH: '1',
};

export interface RunOptions {
  /** The environment git runs in (default GIT_ENV; the demo passes an isolated one). */
  env?: NodeJS.ProcessEnv;
  /** Bytes for git's standard input (`git fast-import`); none by default. */
  input?: Buffer;
}

/** Runs `git <args>` in `cwd` and collects its output. Never throws for a non-zero exit. */
export function runGit(cwd: string, args: readonly string[], options: RunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], { cwd, env: options.env ?? GIT_ENV, stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (options.input) child.stdin?.end(options.input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }),
    );
  });
}

/** Runs git and returns trimmed stdout text, or null when git fails. */
export async function gitText(cwd: string, args: readonly string[]): Promise<string | null> {
  const result = await runGit(cwd, args);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
}

/**
 * `runGit` for the few callers that must stay synchronous (the `--out` guard runs inside the
 * site swap; `init` picks the default branch while filling templates). Never throws for a
 * non-zero exit; a git that cannot be started is code -1.
 */
export function runGitSync(cwd: string, args: readonly string[], options: RunOptions = {}): GitResult {
  const result = spawnSync('git', [...args], {
    cwd,
    env: options.env ?? GIT_ENV,
    input: options.input,
    stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    maxBuffer: 1024 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout ?? Buffer.alloc(0), stderr: (result.stderr ?? Buffer.alloc(0)).toString('utf8').trim() };
}
