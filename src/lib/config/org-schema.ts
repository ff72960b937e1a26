/**
 * The org config (`migratrack.org.json`, issue 24): the repositories of a migration that spans
 * many, for the CI matrix `migratrack init --org` writes, for `scan --shard` (a repository's doc,
 * or the shared patterns when it has none) and for `build --merge` (a listed repository without a
 * shard is shown as missing). JSON, so the workflow reads the list with `jq`.
 */
import { z } from 'zod';
import { RESERVED_SHARD_NAMES, SHARD_NAME_EXPECTED, SHARD_NAME_PATTERN, SHARD_NAME_RESERVED } from '../org/schema.js';
import { MetricConfig } from './schema-metrics.js';

export const ORG_CONFIG_FILE = 'migratrack.org.json';

export const OrgRepoConfig = z
  .object({
    /**
     * The repository's name in the org site (its pages are under `/<name>/`) and its shard's.
     * @example "billing-api"
     */
    name: z.string().regex(SHARD_NAME_PATTERN, SHARD_NAME_EXPECTED).refine((n) => !RESERVED_SHARD_NAMES.includes(n), SHARD_NAME_RESERVED),
    /**
     * The GitHub repository the matrix job checks out, as `owner/name`.
     * @example "acme/billing-api"
     */
    repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'expected a GitHub repository as "owner/name", e.g. "acme/billing-api"'),
    /**
     * Its tracking doc, relative to its root. Without one the repository is tracked by the org's
     * `metrics` only (counts, no items).
     * @example "docs/MIGRATION.md"
     */
    doc: z.string().min(1).optional(),
  })
  .strict();
export type OrgRepoConfig = z.infer<typeof OrgRepoConfig>;

export const OrgConfig = z
  .object({
    /**
     * The org dashboard's title.
     * @default "Migration across repositories"
     * @example "Client pool migration"
     */
    title: z.string().min(1).optional(),
    /**
     * Every repository of the migration, one matrix job each.
     * @example [{ name: "billing-api", repository: "acme/billing-api", doc: "docs/MIGRATION.md" }]
     */
    repos: z
      .array(OrgRepoConfig)
      .min(1, 'expected at least one repository')
      .refine((repos) => new Set(repos.map((r) => r.name)).size === repos.length, 'expected each repository name once'),
    /**
     * What to count in a repository without a tracking doc (the same fields as a config's `metrics`).
     * @default []
     * @example [{ id: "old-client", name: "Direct bigquery.Client( calls", pattern: "bigquery.Client(", flavour: "fixed" }]
     */
    metrics: z.array(MetricConfig).default([]),
  })
  .strict();
export type OrgConfig = z.infer<typeof OrgConfig>;
export type OrgConfigInput = z.input<typeof OrgConfig>;
