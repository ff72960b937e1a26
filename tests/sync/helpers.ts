/** Shared set-up for the sync tests: fixture docs, a sync run, and the lines two versions differ in. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrackingDoc, type DeclaredStatus, type TrackingDoc } from '../../src/lib/doc/index.js';
import type { ItemStatus } from '../../src/lib/snapshot/schema.js';
import { applyEdits, planSync, type SectionMove, type SyncPlan } from '../../src/lib/sync/index.js';
import { declaredStatusOf } from '../../src/lib/verify/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface FixtureDoc {
  name: string;
  bytes: Buffer;
}

/** Every doc style fixture, the seed, the seed mojibake'd, and the CRLF + BOM + Windows-1252 variant. */
export function fixtureDocs(): FixtureDoc[] {
  const styles = path.join(ROOT, 'tests/doc/styles');
  const docs = readdirSync(styles).filter((name) => name.endsWith('.md')).map((name) => ({ name, bytes: readFileSync(path.join(styles, name)) }));
  for (const file of ['examples/JITTER-ADOPTION-TRACKING.md', 'tests/fixtures/docs/seed-mojibake.md', 'tests/fixtures/docs/variant-progressed-cp1252-crlf-bom.md', 'tests/fixtures/docs/variant-task-tracker.md', 'tests/fixtures/docs/demo-group-lists.md']) {
    docs.push({ name: path.basename(file), bytes: readFileSync(path.join(ROOT, file)) });
  }
  return docs;
}

export interface SyncRun {
  doc: TrackingDoc;
  plan: SyncPlan;
  after: Buffer;
  /** The synced doc read back. */
  reread: TrackingDoc;
}

/** Plans and applies a sync of `bytes` against `verified`, and reads the result back. */
export function syncBytes(name: string, bytes: Buffer, verified: ReadonlyMap<string, ItemStatus>, options: { demote?: boolean; repairEncoding?: boolean } = {}): SyncRun {
  const doc = parseTrackingDoc(bytes, name);
  const plan = planSync(doc, { verified, progress: [], demote: options.demote ?? true }, (text) => parseTrackingDoc(text, name));
  const after = applyEdits(bytes, doc, plan.edits, { repairEncoding: options.repairEncoding ?? false });
  return { doc, plan, after, reread: parseTrackingDoc(after, name) };
}

/** Each item's declared status as the doc stage reads it. */
export function declaredOf(doc: TrackingDoc): Map<string, DeclaredStatus> {
  return new Map(doc.items.map((item) => [item.id, declaredStatusOf(item, doc)]));
}

/** A verdict unlike each declared status (done ↔ not started, in progress → done), as code could show. */
export function flipped(doc: TrackingDoc): Map<string, ItemStatus> {
  const flip: Partial<Record<DeclaredStatus, ItemStatus>> = { done: 'not-started', 'not-started': 'done', 'in-progress': 'done', unknown: 'done' };
  return new Map(doc.items.map((item) => [item.id, flip[declaredStatusOf(item, doc)] ?? 'unknown']));
}

/** Lines of bytes as written, each with its line end (so a changed line end counts as a change). */
export function rawLines(bytes: Buffer): string[] {
  return bytes.toString('latin1').match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** 1-based numbers of the lines that differ (the sync edits never add or remove lines). */
export function changedLines(before: Buffer, after: Buffer): number[] {
  const a = rawLines(before);
  const b = rawLines(after);
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`);
  return a.flatMap((line, index) => (line === b[index] ? [] : [index + 1]));
}

/** Where a line of the synced doc came from: a line of the doc as read, or a line a move carried. */
export type LineOrigin = { old: number } | { moved: number };

/**
 * The origin of each line after a sync, from the plan's moves (the one edit that moves lines: an
 * item of a status section goes to the section for its new status). Lines of the doc as read keep
 * their order; each moved block lands before the line its move names, in the doc's order.
 */
export function lineOrigins(lineCount: number, moves: readonly SectionMove[]): LineOrigin[] {
  const gone = new Set(moves.flatMap((move) => range(move.fromLine, move.toLine)));
  const out: LineOrigin[] = [];
  const sorted = [...moves].sort((a, b) => a.fromLine - b.fromLine);
  for (let line = 1; line <= lineCount + 1; line++) {
    for (const move of sorted.filter((candidate) => candidate.beforeLine === line)) out.push(...range(move.fromLine, move.toLine).map((moved) => ({ moved })));
    if (line <= lineCount && !gone.has(line)) out.push({ old: line });
  }
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** A list line without its indentation and marker: what a move keeps of it. */
export function listContent(line: string): string {
  return line.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/, '').replace(/^[ \t]+/, '');
}

/**
 * Old line numbers that changed in place, and moved lines whose content changed (both must be
 * empty of anything but the plan's own edit lines for the invariant "only status and summary
 * lines change, and moved lines move whole").
 */
export function changedAcrossMoves(before: Buffer, after: Buffer, moves: readonly SectionMove[]): { changed: number[]; alteredMoves: number[] } {
  const a = rawLines(before);
  const b = rawLines(after);
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`);
  const origins = lineOrigins(a.length, moves);
  const changed: number[] = [];
  const alteredMoves: number[] = [];
  const bare = (line: string) => line.replace(/\r?\n$|\r$/, '');
  origins.forEach((origin, index) => {
    const now = b[index] ?? '';
    if ('old' in origin) {
      if (now !== a[origin.old - 1]) changed.push(origin.old);
    } else if (listContent(bare(now)) !== listContent(bare(a[origin.moved - 1] ?? ''))) alteredMoves.push(origin.moved);
  });
  return { changed, alteredMoves };
}
