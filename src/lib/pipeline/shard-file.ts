/**
 * Writing `scan --shard --out FILE` (issue 24): atomically (temp + rename, so a CI artifact is never
 * half a shard), and only over nothing or over a shard (never over a file migratrack did not write).
 */
import { lstat, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MigratrackError } from '../errors.js';
import { writeFault, writeFileAtomic } from '../history/index.js';
import { looksLikeShard, type Shard } from '../org/index.js';

/** The shard's text: one line of JSON (indentation would add a third to a CI artifact). */
export function shardFileText(shard: Shard): string {
  return `${JSON.stringify(shard)}\n`;
}

/** Refuses `file` unless it is absent or a shard (any version); run before the scan, and again before the write. */
export async function checkShardOut(file: string, given: string): Promise<void> {
  const stat = await lstat(file).catch(() => null);
  if (stat === null) return;
  const refuse = (what: string) =>
    new MigratrackError('usage', `--out: ${given} ${what}; migratrack overwrites only a shard it wrote (choose another --out, or move that file away)`, { file });
  if (!stat.isFile()) throw refuse(stat.isDirectory() ? 'is a folder' : 'is not a regular file');
  let json: unknown = null;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // Not JSON: not a shard.
  }
  if (!looksLikeShard(json)) throw refuse('exists and is not a migratrack shard');
}

export async function writeShardFile(file: string, given: string, shard: Shard): Promise<number> {
  await checkShardOut(file, given);
  const text = shardFileText(shard);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, text);
  } catch (error) {
    throw writeFault('shard', file, error, 'point --out at');
  }
  return Buffer.byteLength(text);
}
