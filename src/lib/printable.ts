/**
 * Messages quote what the user's files hold (a garbage history file's first bytes, a doc's text,
 * a file name). Written raw to a terminal, control bytes in them would clear the screen, move the
 * cursor or hide the rest of the line (ESC sequences, \r, \b), and a NUL ends some CI log viewers'
 * line. Every C0 and C1 control except the line break is shown as an escape instead (issue 20).
 */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** `text` with control characters other than "\n" written as `\xNN` (so `\x1b[31m` shows as text). */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** {@link printable}, with line breaks escaped too: for text quoted inside a one-line message. */
export function printableLine(text: string): string {
  return printable(text).replace(/\n/g, '\\n');
}

const CONTROL_BUT_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** {@link printable}, keeping tabs: for a file's lines quoted whole, such as `migratrack sync`'s diff. */
export function printableText(text: string): string {
  return text.replace(CONTROL_BUT_TAB, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
