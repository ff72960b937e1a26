/**
 * Issue 24 without Astro: shards of three generated repositories (and one without a doc) against
 * each repository's own `scan --format json` and against `git grep`; the merge's dashboard and
 * data (`--no-repo-pages`) for good, corrupt, other-version and missing shards; the --out guards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARD_FORMAT, Shard } from '../../src/lib/org/index.js';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';
import { run, tempDir } from '../cli/helpers.js';
import { makeOrgRepos, orgConfig, type OrgFixture } from './fixture.js';

const ENV = { SOURCE_DATE_EPOCH: '1768392000', NO_COLOR: '1' }; // 2026-01-14T12:00:00Z

let dir: string;
let fixture: OrgFixture;
const shards = new Map<string, Shard>();
const shardText = new Map<string, string>();

function gitGrepCount(root: string, text: string, only: string[] = []): number {
  let out = '';
  try {
    out = execFileSync('git', ['grep', '-F', '-n', text, '--', ...only], { cwd: root, encoding: 'utf8' });
  } catch {
    return 0; // git grep exits 1 on no match (it counts lines, as the metrics do)
  }
  return out.split('\n').filter(Boolean).length;
}

async function scanShard(name: string, root: string, out: string) {
  return run(['scan', '--shard', name, '--repo', '.', '--org-config', path.join(dir, 'migratrack.org.json'), '--out', out], { cwd: root, env: ENV });
}

async function merge(pattern: string, out: string, extra: string[] = []) {
  return run(['build', '--merge', pattern, '--org-config', path.join(dir, 'migratrack.org.json'), '--out', out, '--no-repo-pages', ...extra], { cwd: dir, env: ENV });
}

beforeAll(async () => {
  dir = tempDir();
  fixture = await makeOrgRepos(path.join(dir, 'repos'));
  writeFileSync(path.join(dir, 'migratrack.org.json'), JSON.stringify(orgConfig(fixture, [{ name: 'never-scanned', repository: 'acme/never-scanned' }])));
  mkdirSync(path.join(dir, 'shards'));
  for (const r of [...fixture.repos, { name: fixture.docless.name, root: fixture.docless.root }]) {
    const file = path.join(dir, 'shards', `${r.name}.json`);
    const result = await scanShard(r.name, r.root, file);
    expect(result.stderr).toContain(`Shard ${r.name} written`);
    expect(result.code).toBe(0);
    shardText.set(r.name, readFileSync(file, 'utf8'));
    shards.set(r.name, Shard.parse(JSON.parse(shardText.get(r.name)!)));
  }
}, 240_000);

describe('scan --shard', () => {
  it("holds the repository's own snapshot, the one `scan --format json` prints", async () => {
    for (const r of fixture.repos) {
      const scan = await run(['scan', '--format', 'json'], { cwd: r.root, env: ENV });
      expect(scan.code).toBe(0);
      const own = JSON.parse(scan.stdout) as Snapshot;
      expect(shards.get(r.name)!.snapshot).toEqual(own);
    }
  }, 120_000);

  it('counts what git grep counts, verified by the code, with the history backfilled from git', () => {
    for (const r of fixture.repos) {
      const shard = shards.get(r.name)!;
      expect(shard.snapshot.metrics.find((m) => m.id === 'bq-client')?.value).toBe(gitGrepCount(r.root, 'bigquery.Client('));
      expect(shard.snapshot.totals.verifiedDone).toBe(r.migrated);
      expect(shard.snapshot.totals.slots).toBe(r.files);
      // One record per commit day (the backfill) plus the run's own.
      expect(shard.history.records.length).toBeGreaterThan(r.migrated);
      expect(shard.tool.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(shard.schemas).toEqual({ snapshot: 1, history: 2 });
    }
  });

  it("tracks a repository without a doc by the org config's patterns only", () => {
    const shard = shards.get(fixture.docless.name)!;
    expect(shard.metricsOnly).toBe(true);
    expect(shard.snapshot.items).toEqual([]);
    expect(shard.snapshot.metrics.map((m) => [m.id, m.value])).toEqual([['old-client', gitGrepCount(fixture.docless.root, 'bigquery.Client(')]]);
    expect(fixture.docless.oldCalls).toBe(3);
  });

  it('carries no absolute path of the machine that scanned', () => {
    for (const text of shardText.values()) {
      expect(text).not.toContain(dir);
      expect(text).not.toMatch(/"\/(tmp|home|root|work)\//);
    }
  });

  it('overwrites only a shard: any other file at --out is refused and left as it was', async () => {
    const r = fixture.repos[1]!;
    const notes = path.join(dir, 'notes.json');
    writeFileSync(notes, '{"mine": true}\n');
    const refused = await scanShard(r.name, r.root, notes);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^migratrack: --out: .*notes\.json exists and is not a migratrack shard; migratrack overwrites only a shard it wrote/);
    expect(readFileSync(notes, 'utf8')).toBe('{"mine": true}\n');
    const again = await scanShard(r.name, r.root, path.join(dir, 'shards', `${r.name}.json`));
    expect(again.code).toBe(0);
    expect(readFileSync(path.join(dir, 'shards', `${r.name}.json`), 'utf8')).toBe(shardText.get(r.name));
    const folder = await scanShard(r.name, r.root, path.join(dir, 'shards'));
    expect(folder.stderr).toMatch(/--out: .*shards is a folder/);
  });

  it('refuses a name that is not a slug, or one the org config does not list', async () => {
    const r = fixture.repos[0]!;
    expect((await scanShard('Billing API', r.root, path.join(dir, 'x.json'))).stderr).toMatch(/^migratrack: --shard: "Billing API" expected a lower-case slug/);
    expect((await scanShard('api', r.root, path.join(dir, 'x.json'))).stderr).toMatch(/"api" is reserved by the org site/);
    expect((await scanShard('payments', r.root, path.join(dir, 'x.json'))).stderr).toMatch(/"payments" is not a repository of .*migratrack\.org\.json \(expected one of billing-api, search, ledger, legacy-jobs, never-scanned\)/);
    expect(existsSync(path.join(dir, 'x.json'))).toBe(false);
  });
});

describe('build --merge', () => {
  it('sums the repositories, shows a listed repository without a shard as missing and a corrupt one as failed', async () => {
    const work = path.join(dir, 'merge-a');
    mkdirSync(path.join(work, 'shards'), { recursive: true });
    for (const [name, text] of shardText) writeFileSync(path.join(work, 'shards', `${name}.json`), text);
    writeFileSync(path.join(work, 'shards', 'ledger.json'), shardText.get('ledger')!.slice(0, 500));
    const result = await merge(path.join(work, 'shards/*.json'), path.join(work, 'site'));
    expect(result.stderr).toContain('ledger: failed: not valid JSON');
    expect(result.stderr).toContain('never-scanned: missing: no shard named never-scanned');
    expect(result.code).toBe(0);
    const data = JSON.parse(readFileSync(path.join(work, 'site/api/org.json'), 'utf8'));
    const good = ['billing-api', 'search', 'legacy-jobs'].map((n) => shards.get(n)!.snapshot);
    expect(data.totals).toEqual({
      repos: 5,
      problems: 2,
      declaredDone: good.reduce((s, x) => s + x.totals.declaredDone, 0),
      verifiedDone: good.reduce((s, x) => s + x.totals.verifiedDone, 0),
      slots: good.reduce((s, x) => s + x.totals.slots, 0),
      // git grep of what each counts: the doc's command (Python files) in the two with a doc, the org's pattern in the other.
      remainingCalls: gitGrepCount(fixture.repos[0]!.root, 'bigquery.Client(', ['*.py']) + gitGrepCount(fixture.repos[1]!.root, 'bigquery.Client(', ['*.py']) + gitGrepCount(fixture.docless.root, 'bigquery.Client('),
    });
    const page = readFileSync(path.join(work, 'site/index.html'), 'utf8');
    expect(page).toMatch(/<tr data-repo="ledger" data-status="failed">.*failed: not valid JSON/);
    expect(page).toMatch(/<tr data-repo="never-scanned" data-status="missing">.*missing: no shard named never-scanned/);
    expect(page).toContain('<a href="/billing-api/">billing-api</a>');
    expect(existsSync(path.join(work, 'site/.migratrack-site'))).toBe(true);
  });

  it('merges the history by date: each day sums every repository at its last point on or before it', async () => {
    const work = path.join(dir, 'merge-b');
    const result = await merge(path.join(dir, 'shards/*.json'), path.join(work, 'site'));
    expect(result.code).toBe(0);
    const data = JSON.parse(readFileSync(path.join(work, 'site/api/org.json'), 'utf8'));
    const last = data.history.at(-1);
    const left = (name: string) => shards.get(name)!.snapshot.totals.slots - shards.get(name)!.snapshot.totals.verifiedDone;
    expect(last.verifiedLeft).toBe(fixture.repos.reduce((s, r) => s + left(r.name), 0));
    expect(last.byRepo).toEqual({ 'billing-api': 2, search: 3, ledger: 0, 'legacy-jobs': 0 });
    const first = data.history[0];
    // 2026-01-05: only billing-api had started, all 6 of its files left.
    expect(first).toEqual({ date: '2026-01-05', verifiedLeft: 6, remainingCalls: 6, byRepo: { 'billing-api': 6 } });
  });

  it('refuses a shard of another migratrack version in one line naming the file, and leaves --out as it was', async () => {
    const work = path.join(dir, 'merge-c');
    mkdirSync(path.join(work, 'shards'), { recursive: true });
    writeFileSync(path.join(work, 'shards', 'search.json'), shardText.get('search')!);
    const old = JSON.parse(shardText.get('billing-api')!);
    old.tool.version = '0.0.9';
    writeFileSync(path.join(work, 'shards', 'billing-api.json'), JSON.stringify(old));
    const result = await run(['build', '--merge', 'shards/*.json', '--out', 'site', '--no-repo-pages'], { cwd: work, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^migratrack: shards\/billing-api\.json: shard written by migratrack 0\.0\.9 \(this is \d+\.\d+\.\d+\); re-run `migratrack scan --shard` with migratrack/),
    ]);
    expect(existsSync(path.join(work, 'site'))).toBe(false);
    old.tool.version = shards.get('billing-api')!.tool.version;
    old.schemas.history = 1;
    writeFileSync(path.join(work, 'shards', 'billing-api.json'), JSON.stringify(old));
    const schema = await run(['build', '--merge', 'shards/*.json', '--out', 'site', '--no-repo-pages'], { cwd: work, env: ENV });
    expect(schema.stderr).toMatch(/^migratrack: shards\/billing-api\.json: shard written by history schema 1 \(expected 2\)/);
  });

  it('shows a JSON file that is not a shard, or an invalid shard, as failed with the reason', async () => {
    const work = path.join(dir, 'merge-d');
    mkdirSync(path.join(work, 'shards'), { recursive: true });
    writeFileSync(path.join(work, 'shards', 'a.json'), '{"hello": 1}');
    const bad = JSON.parse(shardText.get('search')!);
    bad.snapshot.totals.slots = -1;
    writeFileSync(path.join(work, 'shards', 'b.json'), JSON.stringify(bad));
    const result = await run(['build', '--merge', 'shards/*.json', '--out', 'site', '--no-repo-pages'], { cwd: work, env: ENV });
    expect(result.code).toBe(0);
    const data = JSON.parse(readFileSync(path.join(work, 'site/api/org.json'), 'utf8'));
    expect(data.repos).toEqual([
      { name: 'a', status: 'failed', reason: expect.stringMatching(/^not a migratrack shard \(format: /), file: 'shards/a.json' },
      { name: 'b', status: 'failed', reason: expect.stringMatching(/^invalid shard: snapshot\.totals\.slots: /), file: 'shards/b.json' },
    ]);
    expect(SHARD_FORMAT).toBe('migratrack-shard');
  });

  it('refuses an --out that holds the shards, and a glob that matches nothing', async () => {
    const holds = await merge(path.join(dir, 'shards/*.json'), dir);
    expect(holds.code).toBe(2);
    expect(holds.stderr).toMatch(/^migratrack: --out/);
    const none = await run(['build', '--merge', 'nothing/*.json'], { cwd: dir, env: ENV });
    expect(none.stderr).toMatch(/^migratrack: --merge: no file matches nothing\/\*\.json/);
    expect(none.code).toBe(2);
  });
});

describe('flags that do not go together', () => {
  it('refuses --out without --shard, and a target flag with --merge', async () => {
    const r = fixture.repos[0]!;
    const scan = await run(['scan', '--out', 'x.json'], { cwd: r.root, env: ENV });
    expect(scan.stderr).toMatch(/^migratrack: --out is for a shard \(expected --shard NAME with it/);
    expect(scan.code).toBe(2);
    const build = await run(['build', '--merge', 'shards/*.json', '--repo', '.'], { cwd: dir, env: ENV });
    expect(build.stderr).toMatch(/^migratrack: --repo does not go with --merge/);
    expect(build.code).toBe(2);
  });
});
