/**
 * The one error type for problems the user can fix (bad flag, missing file, corrupt history).
 * The CLI prints its message on one line and exits with `exitCode`; anything else is a bug (exit 3).
 */
export type ErrorCode = 'usage' | 'input' | 'check-failed';

const EXIT_CODES: Record<ErrorCode, number> = { usage: 2, input: 2, 'check-failed': 1 };

export class MigratrackError extends Error {
  readonly code: ErrorCode;
  readonly file: string | null;
  readonly line: number | null;

  constructor(code: ErrorCode, message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'MigratrackError';
    this.code = code;
    this.file = where.file ?? null;
    this.line = where.line ?? null;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export function isMigratrackError(error: unknown): error is MigratrackError {
  return error instanceof MigratrackError;
}
