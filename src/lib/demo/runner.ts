/**
 * Runs the plan: applies each step to the code and doc state of its branch, renders the files and
 * turns the differences into fast-import commits. Also records, per first-parent commit, what the
 * doc declares, which is the ground truth the tests and other stages compare against.
 */
import { DocState, type EntryDoc, type EntryStatus } from './doc-state.js';
import { renderDoc } from './doc-render.js';
import type { ImportCommit, FileChange, Person } from './fast-import.js';
import { measure } from './metrics.js';
import { DOC_PATH, FILE_PATHS } from './paths.js';
import type { Author, PlanContext, PlanDay } from './plan-types.js';
import type { Flag } from './types.js';
import { CodeWorld, type RenderedFile } from './world.js';

/** Fixed identities, so commit ids never depend on who runs the generator. */
export const AUTHORS: Readonly<Record<Author, Person>> = {
  dana: { name: 'Dana Whitfield', email: 'dana@nba-props.example' },
  sam: { name: 'Sam Okafor', email: 'sam@nba-props.example' },
};
/** Every commit has the same committer (authors vary). */
export const COMMITTER: Person = { name: 'Dana Whitfield', email: 'dana@nba-props.example' };
/** All commits are 08:00-15:30 Pacific, so the UTC day equals the local day (no boundary ambiguity). */
export const TZ_OFFSET = '-08:00';
/** The seed doc was written in Session 119 on the first day; one session a day after that. */
const FIRST_SESSION = 119;

/** A first-parent commit and what the doc declared at it. */
export interface MainPoint {
  mark: number;
  date: string;
  declaredDone: number;
  summaryTotal: number;
  /** Values of `DOC_COMMANDS` on this commit's tree. */
  metrics: number[];
}

/** Everything a plan run produces: the commits to import and the ground truth. */
export interface PlanRun {
  commits: ImportCommit[];
  labels: Map<string, { mark: number; date: string }>;
  main: MainPoint[];
  merges: { mark: number; date: string; branch: string; branchMarks: number[] }[];
  doc: DocState;
  world: CodeWorld;
}

interface BranchState {
  world: CodeWorld;
  doc: DocState;
  docPresent: boolean;
  files: Map<string, RenderedFile>;
  tip: number | null;
  /** Code state where the branch forked, to tell which paths it changed. */
  base: CodeWorld | null;
  marks: number[];
}

function same(a: RenderedFile | undefined, b: RenderedFile): boolean {
  if (!a || a.executable !== b.executable) return false;
  if (typeof a.content === 'string' && typeof b.content === 'string') return a.content === b.content;
  return Buffer.from(a.content).equals(Buffer.from(b.content));
}

function diff(before: Map<string, RenderedFile>, after: Map<string, RenderedFile>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, file] of after) {
    if (!same(before.get(path), file)) changes.push({ path, content: file.content, executable: file.executable });
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push({ path, content: null });
  return changes;
}

function render(state: BranchState, seed: string): Map<string, RenderedFile> {
  const files = state.world.render();
  if (state.docPresent) files.set(DOC_PATH, { content: renderDoc(seed, state.doc), executable: false });
  return files;
}

/**
 * Executes `days` on top of `initial` (the code at the first commit). The doc appears in the
 * commit whose step calls `x.label('doc-added')`.
 */
export function runPlan(days: readonly PlanDay[], initial: CodeWorld, seed: string): PlanRun {
  const branches = new Map<string, BranchState>();
  const main: BranchState = {
    world: initial,
    doc: new DocState(),
    docPresent: false,
    files: new Map(),
    tip: null,
    base: null,
    marks: [],
  };
  branches.set('main', main);
  const run: PlanRun = { commits: [], labels: new Map(), main: [], merges: [], doc: main.doc, world: main.world };
  let mark = 0;

  for (const [dayIndex, day] of days.entries()) {
    for (const step of day.commits) {
      mark++;
      const branchName = step.branch ?? 'main';
      let state = branches.get(branchName);
      let from: number | undefined;
      if (!state) {
        // A new branch forks from main's tip with copies of its state.
        state = { ...main, world: main.world.clone(), doc: main.doc.clone(), base: main.world.clone(), marks: [] };
        from = main.tip ?? undefined;
        branches.set(branchName, state);
      }
      const merged = step.merge ? branches.get(step.merge) : undefined;
      if (step.merge) {
        if (!merged?.base || branchName !== 'main') throw new Error(`demo plan: cannot merge ${step.merge}`);
        for (const path of new Set([...merged.world.paths(), ...merged.base.paths()])) {
          if (merged.world.fingerprint(path) !== merged.base.fingerprint(path))
            state.world.takeFrom(merged.world, path);
        }
      }
      const current = state;
      const ctx: PlanContext = {
        world: current.world,
        doc: current.doc,
        date: day.date,
        session: `Session ${FIRST_SESSION + dayIndex}`,
        code: (target: number | string, flag: Flag) =>
          current.world.flag(typeof target === 'number' ? FILE_PATHS[target]! : target, flag),
        declare: (n: number, status: EntryStatus, extra: Partial<EntryDoc> = {}) => {
          const entry: EntryDoc = {
            status,
            updatedBy: `Session ${FIRST_SESSION + dayIndex}`,
            date: day.date,
            ...extra,
          };
          current.doc.entries.set(n, entry);
        },
        refresh: (what = {}) => {
          current.doc.refreshSummary({ table: what.table ?? true, header: what.header ?? true });
          if (what.footer ?? true) {
            current.doc.lastUpdated = day.date;
            current.doc.session = FIRST_SESSION + dayIndex;
          }
        },
        label: (name: string) => {
          if (run.labels.has(name)) throw new Error(`demo plan: duplicate label ${name}`);
          run.labels.set(name, { mark, date: day.date });
          if (name === 'doc-added') current.docPresent = true;
        },
      };
      step.apply(ctx);
      const files = render(current, seed);
      const commit: ImportCommit = {
        branch: branchName,
        mark,
        author: AUTHORS[step.author ?? 'dana'],
        committer: COMMITTER,
        date: `${day.date}T${step.time}:00${TZ_OFFSET}`,
        message: step.message,
        changes: diff(current.files, files),
      };
      if (from !== undefined) commit.from = from;
      if (merged) commit.merge = [merged.tip!];
      if (commit.changes.length === 0 && !merged) throw new Error(`demo plan: "${step.message}" changes nothing`);
      run.commits.push(commit);
      current.files = files;
      current.tip = mark;
      current.marks.push(mark);
      if (merged) run.merges.push({ mark, date: day.date, branch: step.merge!, branchMarks: [...merged.marks] });
      if (branchName === 'main') {
        run.main.push({
          mark,
          date: day.date,
          declaredDone: current.doc.declaredDone(),
          summaryTotal: Object.values(current.doc.summary).reduce((a, b) => a + b, 0),
          metrics: measure(files),
        });
      }
    }
  }
  return run;
}
