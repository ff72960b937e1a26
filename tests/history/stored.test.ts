/**
 * History file version 2: each record stores only the item states that changed since the record
 * before (src/lib/history/stored.ts). Reading it back must give exactly the records written, and a
 * version 1 file (every item in every record) must still read as before.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMigratrackError } from '../../src/lib/errors.js';
import {
  appendRecords,
  emptyHistory,
  expandHistory,
  HISTORY_SCHEMA_VERSION,
  HistoryFileV2,
  historyFileText,
  parseHistoryText,
  readHistory,
  storeHistory,
  writeHistoryAtomic,
  type HistoryFile,
  type HistoryRecord,
  type ItemRecord,
} from '../../src/lib/history/index.js';
import { makeHistory } from '../site/fixtures/history.js';
import { record, sha } from './records.js';

const REPO = sha(1);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mt-stored-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A small deterministic generator (mulberry32), so a failing history can be rebuilt from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['done', 'in-progress', 'not-started'];
const DETECTED = ['done', 'partial', 'not-started', null];

/**
 * `records` points over up to `items` items: each point changes, adds or drops a few items, now and
 * then leaves everything as it was, and `remaining` goes from absent (older records) to null or a count.
 */
function randomHistory(seed: number, records: number, items: number): HistoryFile {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let states: Record<string, ItemRecord> = {};
  const out: HistoryRecord[] = [];
  for (let k = 0; k < records; k++) {
    states = { ...states };
    const moves = next() < 0.2 ? 0 : 1 + Math.floor(next() * 6);
    for (let m = 0; m < moves; m++) {
      const id = `file-${1 + Math.floor(next() * items)}`;
      if (id in states && next() < 0.15) delete states[id];
      else {
        const state: ItemRecord = { declared: pick(STATUSES), detected: pick(DETECTED) };
        if (k > records / 3) state.remaining = next() < 0.2 ? null : Math.floor(next() * 4);
        states[id] = state;
      }
    }
    out.push(record(`2026-01-${String(1 + (k % 28)).padStart(2, '0')}`, k, 76, { items: states }));
  }
  return { schemaVersion: HISTORY_SCHEMA_VERSION, repo: { id: REPO }, records: out };
}

/** The oracle for what version 2 stores: every (record, item) whose state differs from the record before's. */
function changesOf(history: HistoryFile): { set: string[]; removed: string[] } {
  const set: string[] = [];
  const removed: string[] = [];
  history.records.forEach((r, k) => {
    const before = k === 0 ? {} : history.records[k - 1]!.items;
    for (const id of Object.keys(r.items)) if (JSON.stringify(before[id]) !== JSON.stringify(r.items[id])) set.push(`${k}:${id}`);
    for (const id of Object.keys(before)) if (!(id in r.items)) removed.push(`${k}:${id}`);
  });
  return { set, removed };
}

function expanded(file: unknown): HistoryFile {
  const result = expandHistory(HistoryFileV2.parse(file));
  if ('problem' in result) throw new Error(result.problem);
  return result.history;
}

describe('version 2 stores only what changed', () => {
  it('round-trips random histories exactly, storing just the changes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const history = randomHistory(seed, 1 + (seed % 25), 12);
      const stored = storeHistory(history);
      // Through JSON, as on disk: absent and null `remaining` must both survive.
      expect(expanded(JSON.parse(JSON.stringify(stored))), `seed ${seed}`).toEqual(history);
      const oracle = changesOf(history);
      expect(stored.records.flatMap((r, k) => Object.keys(r.items).map((id) => `${k}:${id}`)).sort(), `seed ${seed}`).toEqual(oracle.set.sort());
      expect(stored.records.flatMap((r, k) => (r.removed ?? []).map((id) => `${k}:${id}`)).sort(), `seed ${seed}`).toEqual(oracle.removed.sort());
    }
  });

  it('keeps everything but the items as they were', () => {
    const history = makeHistory();
    const stored = storeHistory({ ...history, schemaVersion: HISTORY_SCHEMA_VERSION });
    expect(stored.records.map(({ items: _items, removed: _removed, ...rest }) => rest)).toEqual(history.records.map(({ items: _items, ...rest }) => rest));
    // All 7 items, then file-1 moving; then file-2 and file-27 done in code with the first counts
    // (file-1, -2, -27, -28, -29); then file-1 and file-27 declared done and file-28 down to 2.
    expect(stored.records.map((r) => Object.keys(r.items).sort())).toEqual([
      ['file-1', 'file-2', 'file-27', 'file-28', 'file-29', 'file-41', 'file-42'],
      ['file-1'],
      ['file-1', 'file-2', 'file-27', 'file-28', 'file-29'],
      ['file-1', 'file-27', 'file-28'],
    ]);
  });

  it('makes a history of many nightly runs several times smaller than version 1', () => {
    // 60 nightly runs over 2,000 files, 20 of which move each night.
    const items = Array.from({ length: 2000 }, (_, i) => `file-${i + 1}`);
    let states: Record<string, ItemRecord> = Object.fromEntries(items.map((id) => [id, { declared: 'not-started', detected: 'not-started', remaining: 2 }]));
    const records = Array.from({ length: 60 }, (_, night) => {
      states = { ...states };
      for (let j = 0; j < 20; j++) states[items[night * 20 + j]!] = { declared: 'done', detected: 'done', remaining: 0 };
      return record(`2026-03-${String(1 + (night % 28)).padStart(2, '0')}`, night * 20, 2000, { items: states });
    });
    const history: HistoryFile = { schemaVersion: HISTORY_SCHEMA_VERSION, repo: { id: REPO }, records };
    const v1 = JSON.stringify({ ...history, schemaVersion: 1 }, null, 1).length;
    const v2 = historyFileText(history).length;
    expect(v2 * 10).toBeLessThan(v1);
    expect(parseHistoryText(historyFileText(history), 'h.json')).toEqual(history);
  });

  it('shares item states between records where nothing changed', () => {
    const history = randomHistory(7, 10, 5);
    history.records[4] = { ...history.records[4]!, items: history.records[3]!.items };
    const back = expanded(JSON.parse(JSON.stringify(storeHistory(history))));
    expect(back.records[4]!.items).toBe(back.records[3]!.items);
  });
});

describe('reading version 2 refuses a file that contradicts itself', () => {
  const v2 = (records: unknown[]) => JSON.stringify({ schemaVersion: 2, repo: { id: REPO }, records });
  const first = { ...record('2026-01-01', 0), items: { 'file-1': { declared: 'done', detected: 'done' } } };

  async function refusal(text: string): Promise<string> {
    const file = join(dir, 'history.json');
    await writeFile(file, text);
    const error = await readHistory(file, REPO).then(() => null, (e: unknown) => e);
    expect(isMigratrackError(error) && error.code).toBe('input');
    expect(await readFile(file, 'utf8')).toBe(text);
    return (error as Error).message.replace(dir, '<dir>');
  }

  it('removing an item the record before did not have', async () => {
    expect(await refusal(v2([first, { ...record('2026-01-02', 0), items: {}, removed: ['file-2'] }]))).toBe(
      'History file <dir>/history.json is not a migratrack history file:\n  records.1.removed.0: item "file-2" is not in the record before. It was left untouched.',
    );
  });

  it('removing an item and setting it in the same record', async () => {
    const both = { ...record('2026-01-02', 0), items: { 'file-1': { declared: 'done', detected: null } }, removed: ['file-1'] };
    expect(await refusal(v2([first, both]))).toMatch(/records\.1\.removed\.0: item "file-1" is also among the record's items/);
  });

  it('a malformed record, by path, as for version 1', async () => {
    expect(await refusal(v2([first, { ...record('2026-01-02', 0), items: {}, removed: 'file-1' }]))).toMatch(/records\.1\.removed: expected array, received string/);
  });
});

describe('version 1 files', () => {
  it('read as the same history as their version 2 form', () => {
    const v1 = makeHistory();
    const fromV1 = parseHistoryText(JSON.stringify(v1), 'v1.json');
    expect(fromV1.records).toEqual(v1.records);
    expect(parseHistoryText(historyFileText(fromV1), 'v2.json')).toEqual(fromV1);
  });

  it('are upgraded by the next write, with every record kept', async () => {
    const file = join(dir, 'history.json');
    const v1 = { ...makeHistory(), repo: { id: REPO } };
    await writeFile(file, JSON.stringify(v1));
    const next = record('2026-02-09', 3, 7, { items: v1.records[3]!.items });
    await writeHistoryAtomic(file, appendRecords(emptyHistory(REPO), [next]));
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text).schemaVersion).toBe(2);
    // The new run moved nothing: it stores no item.
    expect(JSON.parse(text).records.at(-1).items).toEqual({});
    expect((await readHistory(file, REPO)).records).toEqual([...v1.records, next]);
  });
});
