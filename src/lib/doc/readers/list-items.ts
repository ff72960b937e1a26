/**
 * List lines as items: GFM task lines (`- [ ]`, `[x]`, `[ X ]`, `[/]`, `[-]` …), lines led by a
 * status mark (✅ 🔄 ⏳ ❌ …, numbered or not), and plain lines under a status section
 * ("## Next Steps"). Nested boxes are sub-steps that give their parent a fraction, except under
 * parents that only name a file or package (see nestedAreSteps).
 */
import type { ChecklistEntry, DeclaredStatus } from '../model.js';
import type { OutlineListLine, OutlineSection } from '../outline.js';
import { boxStatus, isLegendLine, markStatus } from './marks.js';
import { keyOf, nameOf, pathsOf, spanOf, type Candidate, type ReaderContext } from './candidate.js';

/** A count of files in a line ("✅ tests/api (10 files)") summarises a group; it is not an item. */
const GROUP_COUNT = /\(\s*(?:all\s+)?\d+\s+(?:[\w-]+\s+)?files?\b/i;
/** `a.js → a.ts`, `a -> b` (code spans already unwrapped in the plain text). */
const RENAME_LINE = /^(\S+)\s*(?:→|->|=>|⇒)\s*(\S+)/u;
/** Lines shaped like a path alone (or a path, then a separator and a note). */
const PATH_LINE = /^([^\s]+?)(?:\s*(?:[-–—:]\s+.*|\(.*\)))?$/u;

export interface ListScope {
  section: OutlineSection;
  /** The status the nearest status section gives plain lines, or null. */
  sectionStatus: DeclaredStatus | null;
  /** The heading titles above the list, for duplicate keys. */
  chain: string[];
}

/** Reads one list's lines into candidates (and notes why marked lines were left out). */
export function readListLines(lines: readonly OutlineListLine[], scope: ListScope, ctx: ReaderContext): Candidate[] {
  const out: Candidate[] = [];
  const asSteps = nestedAreSteps(lines);
  for (const line of lines) readLine(line, scope, [], asSteps, ctx, out);
  return out;
}

function readLine(line: OutlineListLine, scope: ListScope, parents: string[], asSteps: boolean, ctx: ReaderContext, out: Candidate[]): void {
  if (isLegendLine(line)) return;
  const marked = line.box !== null || (line.lead !== null && markStatus(line.lead.text, ctx.legend) !== null);
  if (marked && line.box === null && GROUP_COUNT.test(line.text)) {
    ctx.unread.push({ line: line.line, text: line.text, why: 'a count of files summarises a group, it is not an item' });
    return;
  }
  const plainItem = !marked && scope.sectionStatus !== null && line.field === null && line.text !== '';
  if (!marked && !plainItem) {
    if (line.lead !== null || looksLikePath(line)) {
      ctx.unread.push({ line: line.line, text: line.text, why: 'a list line with no status mark, outside any status section' });
    }
    return;
  }
  const candidate = lineCandidate(line, scope, parents, ctx);
  out.push(candidate);
  const markedChildren = line.children.filter((child) => child.box !== null || child.lead !== null);
  if (markedChildren.length > 0 && asSteps) {
    candidate.checklist = markedChildren.map((child) => step(child, ctx));
  } else {
    for (const child of line.children) {
      if (child.box !== null || child.lead !== null) readLine(child, scope, [...parents, candidate.name], nestedAreSteps(line.children), ctx, out);
      else if (child.text !== '') candidate.notes.push(child.text);
    }
  }
}

function lineCandidate(line: OutlineListLine, scope: ListScope, parents: string[], ctx: ReaderContext): Candidate {
  const box = line.box !== null ? boxStatus(line.box.text, ctx.legend) : null;
  const lead = line.lead !== null ? markStatus(line.lead.text, ctx.legend) : null;
  // A ticked box is final (unless the mark says skipped); an open box defers to a status mark.
  const useLead = lead !== null && (box === null || box.status !== 'done' || lead.status === 'skipped');
  const status: DeclaredStatus = useLead ? lead.status : (box?.status ?? scope.sectionStatus ?? 'unknown');
  const mark = useLead ? line.lead : line.box;
  const statusFrom = useLead ? 'mark' : box !== null ? 'checkbox' : 'section';
  const pair = RENAME_LINE.exec(line.text);
  const texts = [
    ...(pair ? [{ text: `${pair[1]} → ${pair[2]}`, delimited: false }] : []),
    ...line.codeSpans.map((text) => ({ text, delimited: true })),
    ...line.links.filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link.url) && !link.url.startsWith('#')).map((link) => ({ text: link.url, delimited: true })),
    ...(looksLikePath(line) ? [{ text: PATH_LINE.exec(line.text)?.[1] ?? '', delimited: false }] : []),
  ];
  const { paths, rename } = pathsOf(texts, line.line, ctx);
  const path = rename?.from ?? paths[0] ?? null;
  const name = nameOf(line.text);
  return {
    reader: line.box !== null ? 'task-line' : lead !== null ? 'status-line' : 'section-line',
    name,
    path,
    inheritedPath: null,
    renameTo: rename?.to ?? null,
    status: { status, raw: mark?.text ?? '', each: false },
    statusFrom,
    byLegend: useLead ? lead.byLegend : (box?.byLegend ?? false),
    statusSpan: spanOf(ctx, mark),
    checklist: [],
    notes: [],
    line: line.line,
    endLine: line.line,
    section: scope.section,
    key: keyOf(path, [...scope.chain, ...parents], name),
  };
}

function step(line: OutlineListLine, ctx: ReaderContext): ChecklistEntry {
  const status = line.box !== null ? boxStatus(line.box.text, ctx.legend).status : (markStatus(line.lead?.text ?? '', ctx.legend)?.status ?? 'unknown');
  return { text: line.text, checked: status === 'done', codeSpans: line.codeSpans, source: { startLine: line.line, endLine: line.line } };
}

function looksLikePath(line: OutlineListLine): boolean {
  const head = PATH_LINE.exec(line.text)?.[1];
  return head !== undefined && line.codeSpans.length === 0 && /[/\\]|\.\w{1,8}$/.test(head) && !/:$/.test(head);
}

/**
 * Nested marked lines are sub-steps of the line above (issue 17): they give it a fraction. The one
 * exception is a list whose parents only name where the work happened (a file or package alone:
 * one token, no words) with different changes under each, as an upgrade log lists "tsconfig.json"
 * and the settings changed in it: there each nested box is an item of its own. Steps repeated
 * under several parents (a procedure per item) are sub-steps whatever the parents say.
 */
function nestedAreSteps(lines: readonly OutlineListLine[]): boolean {
  const parents = lines.filter((line) => line.children.some(isMarked));
  if (parents.length <= 1 || !parents.every(namesAPlace)) return true;
  const seen = new Map<string, number>();
  let total = 0;
  for (const parent of parents) {
    const texts = new Set(parent.children.filter(isMarked).map((child) => child.text.toLowerCase()));
    for (const text of texts) seen.set(text, (seen.get(text) ?? 0) + 1);
    total += texts.size;
  }
  const repeated = [...seen.values()].filter((count) => count > 1).reduce((sum, count) => sum + count, 0);
  return repeated / Math.max(1, total) >= 0.3;
}

function isMarked(line: OutlineListLine): boolean {
  return line.box !== null || line.lead !== null;
}

/** A line that is one token (a path, a file or a package name), not a task described in words. */
function namesAPlace(line: OutlineListLine): boolean {
  return /^\S+$/.test(line.text.trim());
}
