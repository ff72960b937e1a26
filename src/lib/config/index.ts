/** Public surface of the config stage: schema, loader, flag/config merging. */
export { defineConfig } from './define.js';
export { formatZodError, formatIssuePath } from './error-map.js';
export { CONFIG_FILE_NAMES, findConfigFile, loadConfig, validateConfig, type LoadedConfig } from './load.js';
export {
  DEFAULT_HISTORY_FILE,
  DEMO_DOC,
  DEMO_NOTES_DIR,
  DEMO_REPO,
  normaliseBase,
  resolveOptions,
  sourceDateEpoch,
  type CliFlags,
  type ResolvedOptions,
} from './resolve.js';
export { CheckOverride, HistoryConfig, MetricConfig, MigratrackConfig, ReadingConfig, type MigratrackConfigInput } from './schema.js';
export { OrgConfig, OrgRepoConfig, ORG_CONFIG_FILE, type OrgConfigInput } from './org-schema.js';
export { loadOrgConfig, type LoadedOrgConfig } from './load-org.js';
