/**
 * Finds and loads `migratrack.config.{ts,mjs,json}`, then validates it with the one schema.
 * Every failure is a MigratrackError naming the file, so the CLI prints it on a line or two and
 * exits 2 instead of dumping a stack for what is the user's mistake.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MigratrackError } from '../errors.js';
import { formatZodError } from './error-map.js';
import { MigratrackConfig } from './schema.js';

/** Looked up in this order in the working directory; the first one found wins. */
export const CONFIG_FILE_NAMES = ['migratrack.config.ts', 'migratrack.config.mjs', 'migratrack.config.json'] as const;

/** A validated config and where it came from (relative paths in it are resolved against `dir`). */
export interface LoadedConfig {
  file: string;
  dir: string;
  config: MigratrackConfig;
}

/** The first config file present in `cwd`, or null. */
export function findConfigFile(cwd: string): string | null {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Loads the config given by `--config` (which must exist) or found in `cwd` (optional).
 * @returns null when there is no `--config` and no config file in `cwd`.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig | null> {
  let file: string | null;
  if (explicit !== undefined) {
    file = path.resolve(cwd, explicit);
    if (!existsSync(file)) {
      throw new MigratrackError('usage', `--config: ${explicit} not found (expected a migratrack.config.ts, .mjs or .json file)`, { file });
    }
  } else {
    file = findConfigFile(cwd);
    if (file === null) return null;
  }
  const raw = await readRawConfig(file);
  return { file, dir: path.dirname(file), config: validateConfig(raw, file) };
}

/** Validates an already-loaded value; `file` only names the source in the error. */
export function validateConfig(raw: unknown, file: string): MigratrackConfig {
  const result = MigratrackConfig.safeParse(raw);
  if (result.success) return result.data;
  const lines = formatZodError(result.error).map((line) => `  ${line}`);
  throw new MigratrackError('input', `invalid config ${file}:\n${lines.join('\n')}`, { file });
}

async function readRawConfig(file: string): Promise<unknown> {
  const ext = path.extname(file);
  if (ext === '.json') {
    const text = await readFile(file, 'utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new MigratrackError('input', `${file} is not valid JSON: ${(error as Error).message}`, { file });
    }
  }
  if (ext !== '.ts' && ext !== '.mjs' && ext !== '.js' && ext !== '.mts') {
    throw new MigratrackError('usage', `--config: ${file} has an unsupported extension (expected .ts, .mjs or .json)`, { file });
  }
  let mod: { default?: unknown };
  try {
    mod = (await importModule(file)) as { default?: unknown };
  } catch (error) {
    // A syntax or import error in the user's file: their fix, so one line, no stack.
    const first = String((error as Error).message ?? error).split('\n')[0];
    throw new MigratrackError('input', `could not load ${file}: ${first}`, { file });
  }
  const config = interopDefault(mod.default);
  if (config === undefined || config === null || typeof config !== 'object') {
    throw new MigratrackError('input', `${file} must \`export default defineConfig({ ... })\` (found no default-exported object)`, { file });
  }
  return config;
}

/**
 * A .ts config in a folder without `"type": "module"` (a Python repo, say) is compiled to CommonJS,
 * so its `export default` arrives wrapped as `{ __esModule, default }`; unwrap it like jiti does.
 */
function interopDefault(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'default' in value) {
    const keys = Object.keys(value).filter((k) => k !== 'default' && k !== '__esModule');
    if ('__esModule' in value || keys.length === 0) return (value as { default: unknown }).default;
  }
  return value;
}

async function importModule(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  if (file.endsWith('.ts') || file.endsWith('.mts')) {
    // tsImport compiles TypeScript on the fly, whether or not this process runs under tsx.
    const { tsImport } = await import('tsx/esm/api');
    return tsImport(url, { parentURL: import.meta.url });
  }
  // The query defeats the ESM cache so `dev` sees edits to the config.
  return import(`${url}?t=${Date.now()}`);
}
