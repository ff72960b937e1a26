import { readFileSync } from 'node:fs';
import { parseTrackingDoc } from './src/lib/doc/index.js';
const doc = parseTrackingDoc(readFileSync(process.argv[2]!, 'utf8'), 'x.md');
console.log(doc.items.length, doc.categories.map(c=>c.title), doc.diagnostics.map(d=>d.code+' '+d.message).slice(0,5), doc.unread);
