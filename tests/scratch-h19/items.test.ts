import { it } from 'vitest';
import { parseTrackingDoc, explainDoc } from '../../src/lib/doc/index.js';
it('items', () => {
  const text = require('node:fs').readFileSync('/tmp/h19doc.md', 'utf8');
  const doc = parseTrackingDoc(Buffer.from(text), 'T.md');
  for (const item of doc.items) console.log(item.id, item.status.status, item.reading?.reader, item.reading?.statusFrom, item.source.startLine);
  console.log(JSON.stringify(doc.categories.map((c) => [c.id, c.title, c.status, c.fields.length])), doc.items[0]?.name);
});
