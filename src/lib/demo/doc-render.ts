/**
 * Renders a `DocState` by editing the seed doc in place, block by block (a block is a heading and
 * the lines up to the next heading), the way a person updates the file: status lines change,
 * "Updated By"/"Date" lines appear, boxes get ticked, lists grow ✅ marks.
 */
import { CATEGORY_SLOTS, TOTAL_SLOTS, type DocState, type EntryDoc } from './doc-state.js';
import { CLOUD_FUNCTIONS, DIRECT_PROCESSORS, SCRAPERS } from './paths.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-02-03" → "February 3, 2026", the doc's own date style. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

const pct = (done: number, total: number): number => (total === 0 ? 0 : Math.round((done / total) * 100));

function statusText(entry: EntryDoc | undefined): string {
  if (!entry || entry.status === 'not-started') return '⚪ Not Started';
  if (entry.status === 'done') return '✅ Complete';
  return `${entry.marker ?? '⚠️'} In Progress`;
}

function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  for (const line of text.split('\n')) {
    if (blocks.length === 0 || /^#{1,6} /.test(line)) blocks.push([]);
    blocks[blocks.length - 1]!.push(line);
  }
  return blocks;
}

/** Index after the last non-blank, non-rule line: where a new bullet goes. */
function endOfContent(block: string[]): number {
  let i = block.length;
  while (i > 1 && (block[i - 1]!.trim() === '' || block[i - 1]!.trim() === '---')) i--;
  return i;
}

function renderEntry(block: string[], entry: EntryDoc | undefined): string[] {
  if (!entry) return block;
  const out = [...block];
  const statusAt = out.findIndex((l) => l.startsWith('- **Status:**'));
  if (statusAt < 0) return out;
  out[statusAt] = `- **Status:** ${statusText(entry)}`;
  const extra: string[] = [];
  if (entry.updatedBy) extra.push(`- **Updated By:** ${entry.updatedBy}`);
  if (entry.date) extra.push(`- **Date:** ${entry.date}`);
  out.splice(statusAt + 1, 0, ...extra);
  let ticks = entry.ticks ?? (entry.status === 'done' ? Infinity : 0);
  for (let i = 0; i < out.length && ticks > 0; i++) {
    if (/^\s*- \[ \]/.test(out[i]!)) {
      out[i] = out[i]!.replace('- [ ]', '- [x]');
      ticks--;
    }
  }
  if (entry.notes) out.splice(endOfContent(out), 0, `- **Notes:** ${entry.notes}`);
  return out;
}

function groupStatus(done: number, total: number): string {
  if (done === 0) return '- **Status:** ⚪ Not Started (each)';
  if (done === total) return `- **Status:** ✅ Complete (${done}/${total})`;
  return `- **Status:** 🟡 In Progress (${done}/${total} complete)`;
}

function setStatus(block: string[], line: string): string[] {
  return block.map((l) => (l.startsWith('- **Status:**') ? line : l));
}

function renderCloudFunctions(block: string[], state: DocState): string[] {
  const out = setStatus(block, groupStatus(state.cfTicks.size, CLOUD_FUNCTIONS.length));
  return out.map((line) => {
    const m = /^(\d+)\. (\S+\/main\.py)$/.exec(line);
    return m && state.cfTicks.has(Number(m[1]) - 1) ? `${line} ✅` : line;
  });
}

function renderProcessors(block: string[], state: DocState): string[] {
  let out = setStatus(block, groupStatus(state.procTicks.size, DIRECT_PROCESSORS.length));
  if (state.procListedOn === null) return out;
  const list = DIRECT_PROCESSORS.map((p, i) => `${i + 1}. ${p}${state.procTicks.has(i) ? ' ✅' : ''}`);
  const end = endOfContent(out);
  out = [...out.slice(0, end), '', `**Found by the command (${state.procListedOn}):**`, ...list, ...out.slice(end)];
  return out;
}

function renderScrapers(block: string[], state: DocState): string[] {
  const out = setStatus(block, groupStatus(state.scraperTicks.size, SCRAPERS.length));
  const tick = (path: string): string => {
    const i = SCRAPERS.indexOf(path as (typeof SCRAPERS)[number]);
    return i >= 0 && state.scraperTicks.has(i) ? ' ✅' : '';
  };
  const result: string[] = [];
  for (const line of out) {
    const listed = /^- ((?:scrapers|backfill_jobs)\/\S+\.py)$/.exec(line);
    if (listed?.[1]) result.push(`${line}${tick(listed[1])}`);
    else if (state.scrapersResolved && line.startsWith('- backfill_jobs/scrapers/*')) {
      result.push(...SCRAPERS.slice(5, 9).map((p) => `- ${p}${tick(p)}`));
    } else if (state.scrapersResolved && line.startsWith('- ~14 additional')) {
      result.push(...SCRAPERS.slice(9).map((p) => `- ${p}${tick(p)}`));
    } else result.push(line);
  }
  return result;
}

function renderSummary(block: string[], state: DocState): string[] {
  return block.map((line) => {
    const row = /^\| \*\*Task (\d(?:\.\d)+)\*\*/.exec(line);
    const id = row?.[1];
    if (id && CATEGORY_SLOTS[id]) {
      const [first, last] = CATEGORY_SLOTS[id];
      const total = last - first + 1;
      const done = state.summary[id] ?? 0;
      const cells = line.split('|');
      return `|${cells[1]}| ${total} | ${done} | ${total - done} | ${pct(done, total)}% |`;
    }
    if (line.startsWith('| **TOTAL**')) {
      const done = Object.values(state.summary).reduce((a, b) => a + b, 0);
      return `| **TOTAL** | **${TOTAL_SLOTS}** | **${done}** | **${TOTAL_SLOTS - done}** | **${pct(done, TOTAL_SLOTS)}%** |`;
    }
    return line;
  });
}

function renderHeaderAndFooter(block: string[], state: DocState): string[] {
  return block.map((line) => {
    if (line.startsWith('**Progress:**')) {
      return `**Progress:** ${state.headerDone}/${TOTAL_SLOTS} files (${pct(state.headerDone, TOTAL_SLOTS)}%)`;
    }
    if (line.startsWith('**Last Updated:**')) return `**Last Updated:** ${longDate(state.lastUpdated)}`;
    if (line.startsWith('**Session:**')) return `**Session:** ${state.session}`;
    const box = /^- \[ \] (.*)$/.exec(line);
    if (box?.[1] && [...state.milestoneTicks].some((t) => box[1]!.startsWith(t))) return `- [x] ${box[1]}`;
    return line;
  });
}

/** The doc text for `state`, starting from the clean seed. */
export function renderDoc(seed: string, state: DocState): string {
  const blocks = splitBlocks(seed).map((block) => {
    const heading = block[0] ?? '';
    const file = /^#{3,4} File (\d+): /.exec(heading);
    if (file?.[1]) return renderEntry(block, state.entries.get(Number(file[1])));
    if (heading.startsWith('#### File 30-39')) return renderCloudFunctions(block, state);
    if (heading.startsWith('#### Files 40-56')) return renderProcessors(block, state);
    if (heading.startsWith('#### Files 58-76')) return renderScrapers(block, state);
    if (heading.startsWith('## 📊 Progress Summary')) return renderSummary(block, state);
    return renderHeaderAndFooter(block, state);
  });
  return blocks.map((b) => b.join('\n')).join('\n');
}
