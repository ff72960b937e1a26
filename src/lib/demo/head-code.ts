/**
 * Ground truth for the code side at HEAD: for each of the 76 slots, is the change the doc asks for
 * really in the code? Read from the plan's final state (flags), not from the files.
 */
import { CLOUD_FUNCTIONS, DIRECT_PROCESSORS, FILE_PATHS, SCRAPERS, cloudFunctionPath } from './paths.js';
import type { Flag } from './types.js';
import type { CodeWorld } from './world.js';

/** Code status of a slot: migrated, not, its path gone, or nothing to change (File 26). */
export type SlotCode = 'done' | 'not-done' | 'missing' | 'n/a';

/** The flag that means "done" for each numbered entry. */
function flagFor(n: number): Flag | null {
  if (n <= 2) return 'dedupe';
  if (n === 3) return 'retry';
  if (n <= 25) return 'jitter';
  if (n === 26) return null;
  if (n <= 29) return 'pooled';
  return 'http'; // 57
}

function status(world: CodeWorld, path: string, flag: Flag): SlotCode {
  if (!world.has(path)) return 'missing';
  return world.hasFlag(path, flag) && !world.hasFlag(path, 'regressed') ? 'done' : 'not-done';
}

/** Slot number → code status at HEAD, for slots 1-76. */
export function headCode(world: CodeWorld): Record<number, SlotCode> {
  const out: Record<number, SlotCode> = {};
  for (const n of Object.keys(FILE_PATHS).map(Number)) {
    const flag = flagFor(n);
    out[n] = flag === null ? 'n/a' : status(world, FILE_PATHS[n]!, flag);
  }
  CLOUD_FUNCTIONS.forEach((name, i) => (out[30 + i] = status(world, cloudFunctionPath(name), 'pooled')));
  DIRECT_PROCESSORS.forEach((path, i) => (out[40 + i] = status(world, path, 'pooled')));
  SCRAPERS.forEach((path, i) => (out[58 + i] = status(world, path, 'http')));
  return out;
}
