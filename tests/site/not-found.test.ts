/**
 * The 404 page's answer to a missing URL (src/lib/site/not-found.ts), on the fixture's item index:
 * moved (git's rename, or a tracked file of the same name elsewhere), gone, or not a file page.
 * The browser runs the same function from its printed source, which is checked to stand alone.
 */
import { describe, expect, it } from 'vitest';
import { buildNotFoundPage, explainMissing, type NotFoundIndex } from '../../src/lib/site/index.js';
import { SUB, siteData } from './helpers.js';

const index: NotFoundIndex = {
  base: '/migration/',
  files: [
    ['data_processors/raw/processor_base.py', '/migration/files/data_processors/raw/processor_base.py/', ''],
    ['data_processors/raw/nbacom/nbac_gamebook_processor.py', '/migration/files/data_processors/raw/nbacom/nbac_gamebook_processor.py/', ''],
    ['scrapers/old_name.py', '/migration/files/scrapers/old_name.py/', 'scrapers/new_name.py'],
    ['docs/a b.md', '/migration/files/docs/a%20b.md/', ''],
  ],
};

describe('explainMissing', () => {
  it('sends a path git saw renamed to the page of the doc’s path', () => {
    expect(explainMissing('/migration/files/scrapers/new_name.py/', index)).toEqual({
      kind: 'moved', asked: 'scrapers/new_name.py', candidates: [{ path: 'scrapers/old_name.py', url: '/migration/files/scrapers/old_name.py/' }],
    });
  });

  it('finds a file moved to another folder by its name', () => {
    expect(explainMissing('/migration/files/processors/processor_base.py/', index).candidates).toEqual([{ path: 'data_processors/raw/processor_base.py', url: '/migration/files/data_processors/raw/processor_base.py/' }]);
    expect(explainMissing('/migration/files/old/a%20b.md', index)).toMatchObject({ kind: 'moved', asked: 'old/a b.md', candidates: [{ path: 'docs/a b.md' }] });
  });

  it('says a file is no longer tracked, with the tracked files of its folder', () => {
    expect(explainMissing('/migration/files/data_processors/raw/dropped.py/', index)).toEqual({
      kind: 'gone', asked: 'data_processors/raw/dropped.py',
      candidates: [
        { path: 'data_processors/raw/processor_base.py', url: '/migration/files/data_processors/raw/processor_base.py/' },
        { path: 'data_processors/raw/nbacom/nbac_gamebook_processor.py', url: '/migration/files/data_processors/raw/nbacom/nbac_gamebook_processor.py/' },
      ],
    });
    expect(explainMissing('/migration/files/zzz.py/', index)).toEqual({ kind: 'gone', asked: 'zzz.py', candidates: [] });
  });

  it('searches the index for any other missing page, and survives a malformed escape', () => {
    expect(explainMissing('/migration/gamebook', index)).toMatchObject({ kind: 'other', asked: 'gamebook', candidates: [{ path: 'data_processors/raw/nbacom/nbac_gamebook_processor.py' }] });
    expect(explainMissing('/migration/files/%E0%A4%A/', index)).toMatchObject({ kind: 'gone', asked: 'files/%E0%A4%A'.slice(6) });
  });
});

describe('the 404 page', () => {
  it('carries the index of tracked files under the base path, with no way to end its script early', () => {
    const page = buildNotFoundPage(siteData(), SUB);
    expect(page.filesUrl).toBe('/migration/files/');
    expect(page.indexJson).not.toContain('<');
    const parsed = JSON.parse(page.indexJson) as NotFoundIndex;
    expect(parsed.base).toBe('/migration/');
    expect(parsed.files).toContainEqual(['scrapers/old_name.py', '/migration/files/scrapers/old_name.py/', 'scrapers/new_name.py']);
    expect(parsed.files.length).toBe(siteData().snapshot.items.filter((i) => i.path !== null).length);
  });

  it('prints a script that runs on its own (no imports, no helpers of a bundler)', () => {
    const page = buildNotFoundPage(siteData(), SUB);
    const answer = new Function('index', `${page.script.slice(0, page.script.indexOf('(function () {'))}; return explainMissing('/migration/files/x/old_name.py/', index);`)(JSON.parse(page.indexJson));
    expect(answer).toMatchObject({ kind: 'moved' });
    expect(page.script).not.toMatch(/__name|import\(|require\(/);
  });
});
