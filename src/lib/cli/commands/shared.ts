/** Steps every pipeline command starts with: load the config, merge the flags, show it with --verbose. */
import path from 'node:path';
import type { ResolvedOptions } from '../../config/index.js';
import { cliFlags, type CommandContext } from '../spec.js';

export async function resolveFor(ctx: CommandContext, dryRun: boolean): Promise<ResolvedOptions> {
  // Loaded here, not at start-up: `--version` and `--help` need no config (nor zod, which it loads).
  const { loadConfig, resolveOptions } = await import('../../config/index.js');
  const flags = cliFlags(ctx.options);
  const loaded = await loadConfig(ctx.io.cwd, flags.config);
  const opts = resolveOptions(flags, loaded, ctx.io.cwd, dryRun, ctx.io.env);
  ctx.log.debug(`Config: ${opts.configFile ?? '(none)'}${opts.demo ? ' — no target given, using the demo repository' : ''}`);
  ctx.log.debug(`Resolved options:\n${JSON.stringify(opts, null, 2)}`);
  return opts;
}

/** Paths in messages: relative when under the working directory, absolute otherwise. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
