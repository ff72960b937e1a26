/**
 * Child process for the interrupted-write test: writes a huge history to argv[2] and prints
 * "started" first, so the parent can SIGKILL it half way through the write.
 */
// Imports the files it needs directly, so it does not load the other stages.
import { emptyHistory, type HistoryRecord } from '../../src/lib/history/schema.js';
import { writeHistoryAtomic } from '../../src/lib/history/write.js';

const [file = '', repoId = '', count = '200000'] = process.argv.slice(2);
const records: HistoryRecord[] = Array.from({ length: Number(count) }, (_, i) => ({
  at: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
  commit: i.toString(16).padStart(40, '0'),
  docCommit: null,
  source: 'run',
  metrics: { 'bigquery-clients': i, 'http-calls': i * 2 },
  categories: { '3.3': { declaredDone: i % 30, verifiedDone: i % 29, slots: 30 } },
  items: { 'file-27': { declared: 'done', detected: 'in-progress' } },
  declaredDone: i % 76,
  verifiedDone: i % 75,
  slots: 76,
}));
process.stdout.write('started\n');
await writeHistoryAtomic(file, { ...emptyHistory(repoId), records });
process.stdout.write('finished\n');
