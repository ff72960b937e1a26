/**
 * Collects the parser's diagnostics for one doc, so each stage of the parser reports with one call
 * and every diagnostic carries the doc path.
 */
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics.js';

/** Diagnostics of one doc, each stamped with the doc path and a line (column 1 when unknown). */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  add(severity: Severity, code: string, message: string, line: number | null, column: number | null = null): void {
    this.diagnostics.push(diagnostic(severity, code, message, { file: this.file, line, column: line === null ? null : (column ?? 1) }));
  }

  error(code: string, message: string, line: number | null, column?: number | null): void {
    this.add('error', code, message, line, column ?? null);
  }

  warning(code: string, message: string, line: number | null, column?: number | null): void {
    this.add('warning', code, message, line, column ?? null);
  }

  info(code: string, message: string, line: number | null, column?: number | null): void {
    this.add('info', code, message, line, column ?? null);
  }
}
