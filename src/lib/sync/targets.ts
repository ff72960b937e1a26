/**
 * Which status sync writes for an item: what the code shows, when the code can tell and the doc
 * says something else. Raising a status (the code is ahead of the doc) is always written; lowering
 * one (the doc claims more than the code shows) only with `--demote`, since a person may know
 * better (a fix on a branch, a file to be deleted): those are listed and left alone.
 */
import type { DeclaredStatus } from '../doc/model.js';
import type { ItemStatus } from '../snapshot/schema.js';

const RANK: Partial<Record<DeclaredStatus, number>> = { 'not-started': 0, 'in-progress': 1, done: 2 };

export type Target =
  | { kind: 'same' }
  | { kind: 'write'; to: DeclaredStatus; direction: 'promote' | 'demote' }
  | { kind: 'leave'; why: string };

/** The decision for one item (see the module comment). */
export function targetOf(declared: DeclaredStatus, verified: ItemStatus | undefined, demote: boolean): Target {
  if (verified === undefined || verified === 'unknown') return { kind: 'same' };
  if (declared === verified) return { kind: 'same' };
  if (verified === 'missing') return { kind: 'leave', why: 'its file is not in the repository (renamed or deleted): fix the path by hand' };
  if (declared === 'skipped') return { kind: 'same' };
  const to = verified as DeclaredStatus;
  const known = RANK[to];
  if (known === undefined) return { kind: 'same' };
  // Blocked is a person's fact the code cannot show; only finished work overrides it.
  if (declared === 'blocked') return to === 'done' ? { kind: 'write', to, direction: 'promote' } : { kind: 'same' };
  const from = RANK[declared];
  if (from === undefined || known > from) return { kind: 'write', to, direction: 'promote' };
  if (demote) return { kind: 'write', to, direction: 'demote' };
  return { kind: 'leave', why: `declared ${declared} but the code shows ${verified}: pass --demote to write it` };
}
