/** The unified diff `migratrack sync` prints, by jsdiff (the `diff` package, pinned). */
import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of the doc before and after, as `git diff` would label it, or '' when nothing
 * changes. Both sides are shown as their bytes read (a mojibake'd doc's diff shows its mojibake).
 */
export function unifiedDiff(docPath: string, before: Buffer, after: Buffer): string {
  if (before.equals(after)) return '';
  return createTwoFilesPatch(`a/${docPath}`, `b/${docPath}`, before.toString('utf8'), after.toString('utf8'), undefined, undefined, { context: 3 });
}
