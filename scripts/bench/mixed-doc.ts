/**
 * The 1 MB doc of mixed shapes both parse benches read: the style fixtures of tests/doc/styles
 * (front matter dropped), repeated under numbered titles until the text reaches 1 MB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const STYLES = fileURLToPath(new URL('../../tests/doc/styles/', import.meta.url));

export function mixedDocText(): string {
  const styleText = readdirSync(STYLES)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(path.join(STYLES, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
    .join('\n\n');
  const copies: string[] = [];
  for (let copy = 0, size = 0; size < 1_000_000; copy++) {
    const text = styleText.replace(/^# /gm, `# ${copy} `);
    copies.push(text);
    size += text.length + 2;
  }
  return copies.join('\n\n');
}
