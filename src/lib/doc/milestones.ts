/**
 * Milestones: "### Week 1 (Jan 19-25)" with a checklist of tasks ("Complete Task 3.1 (21 files)",
 * linked to categories 3.1.x once all are known) and an optional "**Target:** 26/76 files (34%)".
 * Short dates take the doc's start year.
 */
import { readBlocks } from './blocks.js';
import type { ParseContext } from './context.js';
import { looksLikeDate, parseDateRange } from './dates.js';
import { readFraction } from './fraction.js';
import { slugify } from './inline.js';
import type { Section } from './markdown.js';
import type { Milestone } from './model.js';
import { describeNode, reportUnplaced } from './unplaced.js';

/** "Week 1 (Jan 19-25)", "Sprint 3: Feb 2-8", "Milestone 2 — 2026-03-01": a milestone heading. */
export function isMilestoneHeading(title: string): boolean {
  return /^(week|sprint|milestone|phase|iteration|month)\s*\d+\b/i.test(title) && looksLikeDate(title);
}

const DATE_KEYS = new Set(['dates', 'date', 'due', 'deadline', 'when', 'target date', 'timeline']);

/** Reads one milestone section. */
export function readMilestone(section: Section, ctx: ParseContext): Milestone {
  const line = section.source.startLine;
  const paren = /^(.*?)\s*[(:\-–—]\s*([^()]*)\)?\s*$/.exec(section.title);
  const dateText = paren && looksLikeDate(paren[2] ?? '') ? (paren[2] ?? '') : section.title;
  const title = paren && looksLikeDate(paren[2] ?? '') ? (paren[1] ?? section.title).trim() : section.title;
  const milestone: Milestone = {
    id: uniqueId(slugify(title), ctx),
    title,
    startDate: null,
    endDate: null,
    target: null,
    targetText: null,
    tasks: [],
    source: section.source,
  };
  applyDates(milestone, dateText, line, ctx);
  const refs: string[][] = [];
  for (const entry of readBlocks(section.blocks, ctx.text)) {
    if (entry.kind === 'item') {
      milestone.tasks.push({ text: entry.line.text, checked: entry.line.checked === true, categoryIds: [], source: entry.line.source });
      refs.push(taskRefs(entry.line.text));
    } else if (entry.kind === 'field') {
      if (entry.field.norm === 'target' || entry.field.norm === 'goal') {
        milestone.targetText = entry.field.value;
        milestone.target = readFraction(entry.field.value);
        if (milestone.target === null) ctx.sink.info('doc/no-target', `The target "${entry.field.value}" of ${title} has no "done/total" figure; it is kept as text only.`, entry.field.line);
      } else if (DATE_KEYS.has(entry.field.norm)) {
        applyDates(milestone, entry.field.value, entry.field.line, ctx);
      }
    } else if (entry.kind !== 'break') {
      reportUnplaced(entry.node, `${describeNode(entry.node)} under milestone ${title}`, ctx);
    }
  }
  ctx.milestones.push(milestone);
  ctx.pendingTaskRefs.push({ milestone, refs });
  return milestone;
}

/** "Task 3.1" → ["3.1"]; "Tasks 2.1-2.3" → ["2.1", "2.2", "2.3"]; "Tasks 1.1, 1.2" → both. */
export function taskRefs(text: string): string[] {
  const refs: string[] = [];
  for (const match of text.matchAll(/\bTasks?\s+((?:\d+(?:\.\d+)*)(?:\s*(?:,|and|&|-|–|to)\s*\d+(?:\.\d+)*)*)/gi)) {
    const list = match[1] ?? '';
    for (const part of list.split(/\s*(?:,|and|&)\s*/)) {
      const range = /^(\d+(?:\.\d+)*)\s*(?:-|–|to)\s*(\d+(?:\.\d+)*)$/.exec(part);
      if (!range) {
        if (part !== '') refs.push(part);
        continue;
      }
      refs.push(...expandRange(range[1] ?? '', range[2] ?? ''));
    }
  }
  return refs;
}

/** "2.1"-"2.3" → 2.1, 2.2, 2.3 when both share a prefix and the range is small; else both ends. */
function expandRange(first: string, last: string): string[] {
  const head = first.split('.');
  const tail = last.split('.');
  const from = Number(head.pop());
  const to = Number(tail.pop());
  if (head.join('.') !== tail.join('.') || !(to >= from) || to - from > 100) return [first, last];
  const prefix = head.length > 0 ? `${head.join('.')}.` : '';
  return Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${from + index}`);
}

function applyDates(milestone: Milestone, text: string, line: number, ctx: ParseContext): void {
  if (!looksLikeDate(text)) return;
  const range = parseDateRange(text, ctx.header.startDate);
  if (range && (range.start !== null || range.end !== null)) {
    milestone.startDate = range.start;
    milestone.endDate = range.end;
    return;
  }
  const why = ctx.header.startDate === null ? ' (the doc has no Start Date to take the year from)' : '';
  ctx.sink.warning('doc/bad-date', `The dates "${text}" of milestone ${milestone.title} could not be read${why}.`, line);
}

function uniqueId(base: string, ctx: ParseContext): string {
  let id = base;
  for (let n = 2; ctx.milestones.some((milestone) => milestone.id === id); n++) id = `${base}-${n}`;
  return id;
}

/** Links "Complete Task 3.1" to categories 3.1, 3.1.1, 3.1.2 … once every category is known. */
export function resolveMilestoneTasks(ctx: ParseContext): void {
  for (const { milestone, refs } of ctx.pendingTaskRefs) {
    for (const [index, task] of milestone.tasks.entries()) {
      const ids = new Set<string>();
      for (const ref of refs[index] ?? []) {
        for (const category of ctx.categories) if (category.id === ref || category.id.startsWith(`${ref}.`)) ids.add(category.id);
      }
      task.categoryIds = [...ids];
    }
  }
}
