/**
 * Config schema for metrics and check overrides: the parts of `migratrack.config.*` that say what
 * to count and how to judge an item. Split from schema.ts to keep each file one idea.
 */
import { z } from 'zod';

/** Ids end up in URLs and history records, so keep them slug-shaped and stable. */
const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected a lower-case slug such as "bigquery-clients" (a-z, 0-9, ".", "_", "-")');

export const MetricConfig = z
  .object({
    /**
     * Stable identifier: used in URLs, in the history file and by `migratrack check`.
     * Renaming it starts a new series.
     * @example "bigquery-clients"
     */
    id: Slug,
    /**
     * Human label shown on the dashboard and in summaries.
     * @example "Direct bigquery.Client( calls"
     */
    name: z.string().min(1, 'expected a non-empty label'),
    /**
     * A grep pipeline to run in the repository, as the tracking doc would write it. Give either
     * `command` or `pattern`, not both.
     * @example "grep -rn 'bigquery.Client(' --include='*.py' data_processors/ | wc -l"
     */
    command: z.string().min(1).optional(),
    /**
     * A pattern to count, grep-style (see `flavour`). Give either `pattern` or `command`.
     * @example "requests\\.(get|post)\\("
     */
    pattern: z.string().min(1).optional(),
    /**
     * How `pattern` is written: POSIX basic (`grep`), extended (`grep -E`) or fixed string (`grep -F`).
     * @default "basic"
     * @example "extended"
     */
    flavour: z.enum(['basic', 'extended', 'fixed']).default('basic'),
    /**
     * Match case-insensitively (`grep -i`).
     * @default false
     * @example true
     */
    ignoreCase: z.boolean().default(false),
    /**
     * Directories or files to search, repo-relative. Empty means the whole repository.
     * @default []
     * @example ["data_processors/", "orchestration/"]
     */
    paths: z.array(z.string()).default([]),
    /**
     * File globs to include (like `grep --include`).
     * @default []
     * @example ["*.py"]
     */
    include: z.array(z.string()).default([]),
    /**
     * File globs to exclude (like `grep --exclude`).
     * @default []
     * @example ["*_test.py", "tests/**"]
     */
    exclude: z.array(z.string()).default([]),
    /**
     * What is counted: matching lines (`grep | wc -l`), files (`grep -l`), or matches (`grep -o`).
     * @default "lines"
     * @example "files"
     */
    unit: z.enum(['lines', 'files', 'matches']).default('lines'),
    /**
     * Which direction is progress. Remaining-call counts are `lower`; adoption counts are `higher`.
     * `migratrack check` fails when a metric moves the other way.
     * @default "lower"
     * @example "higher"
     */
    better: z.enum(['lower', 'higher']).default('lower'),
    /**
     * The tracking doc's category this metric belongs to, to show it on that category's page.
     * With `better: "lower"` it also becomes a check on each of the category's files: an item is
     * verified done when the pattern is gone from its file. `"*"`: every item with a path. Left
     * out, on a doc read by the generic readers (checklists, status tables…), every item with a
     * path too, so such a doc gets declared-vs-verified figures like the seed's.
     * @example "3.3"
     * @example "*"
     */
    category: z.string().optional(),
  })
  .strict()
  .superRefine((metric, ctx) => {
    // Exactly one source: a metric with both would be ambiguous, with neither it counts nothing.
    if (metric.command === undefined && metric.pattern === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['pattern'], message: 'expected either `pattern` or `command`' });
    }
    if (metric.command !== undefined && metric.pattern !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['command'], message: 'give `pattern` or `command`, not both' });
    }
  });
export type MetricConfig = z.infer<typeof MetricConfig>;

export const CheckOverride = z
  .object({
    /**
     * Apply to every item of this category of the tracking doc.
     * @example "3.4"
     */
    category: z.string().optional(),
    /**
     * Apply to one item: its id, its file number in the doc, or its repo-relative path.
     * @example 12
     * @example "data_processors/raw/processor_base.py"
     */
    item: z.union([z.string().min(1), z.number().int().positive('expected a file number (1 or more), an item id or a path')]).optional(),
    /**
     * What to verify: that `text` is absent from the file, present in it, or imported by it.
     * @example "text-absent"
     */
    kind: z.enum(['text-absent', 'text-present', 'import-present']),
    /**
     * The literal text (or the import line, for `import-present`) to look for.
     * @example "bigquery.Client("
     */
    text: z.string().min(1, 'expected the text to look for'),
    /**
     * Shown on the item's page instead of the generated description.
     * @example "Uses the shared BigQuery client pool"
     */
    description: z.string().optional(),
    /**
     * `add` keeps the checks derived from the doc and adds this one; `replace` drops them, for
     * items whose doc wording the tool misreads.
     * @default "add"
     * @example "replace"
     */
    mode: z.enum(['add', 'replace']).default('add'),
  })
  .strict()
  .superRefine((check, ctx) => {
    if (check.category === undefined && check.item === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['item'], message: 'expected `category` or `item` to say what the check applies to' });
    }
  });
export type CheckOverride = z.infer<typeof CheckOverride>;
