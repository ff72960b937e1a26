/**
 * Throwaway git repositories with fixed dates for tests (after Starlight's
 * `__tests__/git-utils.ts` makeTestRepo). Deterministic: same input, same shas.
 */
import { writeRepo, type ImportCommit, type Person } from '../../src/lib/demo/index.js';

/** One commit: `files` maps a path to its new content, or to null to delete it. */
export interface TestCommit {
  /** "2026-01-19" (noon UTC), "2026-01-19T09:30" (UTC) or a full ISO time with offset. */
  date: string;
  message: string;
  files: Record<string, string | Uint8Array | null>;
  author?: Person;
}

/** Author and committer of every test commit unless a commit names its own author. */
export const TEST_AUTHOR: Person = { name: 'Test Author', email: 'test@migratrack.invalid' };

function isoDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T12:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(date)) return `${date}Z`;
  return date;
}

/**
 * Creates a git repo at `dir` (must not exist or be empty) with `commits` in order on `main`,
 * checks out the last one and returns the commit shas in the same order.
 */
export async function makeTestRepo(
  dir: string,
  commits: readonly TestCommit[],
): Promise<{ root: string; shas: string[] }> {
  const stream: ImportCommit[] = commits.map((c, i) => ({
    branch: 'main',
    mark: i + 1,
    author: c.author ?? TEST_AUTHOR,
    committer: TEST_AUTHOR,
    date: isoDate(c.date),
    message: c.message,
    changes: Object.entries(c.files).map(([path, content]) => ({ path, content })),
  }));
  const marks = await writeRepo(dir, stream);
  return { root: dir, shas: stream.map((c) => marks.get(c.mark)!) };
}
