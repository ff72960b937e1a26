/**
 * The one-line markdown summary the "copy for standup" button puts on the clipboard:
 * File 27 `data_processors/raw/processor_base.py` (Task 3.3): declared ✅ Complete, code: partly
 * done — 1 `bigquery.Client(` call left · https://…/files/data_processors/raw/processor_base.py/
 */
import type { Check, SnapshotItem } from '../snapshot/schema.js';
import { categoryRef } from './category-label.js';
import { detectedWords } from './status.js';

/** "`bigquery.Client(`": the first code span of a check's description, else the description. */
export function checkSubject(check: Check): string {
  const span = /`[^`]+`/.exec(check.description);
  return span ? span[0] : check.description;
}

/**
 * "1 `bigquery.Client(` call, 2 `requests.get(` calls left", counting each remaining line once
 * under the first failing check that reports it; empty when nothing is left.
 */
export function remainingPhrase(item: SnapshotItem): string {
  const seen = new Set<number>();
  const counts = new Map<string, number>();
  for (const check of item.checks) {
    if (check.passed !== false) continue;
    for (const m of check.matches) {
      if (seen.has(m.line)) continue;
      seen.add(m.line);
      const subject = checkSubject(check);
      counts.set(subject, (counts.get(subject) ?? 0) + 1);
    }
  }
  // Remaining lines no failing check claimed still count, as plain "calls".
  const unclaimed = item.remaining.filter((m) => !seen.has(m.line)).length;
  if (unclaimed > 0) counts.set('', unclaimed);
  if (counts.size === 0) return '';
  const parts = [...counts].map(([subject, n]) => `${n} ${subject ? `${subject} ` : ''}${n === 1 ? 'call' : 'calls'}`);
  return `${parts.join(', ')} left`;
}

/** "File 27", or the item's name when the doc gives no number. */
export function itemTitle(item: SnapshotItem): string {
  return item.number !== null ? `File ${item.number}` : item.name;
}

/** The standup line for an item; `url` is the absolute (or base-relative) file page URL. */
export function standupLine(item: SnapshotItem, url: string): string {
  const where = item.path ? ` \`${item.path}\`` : ' (path not resolved)';
  const left = remainingPhrase(item);
  const code = `code: ${detectedWords(item.detectedStatus)}${left ? ` — ${left}` : ''}`;
  return `${itemTitle(item)}${where} (${categoryRef(item.category)}): declared ${item.declaredStatusText.trim() || 'no status'}, ${code} · ${url}`;
}
