import { readFileSync } from 'node:fs';
import { parseTrackingDoc } from './src/lib/doc/index.js';
const file = process.argv[2]!;
const doc = parseTrackingDoc(readFileSync(file), 'doc.md');
const { text, ...rest } = doc;
console.log(JSON.stringify(rest, (k, v) => (k === 'source' ? `${v.startLine}-${v.endLine}` : v), 1));
