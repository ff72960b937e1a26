/** Shared test inputs: the fixture SiteData and the two site contexts (root and base path). */
import type { SiteData } from '../../src/lib/site/index.js';
import type { SiteContext } from '../../src/lib/site/urls.js';
import { makeHistory } from './fixtures/history.js';
import { makeSnapshot } from './fixtures/snapshot.js';

export const ROOT: SiteContext = { base: '/', site: null };
export const SUB: SiteContext = { base: '/migration/', site: 'https://example.github.io/migration/' };

/** The fixture as the pages receive it (history sorted, as loadSiteData returns it). */
export function siteData(withHistory = true): SiteData {
  const historyFile = withHistory ? makeHistory() : null;
  const snapshot = makeSnapshot();
  // Named, not read: only the API's files use them (src/lib/site/api-files.ts, tests/site/load.test.ts).
  return { snapshot, snapshotFile: 'snapshot.json', history: historyFile?.records ?? [], historyFile: historyFile ? 'history.json' : null };
}
