import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_SCHEMA_VERSION } from '../../src/lib/history/schema.js';
import { historyFileText } from '../../src/lib/history/write.js';
import { loadSiteData } from '../../src/lib/site/load.js';
import { apiBody, EMPTY_HISTORY_TEXT } from '../../src/lib/site/api-files.js';
import { makeHistory } from './fixtures/history.js';
import { makeSnapshot } from './fixtures/snapshot.js';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'mt-site-load-'));
}

describe('loadSiteData', () => {
  it('reads and validates the snapshot and history once (memoised)', () => {
    const d = dir();
    writeFileSync(join(d, 's.json'), JSON.stringify(makeSnapshot()));
    const history = makeHistory();
    history.records.reverse();
    writeFileSync(join(d, 'h.json'), JSON.stringify(history));
    const env = { MIGRATRACK_SNAPSHOT: join(d, 's.json'), MIGRATRACK_HISTORY: join(d, 'h.json') };
    const data = loadSiteData(env);
    expect(data.snapshot.items).toHaveLength(7);
    expect(data.history.map((r) => r.at.slice(0, 10))).toEqual(['2026-01-19', '2026-01-25', '2026-02-03', '2026-02-08']);
    expect(loadSiteData(env)).toBe(data);
  });

  it('gives the pages the same history from a version 1 file and from the version 2 one a build writes', () => {
    const d = dir();
    writeFileSync(join(d, 's.json'), JSON.stringify(makeSnapshot()));
    const v1 = makeHistory();
    writeFileSync(join(d, 'v1.json'), JSON.stringify(v1));
    writeFileSync(join(d, 'v2.json'), historyFileText({ ...v1, schemaVersion: HISTORY_SCHEMA_VERSION }));
    const fromV1 = loadSiteData({ MIGRATRACK_SNAPSHOT: join(d, 's.json'), MIGRATRACK_HISTORY: join(d, 'v1.json') });
    const fromV2 = loadSiteData({ MIGRATRACK_SNAPSHOT: join(d, 's.json'), MIGRATRACK_HISTORY: join(d, 'v2.json') });
    expect(fromV1.history).toEqual(v1.records);
    expect(fromV2.history).toEqual(v1.records);
    // The API publishes the file as read: a build copies it, the dev server reads it.
    expect(JSON.parse(apiBody(fromV2, 'history').toString()).schemaVersion).toBe(2);
    expect(apiBody(fromV1, 'history').toString()).toBe(readFileSync(join(d, 'v1.json'), 'utf8'));
    expect(apiBody(fromV1, 'snapshot').toString()).toBe(readFileSync(join(d, 's.json'), 'utf8'));
  });

  it('reads a rewritten file again, unless told the inputs cannot change (a build)', () => {
    const d = dir();
    const file = join(d, 's.json');
    writeFileSync(file, JSON.stringify(makeSnapshot()));
    const env = { MIGRATRACK_SNAPSHOT: file };
    const first = loadSiteData(env);
    const changed = makeSnapshot();
    changed.doc.title = 'Rewritten';
    writeFileSync(file, JSON.stringify(changed));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(loadSiteData(env, false)).toBe(first);
    expect(loadSiteData(env).snapshot.doc.title).toBe('Rewritten');
  });

  it('treats an absent history file as no history', () => {
    const d = dir();
    writeFileSync(join(d, 's.json'), JSON.stringify(makeSnapshot()));
    const data = loadSiteData({ MIGRATRACK_SNAPSHOT: join(d, 's.json'), MIGRATRACK_HISTORY: join(d, 'none.json') });
    expect(data.history).toEqual([]);
    expect(data.historyFile).toBeNull();
    expect(apiBody(data, 'history')).toBe(EMPTY_HISTORY_TEXT);
    expect(JSON.parse(apiBody(data, 'history') as string)).toEqual({ schemaVersion: HISTORY_SCHEMA_VERSION, repo: null, records: [] });
  });

  it('names the file and the bad fields when the snapshot is invalid', () => {
    const d = dir();
    const bad = makeSnapshot() as unknown as { items: { path: unknown }[] };
    bad.items[3]!.path = 42;
    writeFileSync(join(d, 'bad.json'), JSON.stringify(bad));
    expect(() => loadSiteData({ MIGRATRACK_SNAPSHOT: join(d, 'bad.json') })).toThrow(
      `The snapshot file ${join(d, 'bad.json')} is not a valid migratrack snapshot:\n  items.3.path: expected string, received number`,
    );
    writeFileSync(join(d, 'trunc.json'), '{"schemaVersion": 1,');
    expect(() => loadSiteData({ MIGRATRACK_SNAPSHOT: join(d, 'trunc.json') })).toThrow(/The snapshot file .*trunc\.json is not valid JSON/);
    expect(() => loadSiteData({ MIGRATRACK_SNAPSHOT: join(d, 'missing.json') })).toThrow(/The snapshot file .*missing\.json does not exist\.$/);
  });

  it('names the history file when it is invalid', () => {
    const d = dir();
    writeFileSync(join(d, 's.json'), JSON.stringify(makeSnapshot()));
    writeFileSync(join(d, 'h.json'), JSON.stringify({ schemaVersion: 1, repo: { id: 'x' }, records: [{ at: 'yesterday' }] }));
    expect(() => loadSiteData({ MIGRATRACK_SNAPSHOT: join(d, 's.json'), MIGRATRACK_HISTORY: join(d, 'h.json') })).toThrow(/History file .*h\.json is not a migratrack history file:\n {2}records\.0\.at/);
  });
});
