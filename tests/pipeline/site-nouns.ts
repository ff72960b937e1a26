/**
 * The words a built site counts its items in (issue 17): read from the HTML, so a test can say
 * "this site says items" or "this one says files" without the view-models.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Snapshot } from '../../src/lib/snapshot/schema.js';

export interface SiteNouns {
  /** "17 of 76 files" on the dashboard's completion cards. */
  cards: string[];
  /** The dashboard's category chart title and its categories table's count column. */
  chartTitle: string;
  slotsColumn: string;
  /** The list of every item (`/files/`): its title and heading. */
  fileList: { title: string; heading: string };
  /** Per category page (in snapshot order): its cards, status-count caption and item table heading. */
  categories: Array<{ cards: string[]; caption: string; heading: string }>;
}

function page(dist: string, ...parts: string[]): string {
  return readFileSync(path.join(dist, ...parts, 'index.html'), 'utf8');
}

function cardsOf(html: string): string[] {
  return [...html.matchAll(/data-value="done">([^<]*)<\/span> of <span data-value="total">([^<]*)<\/span> <span data-value="noun">([^<]*)</g)].map((m) => `${m[1]} of ${m[2]} ${m[3]}`);
}

export function siteNouns(dist: string, snapshot: Snapshot): SiteNouns {
  const dashboard = page(dist);
  const categories = snapshot.categories.map((c) => page(dist, 'categories', c.url.replace(/^\/*categories\//, '').replace(/\/+$/, '')));
  const list = page(dist, 'files');
  return {
    cards: cardsOf(dashboard),
    fileList: { title: /<title>([^<]*)<\/title>/.exec(list)?.[1] ?? '', heading: /<h1>([^<]*)<\/h1>/.exec(list)?.[1] ?? '' },
    chartTitle: /<figcaption>([^<]*per category[^<]*)<\/figcaption>/.exec(dashboard)?.[1] ?? '',
    slotsColumn: /<th scope="col">Category<\/th><th scope="col" class="num">([^<]*)<\/th>/.exec(dashboard)?.[1] ?? '',
    categories: categories.map((html) => ({
      cards: cardsOf(html),
      caption: /<caption>(Status counts[^<]*)<\/caption>/.exec(html)?.[1] ?? '',
      heading: /<h2>([^<]*)<\/h2>\s*<div class="table-wrap">/.exec(html)?.[1] ?? '',
    })),
  };
}
