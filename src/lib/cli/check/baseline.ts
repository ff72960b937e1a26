/**
 * Baselines for `migratrack check`: read from a snapshot, a history file (its last record) or a
 * baseline file written by `check --update`; written atomically (temp file + rename) so a killed
 * run never leaves a half-written baseline behind.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/v4';
import { MigratrackError } from '../../errors.js';
import { parseHistoryJson } from '../../history/read.js';
import { Snapshot } from '../../snapshot/schema.js';

/**
 * The part of a history record (src/lib/history/schema.ts, issue 5) the ratchet reads. Structural,
 * so the history module's full `HistoryRecord` is assignable to it. `detected` is null when the
 * code status could not be computed.
 */
export interface HistoryRecord {
  at: string;
  commit: string | null;
  metrics: Record<string, number | null>;
  items: Record<string, { declared: string; detected: string | null }>;
}

/** What the ratchet compares against: a history record plus, when known, per-file metric counts. */
export interface Baseline extends HistoryRecord {
  /** metric id → repo path → count, to say which file got worse. */
  files?: Record<string, Record<string, number>>;
  /** Where it came from, for the report ("history.json, last record"). */
  source: string;
}

export const BASELINE_FORMAT = 'migratrack-baseline';
export const BASELINE_VERSION = 1;

// History records may name statuses `declared`/`detected` or `declaredStatus`/`detectedStatus`.
const ItemEntry = z
  .object({ declared: z.string().nullish(), detected: z.string().nullish(), declaredStatus: z.string().nullish(), detectedStatus: z.string().nullish() })
  .passthrough();
const RecordShape = z
  .object({
    at: z.string(),
    commit: z.string().nullable().default(null),
    metrics: z.record(z.string(), z.number().nullable()),
    items: z.record(z.string(), ItemEntry).default({}),
    files: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  })
  .passthrough();

/** The comparable view of a snapshot. */
export function baselineFromSnapshot(snapshot: Snapshot, source = 'snapshot'): Baseline {
  return {
    at: snapshot.generatedAt,
    commit: snapshot.repo.commit,
    metrics: Object.fromEntries(snapshot.metrics.map((m) => [m.id, m.value])),
    items: Object.fromEntries(snapshot.items.map((i) => [i.id, { declared: i.declaredStatus, detected: i.detectedStatus }])),
    files: Object.fromEntries(snapshot.metrics.map((m) => [m.id, Object.fromEntries(m.byFile.map((f) => [f.path, f.count]))])),
    source,
  };
}

function fromRecord(raw: z.infer<typeof RecordShape>, source: string): Baseline {
  const items = Object.fromEntries(
    Object.entries(raw.items).map(([id, e]) => [id, { declared: e.declared ?? e.declaredStatus ?? 'unknown', detected: e.detected ?? e.detectedStatus ?? null }]),
  );
  return { at: raw.at, commit: raw.commit, metrics: raw.metrics, items, ...(raw.files ? { files: raw.files } : {}), source };
}

/** Interprets parsed JSON as a snapshot, a history file, or a single record/baseline. */
export function baselineFromJson(json: unknown, file: string): Baseline | null {
  const name = path.basename(file);
  const records = Array.isArray(json) ? json : (json as { records?: unknown } | null)?.records;
  if (Array.isArray(records)) {
    if (records.length === 0) return null;
    // From version 2 a record stores only what changed: its items come from all the records before.
    const version = (json as { schemaVersion?: unknown }).schemaVersion;
    const whole = typeof version === 'number' && version >= 2 ? parseHistoryJson(json, file).records : records;
    const last = RecordShape.safeParse(whole[whole.length - 1]);
    if (last.success) return fromRecord(last.data, `${name} (last of ${records.length} records)`);
  } else if (json !== null && typeof json === 'object' && 'schemaVersion' in json && 'items' in json) {
    const snapshot = Snapshot.safeParse(json);
    if (snapshot.success) return baselineFromSnapshot(snapshot.data, `${name} (snapshot)`);
    throw new MigratrackError('input', `${file} is a snapshot this version cannot read (schemaVersion ${String(json.schemaVersion)}; expected ${Snapshot.shape.schemaVersion.value})`, { file });
  } else {
    const version = (json as { format?: unknown; version?: unknown } | null)?.format === BASELINE_FORMAT ? (json as { version?: unknown }).version : undefined;
    if (typeof version === 'number' && version > BASELINE_VERSION) {
      throw new MigratrackError('input', `${file} is a baseline of version ${version} (this migratrack reads version ${BASELINE_VERSION}; upgrade it)`, { file });
    }
    const record = RecordShape.safeParse(json);
    if (record.success) return fromRecord(record.data, name);
  }
  throw new MigratrackError('input', `${file} is not a baseline (expected a snapshot, a history file, or a file written by \`migratrack check --update\`)`, { file });
}

/** Reads a baseline; null when the (default) history file does not exist yet or has no records. */
export async function readBaseline(file: string, flag: string | null): Promise<Baseline | null> {
  if (!existsSync(file)) {
    if (flag !== null) throw new MigratrackError('usage', `${flag}: ${file} not found (expected a snapshot, history or baseline JSON file)`, { file });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new MigratrackError('input', `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  return baselineFromJson(json, file);
}

/** Writes `content` to `file` via a temp file in the same folder and a rename (atomic on POSIX). */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes the current snapshot as a versioned baseline file. */
export async function writeBaseline(file: string, snapshot: Snapshot): Promise<void> {
  const { source: _source, ...record } = baselineFromSnapshot(snapshot);
  await writeFileAtomic(file, `${JSON.stringify({ format: BASELINE_FORMAT, version: BASELINE_VERSION, ...record }, null, 2)}\n`);
}
