/**
 * The code side of the demo repository as data: which template renders each path and which
 * migration flags it has. The plan mutates a `CodeWorld`; rendering it gives the files of a commit.
 */
import { processorBase, gamebookProcessor } from './python-base-classes.js';
import { batchWriter } from './python-batch-writer.js';
import { directProcessor, inheritingProcessor, stageBase } from './python-processors.js';
import { cloudFunction, workflowExecutor } from './python-orchestration.js';
import { scraper, type ScraperStyle } from './python-scrapers.js';
import { EXECUTABLE_PATHS } from './static-files.js';
import type { Flag } from './types.js';

/** How a path's content is produced. */
export type Template =
  | { t: 'processor-base' }
  | { t: 'gamebook' }
  | { t: 'batch-writer' }
  | { t: 'stage-base'; stage: 'analytics' | 'precompute' }
  | { t: 'inheriting'; pattern: 'delete-insert' | 'merge' }
  | { t: 'direct' }
  | { t: 'cloud-fn'; name: string; jitterTracked: boolean }
  | { t: 'workflow' }
  | { t: 'scraper'; style: ScraperStyle }
  | { t: 'static'; content: string | Uint8Array };

interface Entry {
  template: Template;
  flags: Flag[];
  /** The path the content was written for; a `git mv` keeps it so the bytes stay identical. */
  origin: string;
  /** Last rendering; cleared on every change. Rendering ~130 files per commit dominates otherwise. */
  cache?: string | Uint8Array;
}

/** Rendered file: content plus whether it is executable. */
export interface RenderedFile {
  content: string | Uint8Array;
  executable: boolean;
}

function renderEntry(entry: Entry): string | Uint8Array {
  const flags = new Set(entry.flags);
  const tpl = entry.template;
  switch (tpl.t) {
    case 'processor-base':
      return processorBase(flags);
    case 'gamebook':
      return gamebookProcessor(flags);
    case 'batch-writer':
      return batchWriter(flags);
    case 'stage-base':
      return stageBase(tpl.stage, flags);
    case 'inheriting':
      return inheritingProcessor(entry.origin, tpl.pattern, flags);
    case 'direct':
      return directProcessor(entry.origin, flags);
    case 'cloud-fn':
      return cloudFunction(tpl.name, flags, tpl.jitterTracked);
    case 'workflow':
      return workflowExecutor(flags);
    case 'scraper':
      return scraper(entry.origin, tpl.style, flags);
    case 'static':
      return tpl.content;
  }
}

/** Mutable code state; `clone()` for branches. */
export class CodeWorld {
  private readonly files = new Map<string, Entry>();

  /** Adds a file; throws if the path is taken (a plan bug). */
  add(path: string, template: Template, flags: Flag[] = []): void {
    if (this.files.has(path)) throw new Error(`demo plan: ${path} already exists`);
    this.files.set(path, { template, flags: [...flags].sort(), origin: path });
  }

  /** Adds or replaces a file with fixed content (README edits, helper changes). */
  setStatic(path: string, content: string | Uint8Array): void {
    const entry = this.files.get(path);
    if (entry) {
      entry.template = { t: 'static', content };
      delete entry.cache;
    } else this.files.set(path, { template: { t: 'static', content }, flags: [], origin: path });
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  hasFlag(path: string, flag: Flag): boolean {
    return this.get(path).flags.includes(flag);
  }

  /** Applies (or with `on = false` reverts) a migration flag. */
  flag(path: string, flag: Flag, on = true): void {
    const entry = this.get(path);
    const flags = new Set(entry.flags);
    if (on) flags.add(flag);
    else flags.delete(flag);
    entry.flags = [...flags].sort();
    delete entry.cache;
  }

  move(from: string, to: string): void {
    const entry = this.get(from);
    if (this.files.has(to)) throw new Error(`demo plan: cannot move onto ${to}`);
    this.files.delete(from);
    this.files.set(to, entry);
  }

  remove(path: string): void {
    this.get(path);
    this.files.delete(path);
  }

  clone(): CodeWorld {
    const copy = new CodeWorld();
    for (const [path, entry] of this.files) copy.files.set(path, { ...entry, flags: [...entry.flags] });
    return copy;
  }

  /** A comparable fingerprint of one path's state (undefined when absent), for merges. */
  fingerprint(path: string): string | undefined {
    const entry = this.files.get(path);
    if (!entry) return undefined;
    const content = entry.template.t === 'static' ? Buffer.from(entry.template.content).toString('base64') : '';
    return JSON.stringify([entry.template.t, entry.flags, entry.origin, content]);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Copies `path` from `other` (or deletes it here when absent there). */
  takeFrom(other: CodeWorld, path: string): void {
    const entry = other.files.get(path);
    if (entry) this.files.set(path, { ...entry, flags: [...entry.flags] });
    else this.files.delete(path);
  }

  render(): Map<string, RenderedFile> {
    const out = new Map<string, RenderedFile>();
    for (const [path, entry] of this.files) {
      entry.cache ??= renderEntry(entry);
      out.set(path, { content: entry.cache, executable: EXECUTABLE_PATHS.has(path) });
    }
    return out;
  }

  private get(path: string): Entry {
    const entry = this.files.get(path);
    if (!entry) throw new Error(`demo plan: no file ${path}`);
    return entry;
  }
}
