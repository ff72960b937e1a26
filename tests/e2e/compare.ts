/** Compares two build outputs file by file: the differences, as relative paths. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** Paths that exist in only one tree or whose bytes differ. */
export function compareTrees(a: string, b: string): string[] {
  const left = files(a);
  const right = new Set(files(b));
  const diffs: string[] = [];
  for (const f of left) {
    if (!right.delete(f)) diffs.push(`only in first: ${f}`);
    else if (!readFileSync(join(a, f)).equals(readFileSync(join(b, f)))) diffs.push(`differs: ${f}`);
  }
  for (const f of right) diffs.push(`only in second: ${f}`);
  return diffs;
}
