/**
 * The package's public entry (`import { defineConfig } from 'migratrack'`): the config helper and
 * the types a config file or another tool needs. The CLI lives in src/cli/main.ts.
 */
export { defineConfig } from './lib/config/index.js';
export type { CheckOverride, MetricConfig, MigratrackConfig, MigratrackConfigInput, ResolvedOptions } from './lib/config/index.js';
export type { Snapshot } from './lib/snapshot/schema.js';
