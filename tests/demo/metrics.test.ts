/** The per-day values of the doc's commands in the manifest, against real `git grep` at each commit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_PATH, type DemoRepoInfo } from '../../src/lib/demo/index.js';
import { freshDemo, removeTempDirs, gitGrep, grepR, show } from './fixture.js';

let info: DemoRepoInfo;

/** Each doc command rewritten by hand as git grep + filters (the oracle). */
const ORACLE: Record<string, { pattern: string; dirs: string[]; without?: RegExp[]; files?: boolean } | 'doc-count'> = {
  [`grep -c "✅ Complete" ${DOC_PATH}`]: 'doc-count',
  'grep -r "bigquery\\.Client(" data_processors/ orchestration/ --include="*.py" | wc -l': {
    pattern: 'bigquery\\.Client(',
    dirs: ['data_processors', 'orchestration'],
  },
  'grep -r "requests\\.get\\|requests\\.post" scrapers/ orchestration/ --include="*.py" | grep -v "http_pool" | wc -l':
    {
      pattern: 'requests\\.get\\|requests\\.post',
      dirs: ['scrapers', 'orchestration'],
      without: [/http_pool/],
    },
  'grep -r "get_bigquery_client" data_processors/ orchestration/ --include="*.py" | wc -l': {
    pattern: 'get_bigquery_client',
    dirs: ['data_processors', 'orchestration'],
  },
  'grep -r "from shared.clients.http_pool import" scrapers/ orchestration/ --include="*.py" | wc -l': {
    pattern: 'from shared.clients.http_pool import',
    dirs: ['scrapers', 'orchestration'],
  },
  'grep -r "bigquery\\.Client(" data_processors/ --include="*.py" | grep -v "base.py" | grep -v "test"': {
    pattern: 'bigquery\\.Client(',
    dirs: ['data_processors'],
    without: [/base.py/, /test/],
  },
  'grep -r "requests\\.get\\|requests\\.post\\|requests\\.Session" scrapers/ backfill_jobs/ --include="*.py" | cut -d: -f1 | sort -u':
    {
      pattern: 'requests\\.get\\|requests\\.post\\|requests\\.Session',
      dirs: ['scrapers', 'backfill_jobs'],
      files: true,
    },
};

/** Value of `command` at each of `revs`, with one git call for all of them. */
async function oracle(revs: string[], command: string): Promise<Map<string, number>> {
  const spec = ORACLE[command];
  if (!spec) throw new Error(`no oracle for ${command}`);
  const out = new Map<string, number>();
  if (spec === 'doc-count') {
    for (const rev of revs) {
      out.set(
        rev,
        ((await show(info.root, rev, DOC_PATH)) ?? '').split('\n').filter((l) => l.includes('✅ Complete')).length,
      );
    }
    return out;
  }
  const lines = await gitGrep(
    info.root,
    revs,
    spec.pattern,
    spec.dirs.map((d) => `${d}/*.py`),
  );
  for (const rev of revs) {
    const kept = lines
      .filter((l) => l.startsWith(`${rev}:`))
      .map((l) => l.slice(rev.length + 1))
      .filter((l) => !(spec.without ?? []).some((re) => re.test(l)));
    out.set(rev, spec.files ? new Set(kept.map((l) => l.split(':')[0])).size : kept.length);
  }
  return out;
}

beforeAll(async () => {
  info = await freshDemo();
});

afterAll(removeTempDirs);

describe('doc command values per day', () => {
  it('cover every command the seed doc contains', () => {
    expect(Object.keys(info.expected.days[0]!.metrics).sort()).toEqual(Object.keys(ORACLE).sort());
  });

  it("equal git grep at each day's last commit", async () => {
    const revs = [...new Set(info.expected.days.map((d) => d.commit))];
    for (const command of Object.keys(ORACLE)) {
      const values = await oracle(revs, command);
      for (const day of info.expected.days) {
        expect(values.get(day.commit), `${day.date} ${command}`).toBe(day.metrics[command]);
      }
    }
  });

  it('equal real GNU grep on the checked-out HEAD (hidden files included)', async () => {
    const last = info.expected.days.at(-1)!;
    const bq = await grepR(info.root, 'bigquery\\.Client(', ['data_processors/', 'orchestration/']);
    expect(bq.length).toBe(
      last.metrics['grep -r "bigquery\\.Client(" data_processors/ orchestration/ --include="*.py" | wc -l'],
    );
    const http = (await grepR(info.root, 'requests\\.get\\|requests\\.post', ['scrapers/', 'orchestration/'])).filter(
      (l) => !l.includes('http_pool'),
    );
    expect(http.length).toBe(
      last.metrics[
        'grep -r "requests\\.get\\|requests\\.post" scrapers/ orchestration/ --include="*.py" | grep -v "http_pool" | wc -l'
      ],
    );
  });

  it('show the migration: remaining calls fall, pooled usage rises', () => {
    const [firstDay, lastDay] = [info.expected.days[0]!, info.expected.days.at(-1)!];
    const remaining = 'grep -r "bigquery\\.Client(" data_processors/ orchestration/ --include="*.py" | wc -l';
    const pooled = 'grep -r "get_bigquery_client" data_processors/ orchestration/ --include="*.py" | wc -l';
    expect(lastDay.metrics[remaining]!).toBeLessThan(firstDay.metrics[remaining]!);
    expect(lastDay.metrics[pooled]!).toBeGreaterThan(firstDay.metrics[pooled]!);
  });
});
