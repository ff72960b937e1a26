/**
 * The 404 page (issue 23): a link pasted in a standup last month may name a file since renamed,
 * moved or dropped from the doc. The page carries a small index of the tracked files and a script
 * that explains the missing URL against it: "moved to …" (git saw the rename, or a tracked file
 * has the same name elsewhere) or "no longer tracked", with similar files. Without JavaScript it
 * still links the full list of files and the dashboard.
 *
 * `explainMissing` runs in the browser as it is: the page prints its source (Function.toString),
 * so it must stay self-contained (no imports, no closures) and plain enough for any browser. The
 * unit tests call the same function.
 */
import type { SiteData } from './load.js';
import { joinBase, type SiteContext } from './urls.js';

/** One tracked file: [repo path, page URL with the base, git's rename of a missing path or ""]. */
export type NotFoundFile = [path: string, url: string, renamedTo: string];

export interface NotFoundIndex {
  base: string;
  files: NotFoundFile[];
}

export interface MissingExplanation {
  /** `moved`: the file is tracked under another path; `gone`: it is not tracked any more; `other`: not a file page. */
  kind: 'moved' | 'gone' | 'other';
  /** The repo path or page the URL asked for, decoded. */
  asked: string;
  /** Tracked files it may have become (moved) or that look like it (gone, other); at most 8. */
  candidates: { path: string; url: string }[];
}

export interface NotFoundPage {
  filesUrl: string;
  homeUrl: string;
  /** JSON for a `<script type="application/json">`, with `<` escaped so no value ends the script. */
  indexJson: string;
  /** The browser script: explainMissing's source and the code that prints its answer. */
  script: string;
}

export function buildNotFoundPage(data: SiteData, ctx: SiteContext): NotFoundPage {
  const files: NotFoundFile[] = data.snapshot.items
    .filter((item) => item.path !== null)
    .map((item) => [item.path!, joinBase(ctx.base, item.url), item.renamedTo ?? '']);
  const index: NotFoundIndex = { base: ctx.base, files };
  return {
    filesUrl: joinBase(ctx.base, 'files/'),
    homeUrl: ctx.base,
    indexJson: JSON.stringify(index).replace(/</g, '\\u003c'),
    script: `${explainMissing.toString()}\n${NOT_FOUND_CLIENT}`,
  };
}

/** What a missing URL path (as the browser has it, percent-encoded) most likely was. */
export function explainMissing(pathname: string, index: NotFoundIndex): MissingExplanation {
  const MAX = 8;
  let rest = pathname.indexOf(index.base) === 0 ? pathname.slice(index.base.length) : pathname.replace(/^\/+/, '');
  try {
    rest = decodeURIComponent(rest);
  } catch (error) {
    // A malformed escape: search for the text as it is.
  }
  rest = rest.replace(/\/+$/, '').replace(/\/index\.html$/, '');
  const pick = (files: NotFoundFile[]) => files.slice(0, MAX).map((f) => ({ path: f[0], url: f[1] }));
  const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  if (rest.indexOf('files/') !== 0) {
    const words = rest.toLowerCase().split(/[^a-z0-9_.-]+/).filter((w) => w.length > 2);
    const similar = index.files.filter((f) => words.some((w) => f[0].toLowerCase().indexOf(w) >= 0));
    return { kind: 'other', asked: rest, candidates: pick(similar) };
  }
  const asked = rest.slice('files/'.length);
  // Git saw the doc's path renamed: the page is still under the doc's path.
  const renamed = index.files.filter((f) => f[2] === asked);
  if (renamed.length > 0) return { kind: 'moved', asked, candidates: pick(renamed) };
  const name = baseName(asked);
  const sameName = index.files.filter((f) => baseName(f[0]) === name);
  if (sameName.length > 0) return { kind: 'moved', asked, candidates: pick(sameName) };
  // Not tracked any more: files of the same folder, or with a part of its name.
  const folder = asked.slice(0, asked.lastIndexOf('/') + 1);
  const stem = name.replace(/\.[^.]*$/, '').toLowerCase();
  const near = index.files.filter((f) => (folder !== '' && f[0].indexOf(folder) === 0) || (stem.length > 2 && f[0].toLowerCase().indexOf(stem) >= 0));
  return { kind: 'gone', asked, candidates: pick(near) };
}

/** Prints explainMissing's answer into #not-found-answer with DOM text nodes (never HTML). */
const NOT_FOUND_CLIENT = `(function () {
  var data = document.getElementById('not-found-index');
  var out = document.getElementById('not-found-answer');
  if (!data || !out) return;
  var answer = explainMissing(location.pathname, JSON.parse(data.textContent));
  var lead = document.createElement('p');
  var asked = document.createElement('code');
  asked.textContent = answer.asked || location.pathname;
  if (answer.kind === 'moved') {
    lead.append(asked, answer.candidates.length === 1 ? ' has moved: it is tracked as ' : ' has moved; it is tracked under one of these paths:');
  } else if (answer.kind === 'gone') {
    lead.append(asked, ' is no longer tracked.', answer.candidates.length > 0 ? ' Tracked files near it:' : '');
  } else {
    lead.append('No page at ', asked, '.', answer.candidates.length > 0 ? ' Tracked files that match it:' : '');
  }
  out.append(lead);
  if (answer.kind === 'moved' && answer.candidates.length === 1) {
    var only = document.createElement('a');
    only.href = answer.candidates[0].url;
    only.textContent = answer.candidates[0].path;
    lead.append(only, '.');
    return;
  }
  if (answer.candidates.length === 0) return;
  var list = document.createElement('ul');
  list.className = 'plain';
  answer.candidates.forEach(function (c) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = c.url;
    a.textContent = c.path;
    li.append(a);
    list.append(li);
  });
  out.append(list);
})();`;
