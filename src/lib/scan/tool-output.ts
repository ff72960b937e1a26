/**
 * What ripgrep and git grep print (issue 22).
 *
 * ripgrep 13 prints for one file when its stdout is a pipe (no heading, no colour, no line
 * numbers unless -n): `[name:][n:]line`; `-c`/`--count-matches` print `[name:]N` for files with a
 * match only; `-l` the name. Binary files follow rg's own windows (binary-windows.ts). Lines with
 * invalid UTF-8 are printed as their raw bytes (rg has no encoding check).
 *
 * git grep 2.39 prints `name:[n:]line` (the name always, unless -h), `-c` counts for files with a
 * match only, and for a binary file (a NUL in its first 8000 bytes) "Binary file NAME matches",
 * counted as one line per matching line (git does not split lines at NUL). Lines with invalid
 * UTF-8 are printed as their raw bytes too.
 */
import type { FileScan } from './cache.js';
import type { GrepSource } from './command/pipeline.js';
import type { Row } from './output.js';
import type { SearchFile } from './walk.js';
import { GIT_BINARY_WINDOW, RG_BUFFER } from './binary-windows.js';
import type { LineHit } from './lines.js';
import { encodePath } from './tree/bytes.js';

export function toolFileOutput(src: GrepSource, f: SearchFile, scan: FileScan, withFilename: boolean): Row[] {
  const git = src.tool === 'git-grep';
  const binary = scan.binary && (!git || (scan.nulAt ?? 0) < GIT_BINARY_WINDOW);
  if (binary && git && src.skipBinary) return [];
  if (binary && !git && !f.explicit) return rgWalkedBinary(src, f, scan, withFilename);
  const hits = scan.hits;
  const first = hits[0];
  if (!first) return [];
  const { name, path } = f;
  if (src.filesWithMatches) return [{ text: name, path, hit: 0, line: first.line }];
  const prefix = withFilename ? `${name}:` : '';
  if (src.count || src.countMatches) {
    const n = src.countMatches ? hits.reduce((s, h) => s + (h.parts?.length ?? 0), 0) : hits.length;
    // A file with a selected line prints its count even when it is 0 (`rg --count-matches '$'` on
    // a last line without `\n`, whose only match rg drops).
    return [{ text: `${prefix}${n}`, path, hit: 0, line: first.line, count: n }];
  }
  if (binary && git) return [{ text: `Binary file ${name} matches`, path, hit: 0, line: first.line }];
  // rg's memory-mapped file: binary from the start (a NUL in its first 64 KiB), or at a matching line holding a NUL.
  const upfront = scan.binary && (scan.nulAt ?? 0) < RG_BUFFER;
  const rows: Row[] = [];
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k] as LineHit;
    if (!git && scan.binary && (upfront || h.nul)) {
      const at = upfront ? (scan.nulAt as number) : nulOffset(h);
      rows.push({ text: `${withFilename ? `${name}: ` : ''}binary file matches (found "\\0" byte around offset ${at})`, path, hit: k, line: h.line });
      break;
    }
    rows.push(...lineRows(src, h, k, path, prefix));
  }
  return rows;
}

/** A hit's output lines: the line's raw bytes, or its -o parts, after `[name:][n:]`. */
function lineRows(src: GrepSource, h: LineHit, k: number, path: string, prefix: string): Row[] {
  const head = `${prefix}${src.lineNumber ? `${h.line}:` : ''}`;
  return (h.parts ?? [h.raw ?? h.text]).map((text) => ({ text: head + text, path, hit: k, line: h.line }));
}

/** rg walking into a binary file: the lines it read before the NUL's read, then its warning (binary-windows.ts). */
function rgWalkedBinary(src: GrepSource, f: SearchFile, scan: FileScan, withFilename: boolean): Row[] {
  const before = scan.hits.filter((h) => (h.end ?? Infinity) < (scan.rgNulRead ?? 0));
  const first = before[0];
  if (!first || src.count || src.countMatches) return []; // rg squashes the count of a file it quit
  if (src.filesWithMatches) return [{ text: f.name, path: f.path, hit: 0, line: first.line }];
  const prefix = withFilename ? `${f.name}:` : '';
  const rows = before.flatMap((h, k) => lineRows(src, h, k, f.path, prefix));
  if (rows.length === 0) return rows;
  const warning = `${withFilename ? `${f.name}: ` : ''}WARNING: stopped searching binary file after match (found "\\0" byte around offset ${scan.nulAt})`;
  return [...rows, { text: warning, path: f.path, hit: null, line: null }];
}

/** The file offset of the NUL on a hit's line (rg reports it); the line's bytes end at `h.end`. */
function nulOffset(h: LineHit): number {
  const raw = h.raw ?? h.text;
  const start = (h.end ?? 0) - encodePath(raw).length;
  return start + encodePath(raw.slice(0, raw.indexOf('\0'))).length;
}
