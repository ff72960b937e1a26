/**
 * The demo target: a deterministic git repository shaped like the one the seed doc tracks, with a
 * messy three-week migration history (issue 2, "The demo target"). Same bytes, same shas, every run.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigratrackError } from '../errors.js';
import { fastImportStream, writeRepo } from './fast-import.js';
import { git } from './git.js';
import { demoInfo } from './ground-truth.js';
import { initialWorld } from './initial.js';
import { PLAN } from './plan.js';
import { runPlan, type PlanRun } from './runner.js';
import type { DemoRepoInfo } from './types.js';

export type { DemoDay, DemoDrift, DemoDriftKind, DemoExpected, DemoRepoInfo } from './types.js';
export * from './paths.js';
export { writeRepo, toGitDate, type ImportCommit, type FileChange, type Person } from './fast-import.js';
export { cleanGitEnv, git } from './git.js';
export { START_DATE as DEMO_START_DATE, END_DATE as DEMO_END_DATE } from './ground-truth.js';
export { DOC_COMMANDS } from './metrics.js';
export type { SlotCode } from './head-code.js';

/** Default location: `.cache/demo-repo` under the project root (whatever the cwd). */
export const DEFAULT_DEMO_DIR = fileURLToPath(new URL('../../../.cache/demo-repo', import.meta.url));
/** Manifest file name, written in the repo root and excluded via .git/info/exclude (never committed). */
export const DEMO_MANIFEST_FILE = '.migratrack-demo.json';
/** Bump when the manifest's meaning changes in a way its content hash would not show. */
const MANIFEST_FORMAT = 1;

/** The clean UTF-8 seed doc the history starts from (carried in the project, not ../shared). */
export const SEED_DOC_URL = new URL('../../../examples/JITTER-ADOPTION-TRACKING.md', import.meta.url);

/** Reads the seed doc as LF-only text. */
export function readSeedDoc(): string {
  return readFileSync(fileURLToPath(SEED_DOC_URL), 'utf8').replace(/\r\n/g, '\n');
}

interface BuiltPlan {
  run: PlanRun;
  stream: Buffer;
  version: string;
}

/** Runs the plan in memory; the version hashes the exact fast-import stream and the ground truth. */
function buildPlan(): BuiltPlan {
  const run = runPlan(PLAN, initialWorld(), readSeedDoc());
  const stream = fastImportStream(run.commits);
  // The manifest with marks for shas covers ground-truth changes that leave the stream alone.
  const marks = new Map(run.commits.map((c) => [c.mark, `:${c.mark}`]));
  const truth = JSON.stringify(demoInfo(run, marks, '', ''));
  const hash = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex').slice(0, 12);
  // "<format>-<commits>-<ground truth>": the middle part alone decides the commit ids.
  return { run, stream, version: `${MANIFEST_FORMAT}-${hash(stream)}-${hash(truth)}` };
}

/** Path of the manifest for a repo at `outDir`. */
export function demoManifestPath(outDir: string): string {
  return join(resolve(outDir), DEMO_MANIFEST_FILE);
}

/** The manifest of an existing demo repo, or null if there is none (or it is unreadable). */
export function readDemoManifest(outDir: string): DemoRepoInfo | null {
  try {
    return JSON.parse(readFileSync(demoManifestPath(outDir), 'utf8')) as DemoRepoInfo;
  } catch {
    return null;
  }
}

async function isCurrent(root: string, version: string): Promise<DemoRepoInfo | null> {
  const manifest = readDemoManifest(root);
  if (!manifest || manifest.version !== version || manifest.root !== root) return null;
  try {
    const head = (await git(root, ['rev-parse', 'HEAD'])).trim();
    return head === manifest.head ? manifest : null;
  } catch {
    return null;
  }
}

/** Only ever delete a directory we made: empty, or holding our manifest. */
function assertReplaceable(root: string, force: boolean): void {
  if (force || !existsSync(root)) return;
  if (readdirSync(root).length === 0 || existsSync(demoManifestPath(root))) return;
  throw new MigratrackError('input', `${root} exists and is not a generated demo repo; pass --force to replace it`, {
    file: root,
  });
}

/**
 * Generates the demo repository at `outDir` (default `.cache/demo-repo`) and returns its manifest.
 * Idempotent: an existing repo whose manifest matches this generator's version is reused as is.
 * Builds in a sibling temp dir and renames it into place, so concurrent callers never see half a repo.
 */
export async function generateDemoRepo(
  outDir: string = DEFAULT_DEMO_DIR,
  opts: { force?: boolean } = {},
): Promise<DemoRepoInfo> {
  const root = resolve(outDir);
  const built = buildPlan();
  if (!opts.force) {
    const current = await isCurrent(root, built.version);
    if (current) return current;
  }
  assertReplaceable(root, opts.force ?? false);
  mkdirSync(dirname(root), { recursive: true });
  const tmp = join(dirname(root), `.${basename(root)}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const marks = await writeRepo(tmp, built.run.commits);
  const info = demoInfo(built.run, marks, root, built.version);
  writeFileSync(join(tmp, DEMO_MANIFEST_FILE), `${JSON.stringify(info, null, 2)}\n`);
  appendFileSync(join(tmp, '.git', 'info', 'exclude'), `/${DEMO_MANIFEST_FILE}\n`);

  // A concurrent caller may have finished first: keep its repo (identical bytes) rather than
  // swapping a directory out from under whoever is already reading it.
  const raced = opts.force ? null : await isCurrent(root, built.version);
  if (raced) {
    rmSync(tmp, { recursive: true, force: true });
    return raced;
  }
  if (existsSync(root)) {
    const old = `${tmp}.old`;
    try {
      renameSync(root, old);
    } catch {
      // Someone else swapped it meanwhile; fall through and let the rename below decide.
    }
    rmSync(old, { recursive: true, force: true });
  }
  try {
    renameSync(tmp, root);
  } catch (error) {
    // A concurrent generator won the race: use its repo if it is the same version.
    rmSync(tmp, { recursive: true, force: true });
    const theirs = await isCurrent(root, built.version);
    if (theirs) return theirs;
    throw error;
  }
  return info;
}
