/**
 * The one schema for `migratrack.config.{ts,mjs,json}`. It validates, it types (`z.input` for what
 * users write, `z.infer` for what the loader returns) and, through the JSDoc on each field, it
 * documents. Relative paths are resolved against the config file's folder (see resolve.ts).
 */
import { z } from 'zod';
import { isCalendarDay } from '../history/dates.js';
import { CheckOverride, MetricConfig } from './schema-metrics.js';
import { ReadingConfig } from './schema-reading.js';

const IsoDate = z.string().refine(isCalendarDay, 'expected a date as YYYY-MM-DD, e.g. "2026-01-19"');

export const HistoryConfig = z
  .object({
    /**
     * The history file each build appends a record to, relative to the config file. In CI it is
     * carried from run to run (see the workflow `migratrack init` writes).
     * @default ".migratrack/history.json"
     * @example "history/jitter.json"
     */
    file: z.string().min(1).optional(),
    /**
     * First day to backfill from git history. Defaults to the doc's start date, else the doc's
     * first commit.
     * @example "2026-01-19"
     */
    backfillSince: IsoDate.optional(),
    /**
     * Record a point for every commit instead of one per day (slower on long histories).
     * @default false
     * @example true
     */
    perCommit: z.boolean().default(false),
  })
  .strict();

export const NotesConfig = z
  .object({
    /**
     * The notes folder, relative to the config file (`--notes` overrides it).
     * @example "docs/migration-notes"
     */
    dir: z.string().min(1).optional(),
    /**
     * Allow `.mdx` notes. MDX can import modules and run any JavaScript while the site is built,
     * with the build's file system and the CI job's token: turn it on only when everyone who can
     * change the notes folder may run code in the build. Without it an `.mdx` note stops the build.
     * @default false
     * @example true
     */
    mdx: z.boolean().default(false),
  })
  .strict();

export const MigratrackConfig = z
  .object({
    /**
     * The repository being migrated (its working tree), relative to the config file.
     * @default "." (the config file's folder)
     * @example "../their-repo"
     */
    repo: z.string().min(1).optional(),
    /**
     * The tracking document, relative to the repository root.
     * @example "docs/08-projects/current/daily-orchestration-improvements/JITTER-ADOPTION-TRACKING.md"
     */
    doc: z.string().min(1).optional(),
    /**
     * Site title. Defaults to the tracking doc's first heading.
     * @example "Jitter adoption"
     */
    title: z.string().min(1).optional(),
    /**
     * Base path the site is served under (GitHub Pages project sites live under "/<repo>/").
     * @default "/"
     * @example "/migratrack/"
     */
    base: z.string().regex(/^\//, 'expected a path starting with "/", e.g. "/my-repo/"').optional(),
    /**
     * Absolute URL where the site is published, for canonical links and the JSON API.
     * @example "https://acme.github.io/migratrack/"
     */
    site: z.string().url('expected an absolute URL such as "https://acme.github.io/repo/"').optional(),
    /**
     * Web URL of the target repository, for links to files and commits. Omit it to derive it from
     * the git remote `origin`; set `null` to turn links off.
     * @default derived from `git remote get-url origin`
     * @example "https://github.com/acme/orchestration"
     */
    repoWebUrl: z.string().url('expected an absolute URL such as "https://github.com/acme/repo"').nullable().optional(),
    /**
     * Where run history is kept and how far back to backfill it from git.
     * @example { file: ".migratrack/history.json", backfillSince: "2026-01-19", perCommit: false }
     */
    history: HistoryConfig.default({}),
    /**
     * Extra metrics to count, beside the "Command to find" blocks of the tracking doc.
     * @default []
     * @example [{ id: "http-sessions", name: "requests.Session users", pattern: "requests.Session(", flavour: "fixed", better: "higher" }]
     */
    metrics: z.array(MetricConfig).default([]),
    /**
     * Per-category and per-item check overrides, for items the doc's wording does not make checkable.
     * @default []
     * @example [{ category: "3.4", kind: "text-absent", text: "requests.get(" }]
     */
    checks: z.array(CheckOverride).default([]),
    /**
     * Corrections to how a doc outside the "Task N / File N" family is read: which readers run,
     * the category heading level, extra status words, sections to skip (see docs/CLI.md).
     * @example { categoryLevel: 2, statusWords: { skipped: ["keep as-is"] }, ignoreSections: ["Appendix"] }
     */
    reading: ReadingConfig.default({}),
    /**
     * Globs (repo-relative) never scanned, e.g. vendored code or generated files.
     * @default []
     * @example ["vendor/**", "**\/*_pb2.py"]
     */
    ignore: z.array(z.string()).default([]),
    /**
     * Completion forecast settings: velocity is fitted over the last `windowDays` working days.
     * @example { windowDays: 10 }
     */
    forecast: z
      .object({
        /**
         * Working days of history the velocity fit looks at.
         * @default 14
         * @example 10
         */
        windowDays: z.number().int().positive('expected a positive whole number of days').default(14),
      })
      .strict()
      .default({}),
    /**
     * A folder of your own pages for the site ("How to migrate a processor"): `.md` files with a
     * `title`, relative to the config file. Each appears in the navigation; one whose `file` names a
     * tracked path also shows on that file's page. Give `{ dir, mdx: true }` to allow `.mdx` notes
     * too: MDX is JavaScript, run at build time with the build's permissions (docs/SECURITY.md).
     * @default migratrack's example note
     * @example "docs/migration-notes"
     * @example { dir: "docs/migration-notes", mdx: true }
     */
    notes: z.union([z.string().min(1), NotesConfig]).optional(),
    /**
     * Output folder for the built site, relative to the config file.
     * @default "dist"
     * @example "public/migration"
     */
    out: z.string().min(1).optional(),
  })
  .strict();

/** What the user writes (defaults optional). */
export type MigratrackConfigInput = z.input<typeof MigratrackConfig>;
/** What the loader returns (defaults filled). */
export type MigratrackConfig = z.infer<typeof MigratrackConfig>;
export type HistoryConfig = z.infer<typeof HistoryConfig>;
export { CheckOverride, MetricConfig, ReadingConfig };
