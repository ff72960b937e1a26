/**
 * The long demo's ground truth: per commit, the figures a reader should see, counted on the
 * story's rendered files with plain string operations (never migratrack's scanner or parser),
 * and the facts the dashboard's signals must state (issue 18, item 3).
 */
import { LONG_DOC_PATH, NEW_CALL, OLD_CALL, TRACKED, trackedPath } from './state.js';
import type { LongStory, StoryKind } from './story.js';

export interface LongCommitTruth {
  mark: number;
  /** Filled in once the repository is written. */
  sha: string;
  day: string;
  kind: StoryKind;
  item: number | null;
  /** The doc's "✅ Complete" status lines among tracked files. */
  declaredDone: number;
  /** Tracked files with no old call left and the new one present. */
  verifiedDone: number;
  /** `grep -r "LegacyClient(" services/ jobs/ --include="*.py" | wc -l`. */
  remainingCalls: number;
  /** `grep -r "get_client(" services/ jobs/ --include="*.py" | wc -l`. */
  adoptionCalls: number;
  /** `grep -c "✅ Complete" <doc>`. */
  docCompleteLines: number;
}

export interface LongTruth {
  start: string;
  end: string;
  head: string;
  /** sha256 of the story's commits, to tell whether a repo on disk is this one. */
  version: string;
  milestones: { title: string; start: string; end: string; done: number; total: number }[];
  commits: LongCommitTruth[];
  /** The doc's last edit, and what happened in code since. */
  lastDocEdit: { mark: number; day: string; commitsSince: number; itemsMovedSince: number[] };
  scopeJump: { mark: number; day: string; callsAdded: number };
  cleanUp: { mark: number; day: string; callsRemoved: number };
  regressions: { item: number; path: string; mark: number; day: string }[];
  /** Last commit whose verified done count rose. */
  lastVerifiedProgress: { mark: number; day: string };
}

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

function countIn(files: Map<string, string>, needle: string): number {
  let n = 0;
  for (const [path, text] of files) {
    if (!/^(services|jobs)\//.test(path) || !path.endsWith('.py')) continue;
    n += lines(text).filter((l) => l.includes(needle)).length;
  }
  return n;
}

function verifiedDone(files: Map<string, string>): Set<number> {
  const done = new Set<number>();
  for (let n = 1; n <= TRACKED; n++) {
    const text = files.get(trackedPath(n)) ?? '';
    if (!text.includes(OLD_CALL) && text.includes(NEW_CALL)) done.add(n);
  }
  return done;
}

function only<T>(list: T[], what: string): T {
  if (list.length !== 1) throw new Error(`long demo: expected one ${what}, found ${list.length}`);
  return list[0]!;
}

/** Ground truth of a story whose commit i rendered `rendered[i]`. */
export function longTruth(story: LongStory, rendered: readonly Map<string, string>[]): LongTruth {
  const commits = story.commits.map((c, i): LongCommitTruth => {
    const files = rendered[i]!;
    const doc = lines(files.get(LONG_DOC_PATH) ?? '');
    return {
      mark: i + 1,
      sha: '',
      day: c.day,
      kind: c.kind,
      item: c.item,
      declaredDone: doc.filter((l) => l.startsWith('- **Status:** ✅ Complete')).length,
      verifiedDone: verifiedDone(files).size,
      remainingCalls: countIn(files, OLD_CALL),
      adoptionCalls: countIn(files, NEW_CALL),
      docCompleteLines: doc.filter((l) => l.includes('✅ Complete')).length,
    };
  });
  const docEdits = commits.filter((c) => c.kind === 'doc');
  const lastEdit = docEdits.at(-1)!;
  const doneAtEdit = verifiedDone(rendered[lastEdit.mark - 1]!);
  const doneAtHead = verifiedDone(rendered.at(-1)!);
  const moved = Array.from({ length: TRACKED }, (_, i) => i + 1).filter((n) => doneAtEdit.has(n) !== doneAtHead.has(n));
  const delta = (kind: StoryKind) => {
    const c = only(commits.filter((x) => x.kind === kind), kind);
    return { mark: c.mark, day: c.day, calls: c.remainingCalls - commits[c.mark - 2]!.remainingCalls };
  };
  const jump = delta('scope-jump');
  const clean = delta('clean-up');
  const progress = commits.filter((c, i) => i > 0 && c.verifiedDone > commits[i - 1]!.verifiedDone).at(-1)!;
  return {
    start: story.start,
    end: story.end,
    head: '',
    version: '',
    milestones: story.milestones.map((m) => ({ ...m, total: TRACKED })),
    commits,
    lastDocEdit: { mark: lastEdit.mark, day: lastEdit.day, commitsSince: commits.length - lastEdit.mark, itemsMovedSince: moved },
    scopeJump: { mark: jump.mark, day: jump.day, callsAdded: jump.calls },
    cleanUp: { mark: clean.mark, day: clean.day, callsRemoved: -clean.calls },
    regressions: commits.filter((c) => c.kind === 'regression').map((c) => ({ item: c.item!, path: trackedPath(c.item!), mark: c.mark, day: c.day })),
    lastVerifiedProgress: { mark: progress.mark, day: progress.day },
  };
}
