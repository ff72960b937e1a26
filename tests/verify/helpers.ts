/**
 * Small builders for verify tests: hand-made TrackedItems and docs, an in-memory RepoTree, files
 * written to a temp dir (for the real-grep oracle), and GNU grep run with an argv array.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TrackedItem, TrackingDoc } from '../../src/lib/doc/model.js';
import type { RepoTree } from '../../src/lib/scan/types.js';

const src = (line: number) => ({ startLine: line, endLine: line });

/** A TrackedItem with empty defaults; `checklist` given as text lines (code spans taken from backticks). */
export function item(partial: Partial<TrackedItem> & { lines?: string[] } = {}): TrackedItem {
  const { lines, ...rest } = partial;
  return {
    id: 'file-1',
    number: 1,
    categoryId: 'c1',
    subgroup: null,
    name: 'x.py',
    path: 'x.py',
    status: { status: 'not-started', raw: '⚪ Not Started', each: false },
    groupId: null,
    fields: [],
    lineSpans: [],
    importsToAdd: [],
    pattern: null,
    notes: [],
    updatedBy: null,
    date: null,
    checklist: (lines ?? []).map((text, i) => ({ text, checked: false, codeSpans: spans(text), source: src(100 + i) })),
    source: src(10),
    ...rest,
  };
}

/** Inline code spans of a markdown line. */
export function spans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}

/** A doc around `items`, one category per distinct categoryId. */
export function doc(items: TrackedItem[], extra: Partial<TrackingDoc> = {}): TrackingDoc {
  const ids = [...new Set(items.map((i) => i.categoryId))];
  return {
    path: 'TRACKING.md',
    encoding: { repairedFrom: null, bom: false, crlf: false },
    header: { title: 'T', project: null, startDate: null, status: null, progress: null, fields: {}, lastUpdated: null },
    summary: [],
    categories: ids.map((id, i) => ({ id, title: `Task ${id}`, declaredCount: null, completeMarker: false, status: null, subgroups: [], fields: [], source: src(i + 1) })),
    items,
    groups: [],
    milestones: [],
    commands: [],
    text: '',
    diagnostics: [],
    ...extra,
  };
}

/** A RepoTree over in-memory files. */
export function memTree(files: Record<string, string>): RepoTree {
  return {
    paths: Object.keys(files).sort(),
    read: async (p) => (p in files ? Buffer.from(files[p] as string, 'utf8') : null),
  };
}

/** Writes files under a fresh temp dir; returns the dir. */
export function writeTemp(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'verify-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

/** GNU grep's stdout lines (exit 1 = no match = []). */
export function grep(args: string[], cwd: string): string[] {
  try {
    return execFileSync('grep', args, { cwd, encoding: 'utf8' }).split('\n').filter((l) => l !== '');
  } catch (error) {
    if ((error as { status?: number }).status === 1) return [];
    throw error;
  }
}
