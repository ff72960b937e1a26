/**
 * Marks: checkboxes (`[ ]`, `[x]`, `[/]`, `[-]`, `[~]`, `[>]`, `[!]`) and leading status emoji, read
 * with the default vocabulary (doc/status.ts) or, where the doc has one, its legend
 * ("⏳ = pending", "[⚠️] = blocked", a table of marks and their meanings).
 */
import type { DeclaredStatus } from '../model.js';
import type { OutlineBlock, OutlineListLine, OutlineSection } from '../outline.js';
import { sectionsOf } from '../outline.js';
import { EMOJI_STATUS, readStatus, readWordStatus } from '../status.js';

/** A doc's own meanings for marks, keyed by the mark without variation selectors. */
export type Legend = Map<string, DeclaredStatus>;

const BOX_STATUS: Record<string, DeclaredStatus> = {
  '': 'not-started',
  x: 'done',
  '✓': 'done',
  '✔': 'done',
  '/': 'in-progress',
  '~': 'in-progress',
  '-': 'skipped',
  '>': 'not-started',
  '!': 'blocked',
};

/** `[x]` → "x", `[ ]` → "" (the mark inside the box, lower-cased). */
export function boxKey(box: string): string {
  return box.replace(/^\[|\]$/g, '').trim().toLowerCase();
}

export function normaliseMark(mark: string): string {
  return mark.replace(/[\uFE0F\u20E3\s]/g, '');
}

/** The status a box gives, the legend's meaning first. */
export function boxStatus(box: string, legend: Legend): { status: DeclaredStatus; byLegend: boolean } {
  const key = boxKey(box);
  const own = legend.get(`[${key}]`);
  if (own) return { status: own, byLegend: true };
  return { status: BOX_STATUS[key] ?? 'unknown', byLegend: false };
}

/** The status the first status mark in `mark` gives (legend first), or null for decoration (🔒, 📋). */
export function markStatus(mark: string, legend: Legend): { status: DeclaredStatus; byLegend: boolean } | null {
  for (const char of [...normaliseMark(mark)]) {
    const own = legend.get(char);
    if (own) return { status: own, byLegend: true };
    const known = EMOJI_STATUS.find(([pattern]) => pattern.test(char));
    if (known) return { status: known[1], byLegend: false };
  }
  return null;
}

const LEGEND_TITLE = /\b(legend|key\s+to|status\s+(codes?|key|legend))\b/i;
const LEGEND_LABEL = /^(legend|key|status\s+legend)\s*:?$/i;
const MARK_ONLY = /^(?:\[[^\]]{0,3}\]|(?:\p{Extended_Pictographic}|[✓✗✘☑])\uFE0F?)+$/u;

/** True for a list line written as a legend entry ("✅ = Migrated", "[/] - partial"). */
export function isLegendLine(line: OutlineListLine): boolean {
  return (line.box !== null || line.lead !== null) && /^[=:–—-]\s*\S/.test(line.text);
}

/** True for a section that is a legend ("## Status Legend"). */
export function isLegendSection(section: OutlineSection): boolean {
  return LEGEND_TITLE.test(section.title);
}

/** True for a block that introduces a legend ("Legend:", "**Legend**:"). */
export function isLegendLabel(block: OutlineBlock): boolean {
  if (block.kind === 'paragraph') return LEGEND_LABEL.test(block.text.trim());
  if (block.kind === 'fields') return block.fields.length === 1 && /^legend$/i.test(block.fields[0]?.key ?? '') && (block.fields[0]?.value ?? '') === '';
  return false;
}

/** True for a table of marks and their meanings: one column is marks only, another reads as statuses. */
export function isLegendTable(block: OutlineBlock): boolean {
  if (block.kind !== 'table' || block.table.rows.length === 0) return false;
  const columns = block.table.header.length;
  for (let col = 0; col < columns; col++) {
    if (!block.table.rows.every((row) => MARK_ONLY.test((row.cells[col]?.text ?? '').replace(/\s/g, '')))) continue;
    return block.table.rows.some((row) => row.cells.some((cell, index) => index !== col && readWordStatus(cell.text) !== null));
  }
  return false;
}

/** Collects the doc's legend: every mark a legend line, section or table gives a known status. */
export function collectLegend(root: OutlineSection): Legend {
  const legend: Legend = new Map();
  const learn = (mark: string, words: string): void => {
    const status = readStatus(words.replace(/^[=:–—-]\s*/, '')).status.status;
    if (status === 'unknown') return;
    const key = /^\[/.test(mark) ? `[${boxKey(mark)}]` : normaliseMark(mark);
    if (key !== '' && !legend.has(key)) legend.set(key, status);
  };
  for (const section of sectionsOf(root)) {
    const inLegend = isLegendSection(section);
    let afterLabel = false;
    for (const block of section.blocks) {
      if (block.kind === 'list') {
        for (const line of block.lines) {
          const mark = line.lead?.text ?? line.box?.text;
          if (mark !== undefined && (inLegend || afterLabel || isLegendLine(line))) learn(mark, line.text);
        }
      } else if (isLegendTable(block) && block.kind === 'table') {
        for (const row of block.table.rows) {
          const markCell = row.cells.find((cell) => MARK_ONLY.test(cell.text.replace(/\s/g, '')));
          const words = row.cells.find((cell) => cell !== markCell && readWordStatus(cell.text) !== null);
          if (markCell && words) learn(markCell.text.replace(/\s/g, ''), words.text);
        }
      }
      afterLabel = isLegendLabel(block);
    }
  }
  return legend;
}
