/**
 * The long-history demo repository (issue 18, "Measure"): `generateLongDemoRepo(dir, { months })`
 * writes months of a realistic migration in one `git fast-import` run (a few seconds for ten
 * months) and returns its ground truth, computed from the story's files by plain string counts.
 * CLI: `tsx scripts/demo-repo.ts --months 10 [--out DIR]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MigratrackError } from '../../errors.js';
import { fastImportStream, writeRepo, type FileChange, type ImportCommit, type Person } from '../fast-import.js';
import { longTruth, type LongTruth } from './truth.js';
import { LONG_DOC_PATH, renderFiles } from './state.js';
import { longStory } from './story.js';

export { LONG_DOC_PATH, OLD_CALL, NEW_CALL, TRACKED, trackedPath } from './state.js';
export { REGRESSED, LONG_START } from './story.js';
export type { LongTruth, LongCommitTruth } from './truth.js';

const PEOPLE: Record<'ana' | 'ben', Person> = {
  ana: { name: 'Ana Lindqvist', email: 'ana@storage.example' },
  ben: { name: 'Ben Adeyemi', email: 'ben@storage.example' },
};

/** The manifest beside the repo (git-excluded), as for the short demo. */
export const LONG_MANIFEST_FILE = '.migratrack-long-demo.json';

export interface LongDemoInfo extends LongTruth {
  root: string;
  docPath: string;
  months: number;
}

/** The story as fast-import commits: each commit carries the files that differ from the one before. */
function importCommits(months: number): { commits: ImportCommit[]; truth: LongTruth } {
  const story = longStory(months);
  const commits: ImportCommit[] = [];
  let before = new Map<string, string>();
  const rendered: Map<string, string>[] = [];
  story.commits.forEach((c, i) => {
    const files = renderFiles(c.state, story.start);
    rendered.push(files);
    const changes: FileChange[] = [];
    for (const [path, content] of files) if (before.get(path) !== content) changes.push({ path, content });
    for (const path of before.keys()) if (!files.has(path)) changes.push({ path, content: null });
    commits.push({ branch: 'main', mark: i + 1, author: PEOPLE[c.author], committer: PEOPLE.ana, date: c.at, message: c.message, changes });
    before = files;
  });
  const version = createHash('sha256').update(fastImportStream(commits)).digest('hex').slice(0, 16);
  return { commits, truth: { ...longTruth(story, rendered), version } };
}

/**
 * Writes the long demo repository at `outDir` and returns its manifest. Refuses a directory that
 * exists and is not one it wrote (it never deletes what it did not make).
 */
export async function generateLongDemoRepo(outDir: string, opts: { months?: number } = {}): Promise<LongDemoInfo> {
  const root = resolve(outDir);
  const months = opts.months ?? 10;
  const { commits, truth } = importCommits(months);
  const manifest = join(root, LONG_MANIFEST_FILE);
  if (existsSync(root)) {
    if (!existsSync(manifest)) throw new MigratrackError('input', `${root} exists and is not a generated long demo repo; choose another --out`, { file: root });
    const old = JSON.parse(readFileSync(manifest, 'utf8')) as LongDemoInfo;
    if (old.version === truth.version && old.root === root) return old;
    rmSync(root, { recursive: true, force: true });
  }
  const marks = await writeRepo(root, commits);
  const sha = (mark: number) => marks.get(mark) ?? '';
  const info: LongDemoInfo = {
    ...truth,
    head: sha(commits.length),
    commits: truth.commits.map((c) => ({ ...c, sha: sha(c.mark) })),
    root,
    docPath: LONG_DOC_PATH,
    months,
  };
  writeFileSync(manifest, `${JSON.stringify(info, null, 2)}\n`);
  appendFileSync(join(root, '.git', 'info', 'exclude'), `/${LONG_MANIFEST_FILE}\n`);
  return info;
}
