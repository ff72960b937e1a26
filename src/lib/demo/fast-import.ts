/**
 * Writes a whole history in one `git fast-import` run: far faster than a `git commit` per step, and
 * byte-for-byte deterministic because every object (blob, tree, commit) is spelled out by us.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git, gitWithInput } from './git.js';

/** A fixed commit identity. */
export interface Person {
  name: string;
  email: string;
}

/** New content for a path, or `null` to delete it. */
export type FileChange = { path: string; content: string | Uint8Array | null; executable?: boolean };

/** One commit of the stream. Marks are how commits refer to each other before they have shas. */
export interface ImportCommit {
  /** Short branch name the commit lands on ("main", "feature/http-pool"). */
  branch: string;
  /** Unique positive integer naming this commit in the stream. */
  mark: number;
  /** First parent, by mark; omit to continue the branch (or start a root commit). */
  from?: number;
  /** Further parents (a merge), by mark. */
  merge?: number[];
  author: Person;
  committer?: Person;
  /** ISO 8601 with an explicit offset, e.g. "2026-01-19T09:05:00-08:00". */
  date: string;
  message: string;
  changes: FileChange[];
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

/** "2026-01-19T09:05:00-08:00" → "1768842300 -0800" (git's raw date format). */
export function toGitDate(iso: string): string {
  const m = ISO_WITH_OFFSET.exec(iso);
  if (!m) throw new Error(`demo: commit date must be ISO 8601 with an offset, got "${iso}"`);
  const epoch = Math.floor(Date.parse(iso) / 1000);
  const offset = m[7] === 'Z' || m[7] === undefined ? '+0000' : m[7].replace(':', '');
  return `${epoch} ${offset}`;
}

/** C-style quoting, which fast-import accepts for every path (needed for spaces in R/C, quotes, non-ASCII). */
export function quotePath(path: string): string {
  let out = '"';
  for (const byte of Buffer.from(path, 'utf8')) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

function data(payload: string | Uint8Array): Buffer[] {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}

/** Serialises commits into a fast-import stream. Exported for tests and benchmarks. */
export function fastImportStream(commits: readonly ImportCommit[]): Buffer {
  const parts: Buffer[] = [];
  for (const c of commits) {
    const committer = c.committer ?? c.author;
    const when = toGitDate(c.date);
    parts.push(Buffer.from(`commit refs/heads/${c.branch}\nmark :${c.mark}\n`));
    parts.push(Buffer.from(`author ${c.author.name} <${c.author.email}> ${when}\n`));
    parts.push(Buffer.from(`committer ${committer.name} <${committer.email}> ${when}\n`));
    parts.push(...data(c.message.endsWith('\n') ? c.message : `${c.message}\n`));
    if (c.from !== undefined) parts.push(Buffer.from(`from :${c.from}\n`));
    for (const parent of c.merge ?? []) parts.push(Buffer.from(`merge :${parent}\n`));
    // Sorted so the stream (not just the result) is stable whatever order the caller used.
    const changes = [...c.changes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const change of changes) {
      if (change.content === null) {
        parts.push(Buffer.from(`D ${quotePath(change.path)}\n`));
      } else {
        parts.push(Buffer.from(`M ${change.executable ? '100755' : '100644'} inline ${quotePath(change.path)}\n`));
        parts.push(...data(change.content));
      }
    }
    parts.push(Buffer.from('\n'));
  }
  parts.push(Buffer.from('done\n'));
  return Buffer.concat(parts);
}

/**
 * Creates a repository at `dir` (which must not hold one yet) from `commits`, points HEAD at
 * `head` and checks it out. Returns mark → commit sha.
 */
export async function writeRepo(
  dir: string,
  commits: readonly ImportCommit[],
  head = 'main',
): Promise<Map<number, string>> {
  mkdirSync(dir, { recursive: true });
  await git(dir, ['-c', `init.defaultBranch=${head}`, 'init', '-q']);
  // Pinned so a checkout never rewrites line ends or file modes differently per machine.
  for (const [key, value] of [
    ['core.autocrlf', 'false'],
    ['core.filemode', 'true'],
    ['commit.gpgsign', 'false'],
    ['core.quotepath', 'true'],
  ] as const) {
    await git(dir, ['config', key, value]);
  }
  const marksFile = join(dir, '.git', 'demo-marks');
  await gitWithInput(
    dir,
    ['fast-import', '--quiet', '--done', `--export-marks=${marksFile}`],
    fastImportStream(commits),
  );
  const marks = new Map<number, string>();
  for (const line of readFileSync(marksFile, 'utf8').split('\n')) {
    const m = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
    if (m?.[1] && m[2]) marks.set(Number(m[1]), m[2]);
  }
  rmSync(marksFile);
  await git(dir, ['symbolic-ref', 'HEAD', `refs/heads/${head}`]);
  if (commits.length > 0) await git(dir, ['reset', '--hard', '-q']);
  return marks;
}
