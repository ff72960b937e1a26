/**
 * The snapshot on disk, for Astro (which reads it through MIGRATRACK_SNAPSHOT): validated against
 * its schema on write and on read, written atomically so a reader never sees half a file. `build`
 * and `dev` write it into a private temp folder (`withSnapshotFile`), never into the user's folders.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MigratrackError } from '../errors.js';
import { writeFault, writeFileAtomic } from '../history/index.js';
import { issueMessage } from '../schema-issues.js';
import { snapshotText } from '../snapshot/checked.js';
import { Snapshot } from '../snapshot/schema.js';

/** The file's text: the snapshot validated, indented by two spaces. */
export const snapshotFileText: (snapshot: Snapshot) => string = snapshotText;

export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const text = snapshotFileText(snapshot);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
  } catch (error) {
    throw writeFault('snapshot', file, error, 'set TMPDIR to');
  }
}

export async function readSnapshot(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new MigratrackError('input', `cannot read the snapshot ${file}; run \`migratrack build\` or \`migratrack scan\` first`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MigratrackError('input', `${file} is not valid JSON (expected a migratrack snapshot)`, { file });
  }
  const parsed = Snapshot.safeParse(json, { error: issueMessage });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MigratrackError('input', `${file} is not a migratrack snapshot of this version: ${issue?.path.join('.')}: ${issue?.message}`, { file });
  }
  return parsed.data;
}

/** Writes `snapshot` into a fresh temp folder, runs `work` with its path, and removes the folder. */
export async function withSnapshotFile<T>(snapshot: Snapshot, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'migratrack-snapshot-'));
  try {
    const file = join(dir, 'snapshot.json');
    await writeSnapshot(file, snapshot);
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
