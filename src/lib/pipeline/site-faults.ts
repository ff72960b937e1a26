/**
 * A fault while rendering the site (a full disk, a read-only mount, a folder the user cannot
 * write, Astro failing on a note) as one line naming the cause and what to do (issue 20: Astro's
 * whole log used to bury the cause). The site was built in a temporary folder, so whatever the
 * fault, the previous site and the history file are as they were.
 */
import { MigratrackError, isMigratrackError } from '../errors.js';

/** `astro build` exited non-zero with this output (both empty with --verbose: it was shown). */
export class AstroBuildFailure extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`astro build failed (exit ${exitCode})`);
    this.name = 'AstroBuildFailure';
  }
}

/** What each system error means for the user, and what to do about it. */
const ERRNO_ADVICE: Record<string, string> = {
  ENOSPC: 'no space left on the device (ENOSPC); free some space or choose an --out on another disk, then build again',
  EDQUOT: 'the disk quota is exhausted (EDQUOT); free some space or choose an --out on another disk, then build again',
  EROFS: 'the file system is read-only (EROFS); choose an --out on a writable disk',
  EACCES: 'permission denied (EACCES); make the folder writable for this user or choose another --out',
  EPERM: 'the operation is not permitted (EPERM); make the folder writable for this user or choose another --out',
  ENOTDIR: 'a file is in the way where a folder is needed (ENOTDIR); choose another --out',
  EMFILE: 'too many open files (EMFILE); raise the limit (ulimit -n) and build again',
  ENFILE: 'too many open files on the system (ENFILE); close some programs and build again',
  EIO: 'an input/output error on the disk (EIO); check the disk and build again',
};

const KEPT = 'the previous site and the history are unchanged';

/** The error to show for a fault while rendering into `outDir`. */
export function siteFault(error: unknown, outDir: string): Error {
  if (isMigratrackError(error)) return error;
  const where = `could not write the site to ${outDir}`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code in ERRNO_ADVICE) return new MigratrackError('input', `${where}: ${ERRNO_ADVICE[code]} (${KEPT})`, { file: outDir });
  if (error instanceof AstroBuildFailure) return new MigratrackError('input', `${astroCause(error.stdout, error.stderr)} (${KEPT})`, { file: outDir });
  if (typeof code === 'string') return new MigratrackError('input', `${where}: ${(error as Error).message} (${KEPT})`, { file: outDir });
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * One line for what made Astro fail, from its output: a system error it met (by errno), else the
 * error it printed on stderr (a page's thrown message, such as a note's bad frontmatter, comes
 * first there, before its "Location:" and "Stack trace:"), else its first error line on stdout.
 */
export function astroCause(stdout: string, stderr: string): string {
  const err = stripAnsi(stderr);
  const out = stripAnsi(stdout);
  const errno = /\b(E[A-Z]{2,7}):/.exec(`${err}\n${out}`)?.[1];
  if (errno !== undefined && errno in ERRNO_ADVICE) return `could not render the site: ${ERRNO_ADVICE[errno]}`;
  // Node's report of an uncaught error ("<file>:<line>", the source line, "^", then
  // "MigratrackError: <message>" and its stack) or Astro's ("<message>", then "Stack trace:").
  const uncaught = /^MigratrackError: ([\s\S]*?)(?=^\s+at |^\s*(?:Location|Stack trace):|$(?![\s\S]))/m.exec(err)?.[1];
  const thrown = uncaught ?? err.split(/^\s*(?:Location|Stack trace|Hint|Error reference):/m)[0]?.replace(/^.*?\[ERROR\]\s*/s, '') ?? '';
  if (thrown.trim() !== '') return `could not render the site: ${oneLine(thrown)}`;
  const first = out.split('\n').find((line) => /\[ERROR\]|\berror\b/i.test(line));
  const said = first === undefined ? 'astro build failed with no message' : oneLine(first.replace(/^.*?\[ERROR\]\s*/, ''));
  return `could not render the site: ${said}; run again with --verbose to see Astro's whole output`;
}

/** Lines joined with "; ", control characters dropped, at most 400 characters. */
function oneLine(text: string): string {
  const flat = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ')
    .replace(/:; /g, ': ')
    .replace(/[\u0000-\u001f\u007f]/g, '');
  return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}
