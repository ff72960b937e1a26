/**
 * Items whose status is only the section they sit in ("## Next Steps", "### ✅ COMPLETED (8
 * files)"): sync moves the item's line, with the lines nested under it, to the end of the list (or
 * table) of the doc's section for its new status, in that list's indentation and marker, and the
 * counts in both headings follow ("(8 files)" → "(9 files)"). This is the one sync edit that moves
 * lines instead of rewriting them in place (docs/CLI.md). With no such section, or no list in it
 * to append to, the item is listed and left alone.
 */
import type { DeclaredStatus, TrackedItem } from '../doc/index.js';
import type { MovedLine, SectionMove, SyncEdit } from './types.js';
import { lineStartsOf } from './lines.js';
import { blockEnd, headingsOf, landingIn, LIST_LINE, SECTION_COUNT, TABLE_LINE, type Heading, type Landing } from './section-layout.js';

/** What one planned move needs: the item, where it moves, and the new status it reads there. */
export interface MoveRequest {
  item: TrackedItem;
  to: DeclaredStatus;
}

export interface MovePlan {
  edits: SyncEdit[];
  moves: SectionMove[];
  /** Items that cannot move, with the reason. */
  refused: Map<string, string>;
}

/** The edits moving each requested item into its new status section (see the module comment). */
export function planSectionMoves(text: string, requests: readonly MoveRequest[], items: readonly TrackedItem[]): MovePlan {
  const lines = text.split('\n');
  const starts = lineStartsOf(lines);
  const headings = headingsOf(lines);
  const statusHeadingOf = (index: number): Heading | null => {
    let at: Heading | null = [...headings].reverse().find((heading) => heading.index < index) ?? null;
    while (at !== null && at.status === null) at = at.parent;
    return at;
  };
  const refused = new Map<string, string>();
  const planned: Array<{ request: MoveRequest; from: number; end: number; source: Heading; target: Heading; landing: Landing }> = [];
  for (const request of requests) {
    const index = request.item.source.startLine - 1;
    const line = lines[index] ?? '';
    const table = TABLE_LINE.test(line);
    const source = statusHeadingOf(index);
    if (source === null || (!table && !LIST_LINE.test(line))) {
      refused.set(request.item.id, 'its status is the section it sits in, and sync could not find its line there');
      continue;
    }
    const candidates = headings.filter((heading) => heading.status === request.to);
    const siblings = candidates.filter((heading) => heading.parent === source.parent);
    const target = siblings[0] ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (target === undefined) {
      refused.set(request.item.id, candidates.length === 0 ? `its status is the section it sits in, and the doc has no section for ${request.to} to move it to` : `its status is the section it sits in, and several sections for ${request.to} could take it`);
      continue;
    }
    const landing = landingIn(lines, target, table);
    if (landing === null) {
      refused.set(request.item.id, `its status is the section it sits in, and the doc's section for ${request.to} has no ${table ? 'table' : 'list'} to add it to`);
      continue;
    }
    planned.push({ request, from: index, end: blockEnd(lines, index, source.sectionEnd), source, target, landing });
  }
  const edits: SyncEdit[] = [];
  const removals: SyncEdit[] = [];
  const moves: SectionMove[] = [];
  const byLanding = new Map<number, typeof planned>();
  for (const move of planned) byLanding.set(move.landing.before, [...(byLanding.get(move.landing.before) ?? []), move]);
  for (const [before, group] of byLanding) {
    const landing = group[0]?.landing;
    if (landing === undefined) continue;
    const moved: MovedLine[] = [];
    let number = /^\d+/.test(landing.marker) ? Number(/^\d+/.exec(landing.marker)?.[0]) : null;
    for (const move of group.sort((a, b) => a.from - b.from)) {
      const first = lines[move.from] ?? '';
      const list = LIST_LINE.exec(first);
      if (list === null) {
        for (let at = move.from; at < move.end; at++) moved.push({ line: at + 1, strip: 0, prefix: '' });
      } else {
        // A new list (an empty section) takes the first item's own marker, from 1 when numbered.
        const own = /^\d+([.)])$/.exec(list[2] ?? '');
        if (landing.marker === '') {
          landing.marker = own ? `0${own[1]}` : (list[2] ?? '-');
          number = own ? 0 : null;
        }
        number = number === null ? null : number + 1;
        const marker = number === null ? landing.marker : `${number}${landing.marker.slice(-1)}`;
        const prefix = `${landing.indent}${marker}${landing.spacing}`;
        const oldWidth = (list[1] ?? '').length + (list[2] ?? '').length + (list[3] ?? '').length;
        const shift = prefix.length - oldWidth;
        moved.push({ line: move.from + 1, strip: oldWidth, prefix });
        for (let at = move.from + 1; at < move.end; at++) {
          const text = lines[at] ?? '';
          const strip = shift >= 0 || text.trim() === '' ? 0 : Math.min(-shift, /^ */.exec(text)?.[0].length ?? 0);
          moved.push({ line: at + 1, strip, prefix: shift > 0 && text.trim() !== '' ? ' '.repeat(shift) : '' });
        }
      }
      moves.push({ itemId: move.request.item.id, fromLine: move.from + 1, toLine: move.end, beforeLine: before + 1, fromSectionLine: move.source.index + 1, sectionLine: move.target.index + 1 });
      removals.push(removal(lines, starts, text, move.from, move.end, move.request.item.id));
    }
    const atEnd = before >= lines.length;
    const clean = moved.map((entry) => entry.prefix + (lines[entry.line - 1] ?? '').slice(entry.strip));
    const at = atEnd ? text.length : (starts[before] ?? text.length);
    edits.push({ start: at, end: at, replacement: atEnd ? `\n${clean.join('\n')}` : `${clean.join('\n')}\n`, line: Math.min(before + 1, lines.length), kind: 'move', itemId: null, moved: { lines: moved, leadingBreak: atEnd } });
  }
  edits.push(...mergeRemovals(removals), ...countEdits(lines, starts, headings, planned, items));
  return { edits, moves, refused };
}

/** Removals of neighbouring items as one (at the doc's end, one also takes the break before it). */
function mergeRemovals(removals: readonly SyncEdit[]): SyncEdit[] {
  const out: SyncEdit[] = [];
  for (const edit of [...removals].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    // Overlapping only at the doc's end, where the later one takes the break before it: so does the whole.
    if (last !== undefined && edit.start < last.end) out[out.length - 1] = { ...last, start: Math.max(0, last.start - 1), end: Math.max(last.end, edit.end) };
    else if (last !== undefined && edit.start === last.end) out[out.length - 1] = { ...last, end: edit.end };
    else out.push(edit);
  }
  return out;
}

/** The removal of lines [from, end) (0-based), with their line ends; at the doc's end, the break before them. */
function removal(lines: readonly string[], starts: readonly number[], text: string, from: number, end: number, itemId: string): SyncEdit {
  if (end < lines.length) return { start: starts[from] ?? 0, end: starts[end] ?? text.length, replacement: '', line: from + 1, kind: 'move', itemId };
  return { start: Math.max(0, (starts[from] ?? 1) - 1), end: text.length, replacement: '', line: from + 1, kind: 'move', itemId };
}

/**
 * "(8 files)" in the heading of a section an item leaves or joins, when it counted the section's
 * items before: the count after the moves (with "file"/"files" as the number needs).
 */
function countEdits(lines: readonly string[], starts: readonly number[], headings: readonly Heading[], planned: ReadonlyArray<{ from: number; source: Heading; target: Heading }>, items: readonly TrackedItem[]): SyncEdit[] {
  const touched = new Set(planned.flatMap((move) => [move.source, move.target]));
  const edits: SyncEdit[] = [];
  for (const heading of touched) {
    const text = lines[heading.index] ?? '';
    const count = SECTION_COUNT.exec(text);
    if (!count) continue;
    const inside = items.filter((item) => item.source.startLine - 1 > heading.index && item.source.startLine - 1 < heading.sectionEnd).length;
    if (Number(count[1]) !== inside) continue;
    const after = inside - planned.filter((move) => move.source === heading).length + planned.filter((move) => move.target === heading).length;
    const word = count[3] ?? '';
    const stem = word.replace(/s$/i, '');
    const unit = after === 1 ? stem : word.endsWith('s') || word.endsWith('S') ? word : `${stem}${word === word.toUpperCase() ? 'S' : 's'}`;
    const start = (starts[heading.index] ?? 0) + count.index + 1;
    const old = `${count[1] ?? ''}${count[2] ?? ''}${word}`;
    const replacement = `${after}${count[2] ?? ''}${unit}`;
    if (replacement !== old) edits.push({ start, end: start + old.length, replacement, line: heading.index + 1, kind: 'move', itemId: null });
  }
  return edits;
}
