/**
 * Drivers for the CLI tests: in-process (runCli with string buffers and fake pipeline deps) and
 * as a real subprocess (the bin launcher), plus throwaway git repos with fixed dates.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { BufferStream, runCli, type PipelineDeps } from '../../src/lib/cli/index.js';
import type { ResolvedOptions } from '../../src/lib/config/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/migratrack.mjs');

// Removed after all tests of a file, not each: concurrent tests would delete each other's folders.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'migratrack-cli-'));
  made.push(dir);
  return dir;
}

/** Writes files (creating folders) under `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

/** A git repo with one commit of `files` at a fixed date, on branch `branch`. */
export function gitRepo(root: string, files: Record<string, string>, branch = 'main'): string {
  writeFiles(root, files);
  const env = { ...process.env, GIT_AUTHOR_DATE: '2026-01-19T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-19T12:00:00Z' };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' });
  git('init', '-q', '-b', branch);
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@migratrack.invalid', 'commit', '-q', '-m', 'initial');
  return root;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  deps?: PipelineDeps;
}

/** Runs the CLI in this process with captured output. */
export async function run(argv: string[], o: InProcessOptions): Promise<RunResult> {
  const stdout = new BufferStream(o.tty ?? false);
  const stderr = new BufferStream(o.tty ?? false);
  const code = await runCli(argv, { stdout, stderr, env: o.env ?? {}, cwd: o.cwd }, o.deps);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs `node bin/migratrack.mjs …` in `cwd`, off a TTY, without colour. Async so tests can run concurrently. */
export function runProcess(argv: string[], cwd: string): Promise<RunResult> {
  const env = { ...process.env, NO_COLOR: '1', CI: 'true' };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...argv], { cwd, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Replaces a temp folder in output by `<tmp>` so snapshots are stable. */
export function normalise(text: string, dir: string): string {
  return text.split(dir).join('<tmp>');
}

/** Records the options each pipeline call received. */
export interface FakeCalls {
  build: ResolvedOptions[];
  render: ResolvedOptions[];
  dev: ResolvedOptions[];
}
