/**
 * `migratrack explain`: how the doc stage read a doc, as lines of text. Every item with its doc
 * line, the reader that read it and where its status came from; then the lines that look like
 * items but were not read, and why (issue 17). Pure: a model in, text out.
 */
import type { TrackedItem, TrackingDoc } from './model.js';

const FROM: Record<string, string> = {
  checkbox: 'its checkbox',
  mark: 'its leading mark',
  field: 'the Status field under it',
  'heading-mark': 'the mark in its heading',
  column: 'the status column',
  'check-columns': 'its check columns',
  section: 'the heading of its section',
  none: 'nothing (no status written)',
};

function statusSource(item: TrackedItem): string {
  const reading = item.reading;
  if (reading === undefined) return item.status.raw === '' ? 'no Status field' : `its Status field "${item.status.raw}"`;
  const span = reading.statusSpan;
  const where = span ? ` "${span.text}" at ${span.line}:${span.column}-${span.endColumn}` : '';
  const legend = reading.byLegend ? ', meaning from the doc\'s legend' : '';
  return `${FROM[reading.statusFrom] ?? reading.statusFrom}${where}${legend}`;
}

/** The explanation of one parsed doc, one line per entry. */
export function explainDoc(doc: TrackingDoc): string[] {
  const readers = new Map<string, number>();
  for (const item of doc.items) {
    const reader = item.reading?.reader ?? 'seed';
    readers.set(reader, (readers.get(reader) ?? 0) + 1);
  }
  const by = [...readers].map(([reader, count]) => `${reader} ${count}`).join(', ');
  const out = [`${doc.path}: ${doc.items.length} item${doc.items.length === 1 ? '' : 's'} in ${doc.categories.length} categor${doc.categories.length === 1 ? 'y' : 'ies'}${by ? ` (read by ${by})` : ''}`];
  for (const category of doc.categories) {
    const items = doc.items.filter((item) => item.categoryId === category.id);
    if (items.length === 0) continue;
    out.push('', `${category.title}${category.source.startLine > 0 ? ` (line ${category.source.startLine})` : ''}`);
    for (const item of items) {
      const reader = item.reading?.reader ?? 'seed';
      const path = item.path !== null ? `  → ${item.path}${item.reading?.renameTo ? ` → ${item.reading.renameTo}` : ''}` : '';
      const steps = item.reading?.progress ? `  [${item.reading.progress.done}/${item.reading.progress.total} sub-steps]` : '';
      out.push(`  line ${String(item.source.startLine).padEnd(5)} ${reader.padEnd(14)} ${item.status.status.padEnd(11)} ${item.name}${path}${steps}`);
      out.push(`             status from ${statusSource(item)}`);
    }
  }
  const unread = doc.unread ?? [];
  if (unread.length > 0) {
    out.push('', `Not read as items (${unread.length}):`);
    for (const entry of unread) out.push(`  line ${String(entry.line).padEnd(5)} "${entry.text.slice(0, 80)}": ${entry.why}`);
  }
  return out;
}
