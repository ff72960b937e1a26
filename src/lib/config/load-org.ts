/** Loads and validates the org config (`--org-config FILE`, JSON): a MigratrackError naming the file on any problem. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MigratrackError } from '../errors.js';
import { formatZodError } from './error-map.js';
import { OrgConfig } from './org-schema.js';

export interface LoadedOrgConfig {
  file: string;
  config: OrgConfig;
}

export async function loadOrgConfig(cwd: string, given: string): Promise<LoadedOrgConfig> {
  const file = path.resolve(cwd, given);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message;
    throw new MigratrackError('usage', `--org-config: ${given} ${why} (expected the org's migratrack.org.json)`, { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MigratrackError('input', `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
  const result = OrgConfig.safeParse(raw);
  if (!result.success) {
    const lines = formatZodError(result.error).map((line) => `  ${line}`);
    throw new MigratrackError('input', `invalid org config ${file}:\n${lines.join('\n')}`, { file });
  }
  return { file, config: result.data };
}
