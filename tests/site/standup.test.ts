import { describe, expect, it } from 'vitest';
import { remainingPhrase, standupLine } from '../../src/lib/site/standup.js';
import { makeSnapshot } from './fixtures/snapshot.js';

const item = (id: string) => makeSnapshot().items.find((i) => i.id === id)!;

describe('standup line', () => {
  it('matches the format people paste', () => {
    expect(standupLine(item('file-27'), 'https://x.io/files/data_processors/raw/processor_base.py/')).toBe(
      'File 27 `data_processors/raw/processor_base.py` (Task 3.3): declared ✅ Complete, code: partly done — 1 `bigquery.Client(` call left · https://x.io/files/data_processors/raw/processor_base.py/',
    );
  });

  it('omits the remaining part when nothing is left, and says when the path is unresolved', () => {
    expect(standupLine(item('file-1'), '/u/')).toBe('File 1 `data_processors/raw/processor_base.py` (Task 3.1.1): declared ✅ Complete, code: done · /u/');
    expect(standupLine(item('file-41'), '/items/41/')).toBe('File 41 (path not resolved) (Task 3.4): declared ⚪ Not Started (each), code: unknown · /items/41/');
  });

  it('pluralises and counts each line once', () => {
    expect(remainingPhrase(item('file-28'))).toBe('2 `bigquery.Client(` calls left');
    const unclaimed = { ...item('file-28'), checks: [] };
    expect(remainingPhrase(unclaimed)).toBe('2 calls left');
  });
});
