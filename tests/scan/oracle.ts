/**
 * Real GNU grep as the oracle: always an argv array (never a shell string), in C.UTF-8 like the
 * scanner emulates.
 */
import { spawnSync } from 'node:child_process';
import { tokenize } from '../../src/lib/scan/command/tokenize.js';

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

/** A pipeline's commands as argv arrays, split at `|` the way our tokenizer reads it (no shell). */
export function pipelineCommands(command: string): string[][] {
  const t = tokenize(command);
  if (!t.ok) throw new Error(t.reason);
  const commands: string[][] = [[]];
  for (const tok of t.tokens) {
    if (tok.kind === 'pipe') commands.push([]);
    else commands[commands.length - 1]?.push(tok.text);
  }
  return commands;
}

/**
 * Runs a pipeline with the real tools, each command an argv array, stdout piped by hand (no shell).
 * The first command's stdin is /dev/null, as from a terminal (rg searches a piped stdin instead of files).
 */
export function toolPipeline(command: string, cwd: string): Buffer {
  const commands = pipelineCommands(command);
  const [[cmd, ...args] = [], ...rest] = commands;
  let out: Buffer = spawnSync(cmd as string, args, { cwd, env: ORACLE_ENV, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 }).stdout;
  for (const [c, ...a] of rest) out = runTool(c as string, a, { cwd, input: out }).stdout;
  return out;
}

/** Runs the pipeline with real tools, piping stdout into the next command's stdin; stderr of all of them. */
export function oraclePipeline(command: string, cwd: string): { stdout: Buffer; stderr: string } {
  const commands = pipelineCommands(command);
  let input: Buffer | undefined;
  let stderr = '';
  for (const [cmd, ...args] of commands) {
    const r = runTool(cmd as string, args, { cwd, input });
    input = r.stdout;
    stderr += r.stderr;
  }
  return { stdout: input ?? Buffer.alloc(0), stderr };
}
