/** Shared set-up for the demo tests: one generated repo per test file, in a temp dir. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanGitEnv, generateDemoRepo, git, type DemoRepoInfo } from '../../src/lib/demo/index.js';

const execFileAsync = promisify(execFile);

const made: string[] = [];

/** A new temp dir, removed by `removeTempDirs()`. */
export function tempDir(prefix = 'mt-demo-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every dir `tempDir()` made in this test file (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Generates a fresh demo repo under a new temp dir. */
export async function freshDemo(): Promise<DemoRepoInfo> {
  const dir = tempDir();
  return generateDemoRepo(join(dir, 'demo-repo'));
}

/** `git show rev:path`, or null when the path does not exist at rev. */
export async function show(root: string, rev: string, path: string): Promise<string | null> {
  try {
    return await git(root, ['show', `${rev}:${path}`]);
  } catch {
    return null;
  }
}

/** Matching lines of `git grep -e pattern rev... -- pathspecs` (basic regex, as grep), "rev:path:line". */
export async function gitGrep(
  root: string,
  rev: string | string[],
  pattern: string,
  pathspecs: string[],
): Promise<string[]> {
  try {
    const revs = typeof rev === 'string' ? [rev] : rev;
    const out = await git(root, ['grep', '--no-color', '-I', '-e', pattern, ...revs, '--', ...pathspecs]);
    return out.split('\n').filter(Boolean);
  } catch (error) {
    // git grep exits 1 when nothing matches.
    if ((error as { code?: number }).code === 1) return [];
    throw error;
  }
}

/** Real GNU grep over the checked-out tree (an oracle independent of git). Returns its lines. */
export async function grepR(root: string, pattern: string, dirs: string[], include = '*.py'): Promise<string[]> {
  try {
    const { stdout } = await execFileAsync('grep', ['-r', pattern, ...dirs, `--include=${include}`], {
      cwd: root,
      env: cleanGitEnv(),
    });
    return stdout.split('\n').filter(Boolean);
  } catch (error) {
    if ((error as { code?: number }).code === 1) return [];
    throw error;
  }
}

/** The section of the doc for "File N" (its heading up to the next heading). */
export function docSection(doc: string, n: number): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^#{3,4} File ${n}: `).test(l));
  if (start < 0) throw new Error(`no File ${n} in doc`);
  const rest = lines.slice(start + 1).findIndex((l) => /^#{2,4} /.test(l));
  return lines.slice(start, rest < 0 ? undefined : start + 1 + rest).join('\n');
}

/** Slots the doc declares done, counted straight from its text (entries ✅ + list lines ending in ✅). */
export function countDeclaredDone(doc: string): number {
  const entries = doc.split('\n').filter((l) => l === '- **Status:** ✅ Complete').length;
  const listed = doc.split('\n').filter((l) => /^(\d+\. |- )\S.*\.py ✅$/.test(l)).length;
  return entries + listed;
}
