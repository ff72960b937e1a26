/**
 * Diagnostics are how every stage reports partly-bad input without stopping: a sentence a person
 * understands, pointing at the file and line it concerns. They flow into the snapshot and the site.
 */
import * as z from 'zod/v4';
import { Int, Count } from './schema-numbers.js';

/** 1-based inclusive line range in a source file (the doc, usually). */
export const SourceRange = z.object({
  startLine: Count,
  endLine: Count,
});
export type SourceRange = z.infer<typeof SourceRange>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Diagnostic = z.object({
  severity: Severity,
  /** Stable machine-readable kind, e.g. "doc/unknown-status", "scan/unsupported-command". */
  code: z.string(),
  message: z.string(),
  /** File the diagnostic concerns (the doc path, or a repo path), repo-relative when possible. */
  file: z.string().nullable(),
  line: Int.nullable(),
  column: Int.nullable(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** Builds a diagnostic with the optional location fields defaulted to null. */
export function diagnostic(
  severity: Severity,
  code: string,
  message: string,
  where: { file?: string | null; line?: number | null; column?: number | null } = {},
): Diagnostic {
  return { severity, code, message, file: where.file ?? null, line: where.line ?? null, column: where.column ?? null };
}
