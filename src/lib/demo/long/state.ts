/**
 * The long demo's world (issue 18, "Measure"): a client-pool migration of 30 tracked files that
 * runs for months. The state is plain data; `renderFiles` turns it into the repository's files
 * and `renderDoc` into the tracking doc. Counting for the ground truth is done on these rendered
 * files with plain string operations (`groundTruth.ts`), never by migratrack.
 */

/** The tracking doc's path in the long demo repository. */
export const LONG_DOC_PATH = 'docs/CLIENT-POOL-TRACKING.md';
export const OLD_CALL = 'LegacyClient(';
export const NEW_CALL = 'get_client(';
/** Tracked files: 1-20 are services (Task 1), 21-30 jobs (Task 2). */
export const TRACKED = 30;
export const SERVICES = 20;
/** Untracked files the scope jump adds under services/ (the remaining command's folder). */
export const BILLING_FILES = 12;
export const BILLING_CALLS = 20;
export const REPORT_CALLS = 3;

export type DeclaredStatus = 'done' | 'in-progress' | 'not-started';

export interface LongState {
  /** Tracked file number → old calls left in it. */
  calls: Map<number, number>;
  /** Tracked file number → its original number of calls (the migrated file has that many new ones). */
  original: Map<number, number>;
  /** What the doc declares per tracked file. */
  declared: Map<number, DeclaredStatus>;
  /** The doc's "Last Updated" (set by every doc edit). */
  docUpdated: string;
  billing: 'absent' | 'old' | 'migrated';
  /** Report files added during the regrowth (each with REPORT_CALLS old calls). */
  reports: number;
  /** What the doc plans (fixed for the whole story). */
  milestones: readonly PlannedMilestone[];
  /** Path → lines of unrelated edits (the day-to-day commits that do not touch the migration). */
  noise: Map<string, number>;
}

/** Old calls a tracked file starts with: 1-4, a fixed pattern. */
export function initialCalls(n: number): number {
  return 1 + ((n * 5) % 4);
}

export function trackedPath(n: number): string {
  const pad = String(n <= SERVICES ? n : n - SERVICES).padStart(2, '0');
  return n <= SERVICES ? `services/svc${pad}/client.py` : `jobs/job${pad}.py`;
}

export function initialState(start: string, milestones: readonly PlannedMilestone[]): LongState {
  const calls = new Map<number, number>();
  for (let n = 1; n <= TRACKED; n++) calls.set(n, initialCalls(n));
  return {
    calls,
    original: new Map(calls),
    declared: new Map(Array.from({ length: TRACKED }, (_, i) => [i + 1, 'not-started' as const])),
    docUpdated: start,
    billing: 'absent',
    reports: 0,
    milestones,
    noise: new Map(),
  };
}

export function cloneState(s: LongState): LongState {
  return { ...s, calls: new Map(s.calls), original: s.original, declared: new Map(s.declared), noise: new Map(s.noise) };
}

/** A Python module with `old` legacy calls and `fresh` pooled ones, one per function. */
function module(name: string, old: number, fresh: number): string {
  const lines = [`"""${name}: talks to the storage service."""`];
  if (old > 0) lines.push('from platform_lib import LegacyClient');
  if (fresh > 0) lines.push('from platform_lib.pool import get_client');
  lines.push('');
  for (let i = 0; i < fresh; i++) lines.push(`def fetch_${i + 1}(key):`, `    return get_client(region="us").get(key)`, '');
  for (let i = 0; i < old; i++) lines.push(`def load_${i + 1}(key):`, `    return LegacyClient(region="us").get(key)`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Every file of the repository (the doc included) in this state. */
export function renderFiles(s: LongState, start: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('README.md', '# storage-services\n\nServices and jobs that read the storage platform.\n');
  for (let n = 1; n <= TRACKED; n++) {
    const old = s.calls.get(n) ?? 0;
    const original = s.original.get(n) ?? 0;
    files.set(trackedPath(n), module(trackedPath(n), old, old < original ? original : 0));
  }
  for (let b = 1; b <= BILLING_FILES && s.billing !== 'absent'; b++) {
    const path = `services/billing/invoice${String(b).padStart(2, '0')}.py`;
    files.set(path, module(path, s.billing === 'old' ? BILLING_CALLS : 0, s.billing === 'migrated' ? BILLING_CALLS : 0));
  }
  for (let r = 1; r <= s.reports; r++) {
    const path = `services/reports/report${String(r).padStart(2, '0')}.py`;
    files.set(path, module(path, REPORT_CALLS, 0));
  }
  for (const [path, count] of s.noise) {
    files.set(path, `"""Request handlers."""\n\n${Array.from({ length: count }, (_, i) => `def handler_${i + 1}(request):\n    return request.ok\n`).join('\n')}`);
  }
  files.set(LONG_DOC_PATH, renderDoc(s, start));
  return files;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2026-02-13" → "February 13, 2026". */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${MONTHS[m! - 1]} ${d}, ${y}`;
}
/** "2026-02-13" → "Feb 13". */
export function shortDate(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${MONTHS[m! - 1]!.slice(0, 3)} ${d}`;
}

const STATUS_TEXT: Record<DeclaredStatus, string> = { done: '✅ Complete', 'in-progress': '⚠️ In Progress', 'not-started': '⚪ Not Started' };

/** The milestones the doc plans: both long past by the end of the story. */
export interface PlannedMilestone {
  title: string;
  start: string;
  end: string;
  done: number;
}

/** The tracking doc, in the seed doc's style. */
export function renderDoc(s: LongState, start: string): string {
  const done = [...s.declared.values()].filter((v) => v === 'done').length;
  const countIn = (from: number, to: number) => [...s.declared].filter(([n, v]) => n >= from && n <= to && v === 'done').length;
  const out = [
    '# Client Pool Migration - File Tracking',
    '',
    '**Project:** Storage platform - move every service to the pooled client',
    `**Start Date:** ${longDate(start)}`,
    `**Status:** ${done === TRACKED ? '✅ Complete' : '🟡 In Progress'}`,
    `**Progress:** ${done}/${TRACKED} files (${Math.floor((done * 100) / TRACKED)}%)`,
    '',
    '---',
    '',
    '## 📊 Progress Summary',
    '',
    '| Category | Total Files | Completed | Remaining | % Complete |',
    '|----------|-------------|-----------|-----------|------------|',
    `| **Task 1** - Services | ${SERVICES} | ${countIn(1, SERVICES)} | ${SERVICES - countIn(1, SERVICES)} | ${Math.floor((countIn(1, SERVICES) * 100) / SERVICES)}% |`,
    `| **Task 2** - Jobs | ${TRACKED - SERVICES} | ${countIn(SERVICES + 1, TRACKED)} | ${TRACKED - SERVICES - countIn(SERVICES + 1, TRACKED)} | ${Math.floor((countIn(SERVICES + 1, TRACKED) * 100) / (TRACKED - SERVICES))}% |`,
    `| **TOTAL** | **${TRACKED}** | **${done}** | **${TRACKED - done}** | **${Math.floor((done * 100) / TRACKED)}%** |`,
    '',
    '---',
    '',
  ];
  const section = (title: string, from: number, to: number) => {
    out.push(`## ✅ Task ${from === 1 ? 1 : 2}: ${title} (${to - from + 1} files)`, '');
    for (let n = from; n <= to; n++) {
      out.push(
        `### File ${n}: ${trackedPath(n).split('/').slice(-2).join('/')}`,
        `- **Path:** \`${trackedPath(n)}\``,
        `- **Status:** ${STATUS_TEXT[s.declared.get(n) ?? 'not-started']}`,
        '- **Changes:**',
        `  - [${s.declared.get(n) === 'done' ? 'x' : ' '}] Replace: \`${OLD_CALL}\` → \`${NEW_CALL}\``,
        '',
      );
    }
    out.push('---', '');
  };
  section('Move services to the pooled client', 1, SERVICES);
  section('Move batch jobs to the pooled client', SERVICES + 1, TRACKED);
  out.push(
    '## 📈 Progress Tracking Commands',
    '',
    '```bash',
    '# Count completed files',
    `grep -c "✅ Complete" ${LONG_DOC_PATH}`,
    '',
    '# Find remaining LegacyClient calls',
    `grep -r "LegacyClient(" services/ jobs/ --include="*.py" | wc -l`,
    '',
    '# Verify pooled client usage',
    `grep -r "get_client(" services/ jobs/ --include="*.py" | wc -l`,
    '```',
    '',
    '---',
    '',
    '## 🎯 Milestones',
    '',
  );
  for (const m of s.milestones) {
    out.push(`### ${m.title} (${shortDate(m.start)} - ${shortDate(m.end)})`, `- [ ] Migrate ${m.done} files`, `- **Target:** ${m.done}/${TRACKED} files (${Math.floor((m.done * 100) / TRACKED)}%)`, '');
  }
  out.push('---', '', `**Last Updated:** ${longDate(s.docUpdated)}`, '');
  return out.join('\n');
}
