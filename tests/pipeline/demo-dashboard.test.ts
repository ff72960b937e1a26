/**
 * Issue 2 "Done when" and issue 4 "Done when" on the demo repository: one in-process build
 * (buildSnapshot as the CLI calls it), every figure checked against an oracle that shares no code
 * with the pipeline: GNU grep/coreutils on the same tree, the doc's statuses counted by a plain
 * regex, and the demo generator's manifest (ground truth from its plan).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRepoInfo } from '../../src/lib/demo/index.js';
import { buildSnapshot } from '../../src/lib/pipeline/index.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import type { HistoryRecord } from '../../src/lib/history/index.js';
import { renderMarkdownSummary } from '../../src/lib/cli/index.js';
import { buildDashboard, buildMetricPage, metricParams } from '../../src/lib/site/index.js';
import { declaredByCategory, grepLines, patternOf, section } from './doc-oracle.js';
import { ORACLE_ENV, buildOptions, freshDemo, git, quietLogger, removeTempDirs, tempDir, tool } from './helpers.js';

let info: DemoRepoInfo;
let snapshot: Snapshot;
let history: HistoryRecord[];
let doc: string;

beforeAll(async () => {
  const work = tempDir();
  info = await freshDemo(work);
  doc = git(info.root, ['show', `HEAD:${info.docPath}`]);
  ({ snapshot, history } = await buildSnapshot(buildOptions(work, info.root, info.docPath), quietLogger(work)));
});
afterAll(removeTempDirs);

/**
 * What the doc's command prints, by the shell the doc was written for. Test-only: the test controls
 * the command text (the demo's doc); the pipeline itself never runs a shell.
 */
function shellValue(command: string): number {
  const r = spawnSync('bash', ['-c', command], { cwd: info.root, env: ORACLE_ENV, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command}: exit ${r.status} ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  // `| wc -l` and `grep -c FILE` print one number; any other pipeline is counted by its lines.
  if (/\| wc -l$/.test(command) || /^grep -c /.test(command)) return Number(lines[0]);
  return lines.length;
}

/** Slot number → category id, from the manifest (slots are numbered in category order). */
function slotsOf(categoryId: string): number[] {
  let first = 1;
  for (const [id, c] of Object.entries(info.expected.headCategories)) {
    if (id === categoryId) return Array.from({ length: c.slots }, (_, i) => first + i);
    first += c.slots;
  }
  throw new Error(`no category ${categoryId} in the manifest`);
}

describe('the markdown summary and the site print the snapshot’s figures', () => {
  it('every figure of the summary equals the snapshot’s, and the dashboard’s', () => {
    const md = renderMarkdownSummary(snapshot);
    const { totals } = snapshot;
    expect(md).toContain(`**${totals.declaredDone}/${totals.slots} files done (${Math.floor((100 * totals.declaredDone) / totals.slots)}%)**`);
    expect(md).toContain(`**${totals.verifiedDone}/${totals.slots} (${Math.floor((100 * totals.verifiedDone) / totals.slots)}%)** verified`);
    const vm = buildDashboard({ snapshot, history: [] } as never, { base: '/', site: 'https://example.test/' });
    for (const c of snapshot.categories) {
      const row = md.split('\n').find((l) => l.startsWith(`| ${c.id} `))!;
      const [, declared, verified, calls] = row.split(' | ').map((x) => x.trim());
      expect([declared, verified, calls]).toEqual([`${c.declared.done}/${c.slots} (${Math.floor((100 * c.declared.done) / c.slots)}%)`, `${c.verified.done}/${c.slots}`, `${c.remaining.calls} |`]);
      const view = vm.categories.find((v) => v.id === c.id)!;
      expect([view.declared.done, view.verified.done, view.slots]).toEqual([c.declared.done, c.verified.done, c.slots]);
      // What is left: one line per category with work left, its file counts adding up to its calls.
      const left = md.split('### What is left')[1]!.split('\n\n')[1]!.split('\n- **').find((b) => b.replace(/^- \*\*/, '').startsWith(`${c.id} `));
      if (c.slots - c.verified.done === 0 && c.remaining.calls === 0) {
        expect(left).toBeUndefined();
        continue;
      }
      const files = c.slots - c.verified.done;
      expect(left).toContain(`: ${files} ${files === 1 ? 'file' : 'files'} remaining`);
      if (c.remaining.calls > 0) expect(left).toContain(view.remainingText);
      const listed = [...left!.matchAll(/`: (\d+) calls?$/gm)].map((m) => Number(m[1]));
      const more = Number(/…and (\d+) more/.exec(left!)?.[1] ?? 0);
      expect(listed.length).toBe(Math.min(5, c.remaining.files));
      expect(listed.length + more).toBe(c.remaining.files);
      if (more === 0) expect(listed.reduce((a, b) => a + b, 0)).toBe(c.remaining.calls);
    }
    for (const m of snapshot.metrics.filter((x) => x.value !== null)) {
      expect(md).toMatch(new RegExp(`\\| ${m.value} ${m.unit === 'lines' ? (m.value === 1 ? 'line' : 'lines') : m.unit === 'files' ? (m.value === 1 ? 'file' : 'files') : m.value === 1 ? 'match' : 'matches'} \\|`));
    }
  });
});

describe('the demo dashboard equals independent oracles', () => {
  it('classifies the doc’s commands: counting the doc’s own lines is a doc-check, not remaining calls', () => {
    const roles = Object.fromEntries(snapshot.metrics.map((m) => [m.label, m.role]));
    expect(roles).toMatchObject({
      'Count completed files': 'doc-check',
      'Find remaining bigquery.Client() calls': 'remaining',
      'Verify BigQuery pooling usage': 'adoption',
    });
    // The oracle: a doc-check's command names the doc file, the others never do.
    for (const m of snapshot.metrics) expect(m.role === 'doc-check').toBe(m.command!.includes(path.basename(info.docPath)));
  });

  it('evaluates every tracking command of the doc, each equal to real grep', () => {
    // The progress commands and the groups' "Command to find" pipelines (issue 22 item 5).
    const written = grepLines(doc.split('\n'));
    expect(written.length).toBeGreaterThan(grepLines(section(doc, /Progress Tracking Commands/)).length);
    const metrics = snapshot.metrics.filter((m) => m.source === 'doc');
    expect(written.length).toBeGreaterThan(0);
    expect(metrics.map((m) => m.command).sort()).toEqual([...written].sort());
    const lastDay = info.expected.days.at(-1)!;
    for (const m of metrics) {
      const oracle = shellValue(m.command!);
      expect({ command: m.command, value: m.value, error: m.error }).toEqual({ command: m.command, value: oracle, error: null });
      expect(lastDay.metrics[m.command!], `manifest value of ${m.command}`).toBe(oracle);
    }
  });

  it("gives each group's Command to find a card and a page with its chart over the history", () => {
    const groups = snapshot.metrics.filter((m) => m.label.startsWith('Files '));
    expect(groups.map((m) => m.label)).toEqual(['Files 40-56: Individual processor files', 'Files 58-76: Scraper HTTP calls']);
    const data = { snapshot, history } as never;
    const ctx = { base: '/', site: 'https://example.test/' };
    const tiles = buildDashboard(data, ctx).metrics;
    for (const m of groups) {
      expect(tiles.find((t) => t.id === m.id), m.label).toBeDefined();
      const param = metricParams(data).find((p) => m.url.includes(p))!;
      const page = buildMetricPage(data, ctx, param);
      expect(page.chart, m.label).not.toBeNull();
      expect(history.every((r) => typeof r.metrics[m.id] === 'number'), `${m.label} in every record`).toBe(true);
    }
  });

  it('declares per category what the doc says, counted by a plain regex', () => {
    const counted = declaredByCategory(doc);
    expect(snapshot.categories.map((c) => c.id)).toEqual([...counted.keys()]);
    for (const category of snapshot.categories) {
      const c = counted.get(category.id)!;
      const { done, inProgress, notStarted, blocked } = category.declared;
      expect({ id: category.id, slots: category.slots, done, inProgress, notStarted, blocked }).toEqual({ id: category.id, ...c });
      expect(category.slots, `manifest slots of ${category.id}`).toBe(info.expected.headCategories[category.id]?.slots);
      expect(done, `manifest declared done of ${category.id}`).toBe(info.expected.headCategories[category.id]?.declaredDone);
    }
  });

  it('totals 76 slots, and the declared done the manifest expects', () => {
    const counted = [...declaredByCategory(doc).values()];
    expect(snapshot.totals.slots).toBe(info.expected.totalSlots);
    expect(snapshot.totals.slots).toBe(76);
    expect(snapshot.totals.slots).toBe(counted.reduce((n, c) => n + c.slots, 0));
    expect(snapshot.totals.declaredDone).toBe(info.expected.days.at(-1)!.declaredDone);
    expect(snapshot.totals.declaredDone).toBe(counted.reduce((n, c) => n + c.done, 0));
    expect(snapshot.repo).toMatchObject({ commit: info.head, isGit: true });
  });

  it('finds every planted drift case that holds at HEAD, with its kind and item or path', () => {
    const cases = info.drift.filter((d) => d.snapshotKind !== null);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const found = snapshot.drift.filter((d) => d.kind === c.snapshotKind && (c.snapshotKind === 'summary-disagrees' || d.path === c.path));
      expect(found, `${c.kind} (${c.snapshotKind}) ${c.path}: ${c.description}`).not.toEqual([]);
      if (c.itemNumber !== undefined) {
        const item = snapshot.items.find((i) => i.number === c.itemNumber);
        expect(item, `item ${c.itemNumber}`).toBeDefined();
        expect(found.map((d) => d.itemId), `${c.kind}: ${c.description}`).toContain(item!.id);
      }
    }
  });

  it('shows the renamed file under its new path', () => {
    const renames = info.drift.filter((d) => d.kind === 'renamed');
    expect(renames.length).toBeGreaterThan(0);
    for (const c of renames) {
      const item = snapshot.items.find((i) => i.number === c.itemNumber)!;
      expect({ path: item.path, renamedTo: item.renamedTo, detected: item.detectedStatus }).toEqual({
        path: c.path,
        renamedTo: c.details.newPath,
        detected: 'missing',
      });
    }
  });

  it('reports no item drift the code does not bear out (manifest headCode)', () => {
    const meaning = { 'declared-done-not-in-code': 'not-done', 'done-in-code-not-declared': 'done', 'path-missing': 'missing' } as const;
    const wrong = snapshot.drift
      .filter((d): d is typeof d & { kind: keyof typeof meaning } => d.itemId !== null && d.kind in meaning)
      .map((d) => {
        const n = snapshot.items.find((i) => i.id === d.itemId)?.number ?? null;
        return { item: d.itemId, kind: d.kind, path: d.path, headCode: n === null ? null : info.expected.headCode[n] };
      })
      .filter((d) => d.headCode !== meaning[d.kind]);
    expect(wrong).toEqual([]);
  });

  it('counts each category’s remaining calls as grep -c over its files', () => {
    for (const category of snapshot.categories) {
      const files = [...new Set(slotsOf(category.id).map((n) => info.expected.slotPaths[n]!))].filter((p) => {
        const abs = path.join(info.root, p);
        return existsSync(abs) && statSync(abs).isFile();
      });
      // The doc's own command in the category's section names the pattern; otherwise the
      // verifier's label for what it counts is taken as a fixed string.
      const written = grepLines(section(doc, new RegExp(`Task ${category.id.replace(/\./g, '\\.')}:`)));
      const patterns = written.length > 0 ? ['-G', ...written.flatMap((c) => ['-e', patternOf(c)])] : labelPatterns(category);
      let calls = 0;
      let withCalls = 0;
      if (patterns.length > 1 && files.length > 0) {
        for (const line of tool('grep', ['-c', '-H', ...patterns, '--', ...files], info.root).split('\n').filter(Boolean)) {
          const n = Number(line.slice(line.lastIndexOf(':') + 1));
          calls += n;
          if (n > 0) withCalls += 1;
        }
      }
      expect({ id: category.id, calls: category.remaining.calls, files: category.remaining.files }).toEqual({ id: category.id, calls, files: withCalls });
    }
  });
});

function labelPatterns(category: Snapshot['categories'][number]): string[] {
  const labels = (category.remaining.byPattern ?? []).map((p) => p.label.replace(/^`|`$/g, '')).filter(Boolean);
  return labels.length === 0 ? [] : ['-F', ...labels.flatMap((l) => ['-e', l])];
}
