/**
 * What a section is to the generic readers: ignored (legends, risks, summaries, doc-level success
 * criteria…), a status section whose heading gives its plain lines a status ("## Completed",
 * "### ✅ COMPLETED (8 files)", "## Next Steps", "🔄 REMAINING"), or a grouping heading
 * ("Phase 2", "Week 3", "Step 1") that names a category.
 */
import type { DeclaredStatus } from '../model.js';
import type { OutlineSection } from '../outline.js';
import { readStatus } from '../status.js';
import { onFoldedCase, type TextPattern } from '../ascii-twin.js';
import { stripLeadingDecoration } from '../inline.js';
import { boundedMemo } from '../memo.js';

/** Sections whose lines and rows are never items, with the reason `explain` gives. */
const IGNORED: ReadonlyArray<[TextPattern, string]> = [
  [/\blegend\b|\bstatus\s+(codes?|key)\b/i, 'a legend'],
  [subject('risks?(\\s+.*)?|.*\\brisks?(\\s+\\w+)?|mitigation(\\s+.*)?|high-risk\\s+areas'), 'a risk table or list'],
  [subject('issues?\\s+(tracking|log|tracker)|known\\s+issues|troubleshooting|faq|common\\s+issues(\\s+&\\s+solutions)?'), 'an issue list'],
  [/\bbuild\s+status\b|\bci\s+status\b|\btest\s+results?\b/i, 'build status lines'],
  [subject('(\\w+\\s+){0,2}(summary|dashboard|totals?|statistics|overview|at\\s+a\\s+glance)|summary\\s+of\\s+.*|quality\\s+metrics(\\s+tracking)?'), 'a summary that repeats the items'],
  [/\bversion\s+history\b|\bchange\s*log\b|\brevision\s+history\b|\bprogress\s+log\b/i, 'a history log'],
  [subject('(additional\\s+)?(references?|resources|glossary|(table\\s+of\\s+)?contents|time\\s+tracking|roles(\\s+and\\s+responsibilities)?|team(\\s+members?)?(\\s+assignments)?|recommended\\s+actions|recommendations)|.*discrepanc.*'), 'reference material'],
];

/**
 * A heading whose whole title (decoration, numbering and a trailing note in parentheses aside) is
 * `words`; run as a cheaper `u` pattern on the title's folded case (ascii-twin.ts, issue 21).
 */
function subject(words: string): TextPattern {
  return onFoldedCase(new RegExp(`^(?:[\\p{Extended_Pictographic}\\uFE0F\\s]*)(?:\\d+(?:\\.\\d+)*[.)]?\\s+)?(?:${words})\\s*:?\\s*(?:\\(.*\\))?$`, 'iu'));
}

/** Criteria at the doc's top level restate the goal; inside a phase they are its deliverables. */
const CRITERIA = /\b(success\s+criteria|acceptance\s+criteria|exit\s+criteria|definition\s+of\s+done|sign[\s-]?off)\b/i;

/**
 * What a title says about being read, remembered per title: every section asks it of each of its
 * ancestors, and the unicode patterns cost ≈ 10 µs per title (issue 17: ≈ 60 ms of a 1 MB doc).
 * `why`: the IGNORED reason it matches; `criteria`: it names success criteria.
 */
const titleReading = boundedMemo((title: string): { why: string | null; criteria: boolean } => {
  for (const [pattern, why] of IGNORED) if (pattern.test(title)) return { why, criteria: false };
  return { why: null, criteria: CRITERIA.test(title) };
});

/** Why a section is ignored, or null when it is read. Ancestors count: a summary's sub-sections too. */
export function ignoredBecause(section: OutlineSection, ignoreSections: readonly string[] = []): string | null {
  for (let at: OutlineSection | null = section; at !== null && at.depth > 0; at = at.parent) {
    const title = at.title;
    if (ignoreSections.length > 0) {
      const lower = title.toLowerCase();
      if (ignoreSections.some((words) => lower.includes(words))) return `it is under "${title}", which the config's reading.ignoreSections skips`;
    }
    const reading = titleReading(title);
    if (reading.why !== null) return `it is under "${title}", ${reading.why}`;
    if (reading.criteria && (at.parent === null || at.parent.depth <= 1)) return `it is under "${title}", the doc's success criteria`;
  }
  return null;
}

const STATUS_SECTION = /^(completed?|done|finished|in[\s-]progress|wip|ongoing|current\s+work|next\s+steps?|next\s+up|next\s*:?$|up\s+next|to[\s-]?do|todo|pending|remaining|not\s+started|backlog|blocked|on\s+hold|planned|skipped|won'?t\s+do|out\s+of\s+scope|conclu[ií]d[oa]s?|pendentes?|em\s+andamento|a\s+fazer)\b/i;

/** The status a section's heading gives its plain lines, or null when its heading names none. */
export function sectionStatus(section: OutlineSection): DeclaredStatus | null {
  return section.depth === 0 ? null : titleStatus(section.title);
}

/** Remembered per title: each section asks it of all its ancestors (see ignoredTitles). */
const titleStatus = boundedMemo((sectionTitle: string): DeclaredStatus | null => {
  const title = stripLeadingDecoration(sectionTitle).replace(/^[\s\p{Extended_Pictographic}\uFE0F]+/u, '');
  const match = STATUS_SECTION.exec(title);
  if (!match) return null;
  const read = readStatus(match[0]).status.status;
  if (read !== 'unknown') return read;
  // "Next Steps", "Remaining", "Up next", "Current work": words the item vocabulary leaves alone.
  return /^current/i.test(match[0]) ? 'in-progress' : 'not-started';
});

const GROUPING = /^(phase|stage|step|week|sprint|milestone|part|iteration|wave|tier|priority|fase|etapa|semana|passo|level|round|batch|day|month)\s*#?\s*(\d+|[ivx]+\b|[a-z]\b)/i;

/** True for a heading that names a unit of the plan ("Phase 2: …", "Week 3", "Step 1 —"). */
export function isGroupingHeading(section: OutlineSection): boolean {
  return GROUPING.test(stripLeadingDecoration(section.title).replace(/^[\s\p{Extended_Pictographic}\uFE0F]+/u, ''));
}
