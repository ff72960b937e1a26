/**
 * How a command is described once and used three times: to register its flags with cac, to
 * render its --help, and to run it. Shared flag groups live here so every command names a flag
 * the same way.
 */
import type { CliFlags } from '../config/index.js';
import { MigratrackError } from '../errors.js';
import type { PipelineDeps } from './deps.js';
import type { CliIo, Colors } from './io.js';
import type { Logger } from './logger.js';

export interface OptionSpec {
  /** cac syntax: "--repo <dir>", "-q, --quiet", "--no-backfill". */
  flags: string;
  description: string;
}

/** Raw options as cac parsed them (camel-cased keys). */
export type RawOptions = Record<string, unknown>;

export interface CommandContext {
  io: CliIo;
  options: RawOptions;
  log: Logger;
  /** Colours for stdout (results), decided separately from stderr's. */
  colors: Colors;
  /** The pipeline, loaded on first use. */
  pipeline(): Promise<PipelineDeps>;
  /** Writes a command result to stdout. */
  print(text: string): void;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** A paragraph for the command's own --help. */
  description: string;
  options: OptionSpec[];
  /** Each: the command line, then what it does. */
  examples: [string, string][];
  /** Resolves to the exit code. */
  run(ctx: CommandContext): Promise<number>;
}

export const TARGET_OPTIONS: OptionSpec[] = [
  { flags: '--repo <dir>', description: 'Repository to track (default: the config\'s repo, else the demo)' },
  { flags: '--doc <path>', description: 'Tracking doc, relative to the repository' },
  { flags: '--config <file>', description: 'Config file (default: migratrack.config.{ts,mjs,json} here)' },
  { flags: '--history <file>', description: 'History file (default: .migratrack/history.json)' },
  { flags: '--since <date>', description: 'Backfill history from this day (YYYY-MM-DD)' },
  { flags: '--no-backfill', description: 'Do not walk git history; record this run only' },
];

export const SITE_OPTIONS: OptionSpec[] = [
  { flags: '--out <dir>', description: 'Output folder (default: dist)' },
  { flags: '--base <path>', description: 'Base path the site is served under (default: /)' },
  { flags: '--site <url>', description: 'Absolute URL the site is published at' },
  { flags: '--notes <dir>', description: 'Folder of your own .md pages (.mdx only if the config allows)' },
];

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: '-q, --quiet', description: 'Print only warnings, errors and results' },
  { flags: '--verbose', description: 'Also print the resolved config and details' },
  { flags: '-h, --help', description: 'Show help for a command' },
  { flags: '--version', description: 'Print the version' },
];

/** cac/mri turn "2026" into a number and repeated flags into arrays; flags are strings here. */
export function stringOption(options: RawOptions, key: string): string | undefined {
  const raw = options[key];
  const value = Array.isArray(raw) ? (raw[raw.length - 1] as unknown) : raw;
  if (value === undefined || typeof value === 'boolean') return undefined;
  return String(value);
}

/** The pipeline flags as CliFlags for resolveOptions. */
export function cliFlags(options: RawOptions): CliFlags {
  const flags: CliFlags = {};
  for (const key of ['repo', 'doc', 'config', 'out', 'base', 'site', 'history', 'notes', 'since'] as const) {
    const value = stringOption(options, key);
    // An empty value (`--base ""` from an unset CI variable) means "not given".
    if (value !== undefined && value !== '') flags[key] = value;
  }
  if (options.backfill === false) flags.backfill = false;
  const port = stringOption(options, 'port');
  if (port !== undefined) {
    if (!/^\d+$/.test(port)) throw new MigratrackError('usage', `--port: "${port}" is not a port number (expected 1-65535)`);
    flags.port = Number(port);
  }
  return flags;
}
