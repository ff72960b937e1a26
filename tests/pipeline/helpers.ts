/**
 * Shared set-up for the pipeline tests: a fresh demo repository in a temp dir (so a concurrent
 * regeneration of `.cache/demo-repo` cannot change the tree under a test), options resolved the way
 * the CLI resolves them, and a quiet logger. Every output (site, history, snapshot) goes to a temp
 * dir: `resolveOptions` puts the snapshot under `<cwd>/.migratrack/`, so `cwd` is the temp dir.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BufferStream, createLogger, type Logger } from '../../src/lib/cli/index.js';
import { resolveOptions, type CliFlags, type ResolvedOptions } from '../../src/lib/config/index.js';
import { generateDemoRepo, type DemoRepoInfo } from '../../src/lib/demo/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** GNU tools in the UTF-8 C locale, as the scanner emulates; no git config from the machine. */
export const ORACLE_ENV: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

const made: string[] = [];

export function tempDir(prefix = 'mt-pipeline-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Call from afterAll. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh demo repository (same shas as `.cache/demo-repo`) under `parent`. */
export function freshDemo(parent: string): Promise<DemoRepoInfo> {
  return generateDemoRepo(path.join(parent, 'demo-repo'));
}

export function quietLogger(cwd: string): Logger {
  return createLogger({ stdout: new BufferStream(), stderr: new BufferStream(), env: {}, cwd }, 'quiet');
}

/** Options as `migratrack build --repo … --doc … --out <work>/dist --history <work>/history.json` run in `work`. */
export function buildOptions(work: string, repo: string, doc: string, extra: CliFlags = {}): ResolvedOptions {
  return resolveOptions(
    { repo, doc, out: path.join(work, 'dist'), history: path.join(work, 'history.json'), ...extra },
    null,
    work,
  );
}

export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = ORACLE_ENV): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** Runs a tool with an argv array; exit status 1 (grep: nothing selected) is not an error. */
export function tool(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, env: ORACLE_ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Every day from `start` to `end` inclusive, YYYY-MM-DD. */
export function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
