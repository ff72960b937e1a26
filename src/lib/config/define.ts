import type { MigratrackConfigInput } from './schema.js';

/**
 * Types a config file; does nothing at run time (like c12's `createDefineConfig`). All the work,
 * validation included, happens when the CLI loads the file.
 * @example
 * // migratrack.config.mjs
 * import { defineConfig } from 'migratrack';
 * export default defineConfig({ repo: '.', doc: 'docs/TRACKING.md' });
 */
export function defineConfig(config: MigratrackConfigInput): MigratrackConfigInput {
  return config;
}
