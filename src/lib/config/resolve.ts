/**
 * Merges command-line flags over the config file over defaults into the one options object every
 * pipeline stage receives. Flags are resolved against the working directory, config values
 * against the config file's folder, the doc against the repository root.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigratrackError } from '../errors.js';
import { isCalendarDay } from '../history/dates.js';
import type { LoadedConfig } from './load.js';
import type { CheckOverride, MetricConfig, ReadingConfig } from './schema.js';
import { assertDirectory, locateDoc } from './target-paths.js';

/** The demo target, generated on demand by the pipeline when it is missing. */
export const DEMO_REPO = '.cache/demo-repo';
export const DEMO_DOC = 'docs/08-projects/current/daily-orchestration-improvements/JITTER-ADOPTION-TRACKING.md';
export const DEFAULT_HISTORY_FILE = '.migratrack/history.json';
/** The demo's history file, inside the demo repository's .git folder. */
export const DEMO_HISTORY_FILE = 'migratrack-history.json';
/**
 * The demo's own note ("How to migrate a processor"): published by the demo build only, never in
 * a user's site (issue 23). Same depth from src/lib/config and compiled/lib/config.
 */
export const DEMO_NOTES_DIR = fileURLToPath(new URL('../../../examples/notes', import.meta.url));

/** Flags shared by the commands that run the pipeline (cac's camel-cased names). */
export interface CliFlags {
  repo?: string;
  doc?: string;
  config?: string;
  out?: string;
  base?: string;
  site?: string;
  history?: string;
  notes?: string;
  since?: string;
  /** `--no-backfill` sets it to false. */
  backfill?: boolean;
  port?: number;
}

/** Everything the pipeline needs, fully resolved: absolute paths, defaults applied. */
export interface ResolvedOptions {
  /** Working directory the command ran in. */
  cwd: string;
  /** Absolute path of the config file used, or null. */
  configFile: string | null;
  /** True when neither flags nor config named a target: build the generated demo repository. */
  demo: boolean;
  /** Absolute path of the target repository's working tree. */
  repo: string;
  /** The tracking doc, repo-relative POSIX path (as git names it). */
  doc: string;
  /** The tracking doc, absolute path. */
  docAbsolute: string;
  /** Site title; null means "use the doc's first heading". */
  title: string | null;
  /** Base path, always with leading and trailing slash ("/" or "/repo/"). */
  base: string;
  /** Absolute site URL, or null. */
  site: string | null;
  /** A URL, null (no links), or 'auto' (derive from `git remote get-url origin`). */
  repoWebUrl: string | null | 'auto';
  history: {
    /** Absolute path of the history file. */
    file: string;
    /** False with `--no-backfill`: only append this run, do not walk git history. */
    backfill: boolean;
    /** YYYY-MM-DD, or null for the doc's start date / first commit. */
    backfillSince: string | null;
    perCommit: boolean;
  };
  metrics: MetricConfig[];
  checks: CheckOverride[];
  /** How a doc outside the seed family is read (config `reading`). */
  reading: ReadingConfig;
  /** Repo-relative globs never scanned. */
  ignore: string[];
  forecast: { windowDays: number };
  /** Absolute folder of the authors' notes pages, or null for none (the demo's: examples/notes). */
  notesDir: string | null;
  /** True when the config allows `.mdx` notes (`notes: { mdx: true }`): they run code at build time. */
  notesMdx: boolean;
  /** `build --force`: the output folder may be one migratrack did not make (it is moved aside, not deleted). */
  forceOut: boolean;
  /** Absolute output folder of the site. */
  outDir: string;
  /** When true the pipeline must not write the history file (scan, check without --update). */
  dryRun: boolean;
  /** Dev server port (`dev --port`), null for Astro's default. */
  port: number | null;
  /**
   * SOURCE_DATE_EPOCH as an ISO time (reproducible-builds.org): the snapshot's `generatedAt` and the
   * burndown's "today". Null when unset: the scanned commit's time, and the real day.
   */
  sourceDate: string | null;
}

/** Where a value came from, to name it in errors: `--repo` or `repo in migratrack.config.mjs`. */
function origin(flag: string, key: string, fromFlag: boolean, config: LoadedConfig | null): string {
  return fromFlag || config === null ? `--${flag}` : `${key} in ${path.basename(config.file)}`;
}

/** Normalises a base path to "/x/y/" form, as Astro's `base` expects. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * Resolves flags over config over defaults.
 * @throws MigratrackError('usage') naming the flag or config key when a value is wrong or a path is missing.
 */
export function resolveOptions(flags: CliFlags, loaded: LoadedConfig | null, cwd: string, dryRun = false, env: Record<string, string | undefined> = {}): ResolvedOptions {
  const config = loaded?.config;
  const configDir = loaded?.dir ?? cwd;
  const demo = loaded === null && flags.repo === undefined && flags.doc === undefined;
  const fromFlagOrConfig = (flag: string | undefined, value: string | undefined, fallback: string): string =>
    flag !== undefined ? path.resolve(cwd, flag) : value !== undefined ? path.resolve(configDir, value) : path.resolve(configDir, fallback);

  const repo = demo ? path.resolve(cwd, DEMO_REPO) : fromFlagOrConfig(flags.repo, config?.repo, '.');
  if (!demo) assertDirectory(repo, origin('repo', 'repo', flags.repo !== undefined, loaded), flags.repo ?? config?.repo ?? '.');

  const docInput = demo ? DEMO_DOC : (flags.doc ?? config?.doc);
  if (docInput === undefined) {
    throw new MigratrackError('usage', `--doc: no tracking doc given (expected --doc PATH, relative to ${repo}, or \`doc\` in the config)`);
  }
  const docAbsolute = demo ? path.join(repo, DEMO_DOC) : locateDoc(docInput, repo, flags.doc !== undefined ? cwd : configDir, origin('doc', 'doc', flags.doc !== undefined, loaded));

  const since = flags.since ?? config?.history.backfillSince ?? null;
  if (since !== null && !isCalendarDay(since)) {
    const what = origin('since', 'history.backfillSince', flags.since !== undefined, loaded);
    throw new MigratrackError('usage', `${what}: "${since}" is not a date (expected a real day as YYYY-MM-DD, e.g. 2026-01-19)`);
  }
  const site = flags.site ?? config?.site ?? null;
  if (site !== null && !URL.canParse(site)) {
    throw new MigratrackError('usage', `--site: "${site}" is not an absolute URL (expected e.g. https://acme.github.io/repo/)`);
  }
  const configNotes = typeof config?.notes === 'object' ? config.notes : { dir: config?.notes, mdx: false };
  const notesInput = flags.notes ?? configNotes.dir;
  const notesDir = notesInput === undefined ? (demo ? DEMO_NOTES_DIR : null) : flags.notes !== undefined ? path.resolve(cwd, flags.notes) : path.resolve(configDir, notesInput);
  if (notesDir !== null && !(existsSync(notesDir) && statSync(notesDir).isDirectory())) {
    throw new MigratrackError('usage', `${origin('notes', 'notes', flags.notes !== undefined, loaded)}: ${notesInput} is not a folder (expected the folder of your .md/.mdx notes)`, { file: notesDir });
  }
  if (flags.port !== undefined && (!Number.isInteger(flags.port) || flags.port <= 0 || flags.port > 65535)) {
    throw new MigratrackError('usage', `--port: "${String(flags.port)}" is not a port number (expected 1-65535)`);
  }

  // --history against the shell's folder, history.file against the config's, and the default in the
  // repository (issue 20: it was the shell's folder, so a build run elsewhere started a new history).
  const historyFile = (flag: string | undefined, value: string | undefined): string =>
    flag !== undefined ? path.resolve(cwd, flag) : value !== undefined ? path.resolve(configDir, value) : path.resolve(repo, DEFAULT_HISTORY_FILE);

  return {
    cwd,
    configFile: loaded?.file ?? null,
    demo,
    repo,
    doc: path.relative(repo, docAbsolute).split(path.sep).join('/'),
    docAbsolute,
    title: config?.title ?? null,
    base: normaliseBase(flags.base ?? config?.base ?? '/'),
    site,
    repoWebUrl: config?.repoWebUrl === undefined ? 'auto' : config.repoWebUrl,
    history: {
      // The demo's history lives inside its repository: regenerating the demo (new commits, a new
      // root) then starts a fresh series instead of tripping over the old repository's file.
      file:
        demo && flags.history === undefined
          ? path.join(repo, '.git', DEMO_HISTORY_FILE)
          : historyFile(flags.history, config?.history.file),
      backfill: flags.backfill ?? true,
      backfillSince: since,
      perCommit: config?.history.perCommit ?? false,
    },
    metrics: config?.metrics ?? [],
    checks: config?.checks ?? [],
    reading: config?.reading ?? { ignoreSections: [] },
    ignore: config?.ignore ?? [],
    forecast: { windowDays: config?.forecast.windowDays ?? 14 },
    notesDir,
    // The demo's own note is migratrack's code (MDX), not the user's: always allowed.
    notesMdx: configNotes.mdx || notesDir === DEMO_NOTES_DIR,
    forceOut: false,
    outDir: fromFlagOrConfig(flags.out, config?.out, 'dist'),
    dryRun,
    port: flags.port ?? null,
    sourceDate: sourceDateEpoch(env.SOURCE_DATE_EPOCH),
  };
}

/** SOURCE_DATE_EPOCH is whole seconds since 1970 (the spec allows nothing else); empty counts as unset. */
export function sourceDateEpoch(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const seconds = /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
  const time = new Date(seconds * 1000);
  if (!Number.isFinite(time.getTime())) {
    throw new MigratrackError('usage', `SOURCE_DATE_EPOCH: "${value}" is not a Unix time (expected whole seconds since 1970, e.g. the output of \`git log -1 --format=%ct\`)`);
  }
  return time.toISOString();
}
