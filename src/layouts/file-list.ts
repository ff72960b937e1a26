/**
 * The `/files/` list of this build, made once for all of its pages (src/pages/files/index.astro,
 * src/pages/file-list/[page].astro): 20 pages of a 20,000-file list would otherwise each make
 * all 20,000 rows. Keyed by the build's data, which the dev server replaces when it changes.
 */
import { buildFileList, siteContext, siteData, type FileList, type SiteData } from '../lib/site/index.js';

let memo: { data: SiteData; list: FileList } | null = null;

export function siteFileList(): FileList {
  const data = siteData();
  if (memo?.data !== data) memo = { data, list: buildFileList(data, siteContext()) };
  return memo.list;
}
