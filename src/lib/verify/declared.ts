/**
 * What the doc declares for an item, with a group's "(each)" status applied to its slots, and the
 * tallies both declared and detected statuses roll up into.
 */
import type { DeclaredStatus, TrackedItem, TrackingDoc } from '../doc/model.js';
import type { ItemStatus } from '../snapshot/schema.js';

/** The item's own status, or its group's when the group says "(each)" and the slot says nothing. */
export function declaredStatusOf(item: TrackedItem, doc: TrackingDoc): DeclaredStatus {
  const own = item.status;
  if (own.raw.trim() !== '' || own.status !== 'unknown') return own.status;
  const group = doc.groups.find((g) => g.id === item.groupId);
  return group?.status.each ? group.status.status : own.status;
}

/** Same, with the words as written, for the snapshot. */
export function declaredStatusTextOf(item: TrackedItem, doc: TrackingDoc): string {
  if (item.status.raw.trim() !== '') return item.status.raw;
  return doc.groups.find((g) => g.id === item.groupId)?.status.raw ?? '';
}

export interface DeclaredCounts {
  done: number;
  inProgress: number;
  notStarted: number;
  blocked: number;
  unknown: number;
  skipped: number;
}

/** Tally of declared statuses. */
export function countDeclared(statuses: readonly DeclaredStatus[]): DeclaredCounts {
  const c: DeclaredCounts = { done: 0, inProgress: 0, notStarted: 0, blocked: 0, unknown: 0, skipped: 0 };
  for (const s of statuses) {
    if (s === 'done') c.done++;
    else if (s === 'in-progress') c.inProgress++;
    else if (s === 'not-started') c.notStarted++;
    else if (s === 'blocked') c.blocked++;
    else if (s === 'skipped') c.skipped++;
    else c.unknown++;
  }
  return c;
}

export interface VerifiedCounts {
  done: number;
  partial: number;
  notStarted: number;
  missing: number;
  unknown: number;
}

/** Tally of detected statuses (blocked cannot be detected; it counts as unknown). */
export function countVerified(statuses: readonly ItemStatus[]): VerifiedCounts {
  const c: VerifiedCounts = { done: 0, partial: 0, notStarted: 0, missing: 0, unknown: 0 };
  for (const s of statuses) {
    if (s === 'done') c.done++;
    else if (s === 'in-progress') c.partial++;
    else if (s === 'not-started') c.notStarted++;
    else if (s === 'missing') c.missing++;
    else c.unknown++;
  }
  return c;
}
