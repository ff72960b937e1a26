/**
 * The history as stored (version 2, src/lib/history/schema.ts): each record keeps only the item
 * states that changed since the record before it. In memory every record is whole, so the rest of
 * the pipeline and the site never see the difference: {@link expandHistory} rebuilds the records
 * on read and {@link storeHistory} keeps the changes on write. Pure.
 */
import { HISTORY_SCHEMA_VERSION, type HistoryFile, type HistoryFileV2, type HistoryRecord, type ItemRecord, type StoredHistoryFile } from './schema.js';

type ItemStates = Record<string, ItemRecord>;

/** The file to write for `history`: its records with only the item states each one changed. */
export function storeHistory(history: HistoryFile): HistoryFileV2 {
  let before: ItemStates = {};
  const records = history.records.map((record) => {
    const items: ItemStates = {};
    for (const [id, state] of Object.entries(record.items)) {
      if (!Object.hasOwn(before, id) || !sameState(before[id]!, state)) items[id] = state;
    }
    const removed = Object.keys(before).filter((id) => !Object.hasOwn(record.items, id));
    before = record.items;
    return { ...record, items, ...(removed.length > 0 ? { removed } : {}) };
  });
  return { schemaVersion: 2, repo: history.repo, records };
}

/**
 * The history in memory from a file of either version, or the first place where a version 2 file
 * contradicts itself (it removes an item the record before did not have, or removes and sets the
 * same item), as `records.<n>.removed.<m>: …` like a schema problem. Records where nothing
 * changed share the record before's states, as the records a build makes do.
 */
export function expandHistory(file: StoredHistoryFile): { history: HistoryFile } | { problem: string } {
  if (file.schemaVersion === 1) return { history: { schemaVersion: HISTORY_SCHEMA_VERSION, repo: file.repo, records: file.records } };
  const records: HistoryRecord[] = [];
  let before: ItemStates = {};
  for (const [k, { items: changed, removed = [], ...record }] of file.records.entries()) {
    const items = removed.length === 0 && Object.keys(changed).length === 0 ? before : copy(before);
    for (const [m, id] of removed.entries()) {
      const where = `records.${k}.removed.${m}`;
      if (!Object.hasOwn(items, id)) return { problem: `${where}: item "${id}" is not in the record before` };
      if (Object.hasOwn(changed, id)) return { problem: `${where}: item "${id}" is also among the record's items` };
      delete items[id];
    }
    Object.assign(items, changed);
    records.push({ ...record, items });
    before = items;
  }
  return { history: { schemaVersion: HISTORY_SCHEMA_VERSION, repo: file.repo, records } };
}

/** `remaining` absent (a record from before the count) and null (not counted) stay distinct. */
function sameState(a: ItemRecord, b: ItemRecord): boolean {
  return a.declared === b.declared && a.detected === b.detected && a.remaining === b.remaining;
}

/**
 * A copy of a record's states. A loop over the keys: spreading a 5,000-key object (which V8 keeps
 * as a hash table) took ~5 ms, twice as long, and a 30-record history makes 30 copies.
 */
function copy(states: ItemStates): ItemStates {
  const out: ItemStates = {};
  for (const id of Object.keys(states)) out[id] = states[id]!;
  return out;
}
