/**
 * Group resolution: "Files 30-39: all Cloud Function main.py files" names a glob and/or a
 * "Command to find" instead of (or besides) a list. Their members in the tree fill the group's
 * unresolved slots in order; members beyond the slot count are scope growth.
 */
import type { ItemGroup, TrackingDoc } from '../doc/model.js';
import type { Drift } from '../snapshot/schema.js';
import { matchGlobs } from './glob.js';
import { pathSet } from '../scan/index.js';

/** Inputs beyond the doc: the tree's paths and what the group commands found. */
export interface GroupInputs {
  paths: readonly string[];
  /** Files each "Command to find" reports, by TrackingCommand id (from the scanner). */
  commandFiles: ReadonlyMap<string, readonly string[]>;
  /**
   * Members seen earlier (e.g. by history at previous commits), by group id. A command finds the
   * files still to migrate, so a migrated member drops out of its output; this keeps it counted.
   */
  knownMembers?: ReadonlyMap<string, readonly string[]>;
}

export interface GroupResolution {
  /** Slot item id → path: the doc's own (a relative list entry resolved) or a member filling it. */
  paths: Map<string, string>;
  /** Members found for each group, sorted. */
  members: Map<string, string[]>;
  drift: Drift[];
}

/** Resolves every group of the doc; items outside groups are left to their own path. */
export function resolveGroups(doc: TrackingDoc, inputs: GroupInputs): GroupResolution {
  const result: GroupResolution = { paths: new Map(), members: new Map(), drift: [] };
  const exists = pathSet(inputs.paths);
  for (const group of doc.groups) {
    const members = groupMembers(group, inputs);
    result.members.set(group.id, members);
    const slots = doc.items.filter((i) => i.groupId === group.id).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    // Paths the doc already tracks in this category (Files 27-29 are not members to add to 40-56).
    const tracked = new Set<string>();
    for (const item of doc.items) {
      if (item.categoryId !== group.categoryId || item.path === null) continue;
      const resolved = exists.has(item.path) ? item.path : resolveRelative(item.path, members);
      tracked.add(resolved ?? item.path);
      if (item.groupId === group.id && resolved && resolved !== item.path) result.paths.set(item.id, resolved);
    }
    const unlisted = members.filter((m) => !tracked.has(m));
    const open = slots.filter((s) => s.path === null);
    open.forEach((slot, i) => {
      const member = unlisted[i];
      if (member) result.paths.set(slot.id, member);
    });
    for (const extra of unlisted.slice(open.length)) result.drift.push(scopeGrowth(group, extra, slots.length));
  }
  return result;
}

function groupMembers(group: ItemGroup, inputs: GroupInputs): string[] {
  const found = new Set<string>(matchGlobs(group.globs, inputs.paths));
  for (const id of group.commandIds) for (const p of inputs.commandFiles.get(id) ?? []) found.add(p);
  const present = pathSet(inputs.paths);
  for (const p of inputs.knownMembers?.get(group.id) ?? []) if (present.has(p)) found.add(p);
  return [...found].sort();
}

/** "phase2_to_phase3/main.py" in a list under a glob → the one member ending with it. */
function resolveRelative(path: string, members: readonly string[]): string | null {
  const candidates = members.filter((m) => m.endsWith(`/${path}`));
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

function scopeGrowth(group: ItemGroup, path: string, slotCount: number): Drift {
  const how = [...group.globs.map((g) => `\`${g}\``), ...(group.commandIds.length ? ['its "Command to find"'] : [])].join(' and ');
  return {
    kind: 'scope-growth',
    severity: 'warning',
    message: `\`${path}\` belongs to "${group.title}" but the doc does not track it`,
    itemId: null,
    path,
    docLine: group.source.startLine,
    evidence: `${how || 'the group'} now covers more files than its ${slotCount} slots`,
  };
}
