/**
 * Independent readings of the tracking doc for the pipeline tests: plain line regexes over the
 * markdown, sharing no code with src/lib/doc. They assume the seed doc's layout and throw when the
 * doc leaves it, rather than guess.
 */

export interface DeclaredCounts {
  slots: number;
  done: number;
  inProgress: number;
  notStarted: number;
  blocked: number;
}

type Bucket = 'done' | 'inProgress' | 'notStarted' | 'blocked';

function bucketOf(status: string): Bucket {
  if (status.startsWith('✅')) return 'done';
  if (status.startsWith('⚠️') || status.startsWith('🟡')) return 'inProgress';
  if (status.startsWith('⚪')) return 'notStarted';
  if (/^(🔴|⛔|❌|🚫)/u.test(status)) return 'blocked';
  throw new Error(`doc oracle: unknown status "${status}"`);
}

const CATEGORY = /^## .*Task (\d+(?:\.\d+)*):/;
const ENTRY = /^#{3,4} File (\d+): /;
const GROUP = /^#{3,4} Files? (\d+)-(\d+):/;
const HEADING = /^#{2,4} /;
const STATUS = /^- \*\*Status:\*\* (.+)$/;
/** A group's list line: "1. phase2_to_phase3/main.py ✅" or "- scrapers/x.py" (column 0 only). */
const LIST_LINE = /^(\d+\. |- )[^*\s].*\.py( ✅)?$/;

/** Declared statuses per category id, counted from the doc's text. */
export function declaredByCategory(doc: string): Map<string, DeclaredCounts> {
  const lines = doc.split('\n');
  const out = new Map<string, DeclaredCounts>();
  let current: DeclaredCounts | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const category = CATEGORY.exec(line);
    if (category) {
      current = { slots: 0, done: 0, inProgress: 0, notStarted: 0, blocked: 0 };
      out.set(category[1]!, current);
      continue;
    }
    if (/^## /.test(line)) current = null;
    if (!current) continue;
    const entry = ENTRY.exec(line);
    const group = GROUP.exec(line);
    if (!entry && !group) continue;
    const end = nextHeading(lines, i);
    const status = lines.slice(i + 1, end).map((l) => STATUS.exec(l)?.[1]).find((s) => s !== undefined);
    if (status === undefined) throw new Error(`doc oracle: no status under "${line}"`);
    if (entry) {
      current.slots += 1;
      current[bucketOf(status)] += 1;
      continue;
    }
    const size = Number(group![2]) - Number(group![1]) + 1;
    const listed = lines.slice(i + 1, end).filter((l) => LIST_LINE.test(l));
    if (listed.length !== size) throw new Error(`doc oracle: "${line}" lists ${listed.length} files for ${size} slots`);
    const ticked = listed.filter((l) => l.endsWith(' ✅')).length;
    const rest = bucketOf(status);
    if (rest === 'done' && ticked !== size) throw new Error(`doc oracle: "${line}" is ✅ with ${size - ticked} unticked files`);
    current.slots += size;
    current.done += ticked;
    current[rest] += size - ticked;
  }
  return out;
}

function nextHeading(lines: readonly string[], from: number): number {
  const offset = lines.slice(from + 1).findIndex((l) => HEADING.test(l));
  return offset < 0 ? lines.length : from + 1 + offset;
}

/** The lines of a `## ` section whose heading contains `title` (heading excluded). */
export function section(doc: string, title: RegExp): string[] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => /^## /.test(l) && title.test(l));
  if (start < 0) throw new Error(`doc oracle: no section ${title}`);
  const offset = lines.slice(start + 1).findIndex((l) => /^## /.test(l));
  return lines.slice(start + 1, offset < 0 ? undefined : start + 1 + offset);
}

/** `grep …` command lines written in a section. */
export function grepLines(lines: readonly string[]): string[] {
  return lines.filter((l) => /^grep /.test(l));
}

/** The first double-quoted argument of a grep command: its pattern, as written (BRE). */
export function patternOf(command: string): string {
  const m = /^grep (?:-\w+ )*"((?:[^"\\]|\\.)*)"/.exec(command);
  if (!m) throw new Error(`doc oracle: no quoted pattern in ${command}`);
  return m[1]!;
}
