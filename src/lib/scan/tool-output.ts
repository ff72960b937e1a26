/**
 * What ripgrep and git grep print (issue 22).
 *
 * ripgrep 13 prints for one file when its stdout is a pipe (no heading, no colour, no line
 * numbers unless -n): `[name:][n:]line`; `-c`/`--count-matches` print `[name:]N` for files with a
 * match only; `-l` the name. A binary file found by the walk is skipped silently; one named on the
 * command line is searched (NULs as line ends) and, when rg would print lines, gives one
 * "binary file matches" line instead. Lines with invalid UTF-8 are printed (rg has no encoding
 * check; we print U+FFFD for the bad bytes).
 *
 * git grep 2.39 prints `name:[n:]line` (the name always, unless -h), `-c` counts for files with a
 * match only, and for a binary file (a NUL byte) "Binary file NAME matches", counted as one line per
 * matching line (git does not split lines at NUL). Lines with invalid UTF-8 are printed too.
 */
import type { FileScan } from './cache.js';
import type { GrepSource } from './command/pipeline.js';
import type { Row } from './output.js';
import type { SearchFile } from './walk.js';

export function toolFileOutput(src: GrepSource, f: SearchFile, scan: FileScan, withFilename: boolean): Row[] {
  const git = src.tool === 'git-grep';
  if (scan.binary && (git ? src.skipBinary : !f.explicit)) return [];
  const hits = scan.hits;
  const first = hits[0];
  if (!first) return [];
  const { name, path } = f;
  if (src.filesWithMatches) return [{ text: name, path, hit: 0, line: first.line }];
  const prefix = withFilename ? `${name}:` : '';
  if (src.count || src.countMatches) {
    const n = src.countMatches ? hits.reduce((s, h) => s + (h.parts?.length ?? 0), 0) : scan.binary ? new Set(hits.map((h) => h.line)).size : hits.length;
    return n === 0 ? [] : [{ text: `${prefix}${n}`, path, hit: 0, line: first.line, count: n }];
  }
  if (scan.binary) return [{ text: git ? `Binary file ${name} matches` : `${name}: binary file matches`, path, hit: 0, line: first.line }];
  const rows: Row[] = [];
  hits.forEach((h, k) => {
    const head = `${prefix}${src.lineNumber ? `${h.line}:` : ''}`;
    for (const text of h.parts ?? [h.text]) rows.push({ text: head + text, path, hit: k, line: h.line });
  });
  return rows;
}
