/**
 * A stand-in pipeline for the CLI tests: counts each configured fixed-string metric with real GNU
 * grep on the target's working tree (an independent oracle, not our scanner) and marks an item
 * detected-done when its file has no match. Enough to drive `check` through a real lifecycle
 * without the lead's pipeline.
 */
import { execFileSync } from 'node:child_process';
import type { PipelineDeps } from '../../src/lib/cli/index.js';
import type { ResolvedOptions } from '../../src/lib/config/index.js';
import type { Match, SnapshotItem } from '../../src/lib/snapshot/schema.js';
import { item, metric, snapshot } from './fixtures.js';
import type { FakeCalls } from './helpers.js';

/** `grep -rn -F` over the metric's paths; exit status 1 means "no match", not an error. */
function grepMatches(repo: string, pattern: string, paths: string[]): Match[] {
  let out = '';
  try {
    out = execFileSync('grep', ['-rnH', '-F', '--', pattern, ...(paths.length > 0 ? paths : ['.'])], { cwd: repo, encoding: 'utf8' });
  } catch (error) {
    if ((error as { status?: number }).status !== 1) throw error;
  }
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [file = '', line = '0', ...text] = l.split(':');
      return { path: file.replace(/^\.\//, ''), line: Number(line), text: text.join(':'), before: [], after: [] };
    });
}

/** Items are declared by the test: id → [path, declared status]. */
export function grepPipeline(declared: Record<string, [string, SnapshotItem['declaredStatus']]>, calls: FakeCalls = { build: [], render: [], dev: [] }): PipelineDeps {
  const build = (opts: ResolvedOptions) => {
    const metrics = opts.metrics.map((m) => {
      const matches = grepMatches(opts.repo, m.pattern ?? '', m.paths);
      return metric(m.id, matches.length, matches, { label: m.name, better: m.better });
    });
    const items = Object.entries(declared).map(([id, [file, status]]) => {
      const remaining = metrics.flatMap((m) => m.matches.filter((x) => x.path === file));
      return item(id, file, status, remaining.length === 0 ? 'done' : 'in-progress', remaining);
    });
    return snapshot({ metrics, items });
  };
  return {
    async buildSnapshot(opts) {
      calls.build.push(opts);
      return { snapshot: build(opts), history: [] };
    },
    async checkSiteOutput() {},
    async renderSite(opts) {
      calls.render.push(opts);
      return { outDir: opts.outDir, pages: 3 };
    },
    async startDevServer(opts) {
      calls.dev.push(opts);
    },
  };
}
