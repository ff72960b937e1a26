/**
 * A tracked file's text as the checks see it, and the Match records (with context) they report.
 */
import type { Match } from '../snapshot/schema.js';
import { findPythonImports, type PythonImport } from './python-imports.js';

/** Lines of context kept on each side of a match, for the file pages. */
export const CONTEXT_LINES = 2;

/** One file's content, split once, with its imports parsed lazily. */
export interface FileText {
  path: string;
  /** The bytes, as the scanner matches them (grep's line and binary rules). */
  bytes: Buffer;
  lines: readonly string[];
  imports(): readonly PythonImport[];
}

/** Wraps file bytes. Lines split as grep does: on `\n`, a trailing newline ends the last line. */
export function fileText(path: string, bytes: Buffer | string): FileText {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const lines = buffer.toString('utf8').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let imports: PythonImport[] | null = null;
  return {
    path,
    bytes: buffer,
    lines,
    imports: () => (imports ??= findPythonImports(lines)),
  };
}

/** A Match for 1-based `line` of the file, with context. */
export function matchAt(file: FileText, line: number): Match {
  const index = line - 1;
  return {
    path: file.path,
    line,
    text: stripCr(file.lines[index] ?? ''),
    before: file.lines.slice(Math.max(0, index - CONTEXT_LINES), index).map(stripCr),
    after: file.lines.slice(index + 1, index + 1 + CONTEXT_LINES).map(stripCr),
  };
}

/** "line 41" / "lines 41, 88" / "lines 1, 2, … (14 in all)". */
export function describeLines(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 8).join(', ');
  return lines.length > 8 ? `lines ${shown}, … (${lines.length} in all)` : `lines ${shown}`;
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
