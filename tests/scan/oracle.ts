/**
 * Real GNU grep as the oracle: always an argv array (never a shell string), in C.UTF-8 like the
 * scanner emulates.
 */
import { spawnSync } from 'node:child_process';

export interface GrepRun {
  stdout: Buffer;
  stderr: string;
  status: number | null;
}

export const ORACLE_ENV = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

export function runTool(cmd: string, args: readonly string[], opts: { cwd?: string; input?: Buffer | string } = {}): GrepRun {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, input: opts.input, env: ORACLE_ENV, maxBuffer: 256 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr.toString('utf8'), status: r.status };
}

/** Line numbers grep -n selects in `input`, or the error text when grep refuses the pattern (exit 2). */
export function grepSelects(args: readonly string[], pattern: string, input: string): number[] | { error: string } {
  const r = runTool('grep', ['-n', ...args, '-e', pattern], { input });
  if (r.status === 2) return { error: r.stderr.trim() };
  return r.stdout
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => Number(l.slice(0, l.indexOf(':'))));
}
