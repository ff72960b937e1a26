/**
 * Renders a CheckResult for the terminal / CI log: each regression with its file and line so a
 * reviewer can jump to it, then what improved, then notes. A renderer only: no decisions here.
 */
import type { Colors } from '../io.js';
import type { Baseline } from './baseline.js';
import { hasRegressions, type CheckResult, type FileChange, type ItemChange, type MetricChange } from './compare.js';

/** Evidence lines per regression; CI logs stay readable and the site has the full list. */
const MAX_LINES = 10;

function location(baseline: Baseline): string {
  const commit = baseline.commit === null ? '' : `, commit ${baseline.commit.slice(0, 7)}`;
  return `${baseline.source}, ${baseline.at}${commit}`;
}

function metricLine(m: MetricChange): string {
  const direction = m.after > m.before ? 'rose' : 'fell';
  return `${m.id} (${m.label}) ${direction} ${m.before} → ${m.after} (${m.better} is better)`;
}

function fileLines(files: FileChange[], c: Colors): string[] {
  const out: string[] = [];
  let shown = 0;
  for (const f of files) {
    const counts = f.before === null ? `${f.after}` : `${f.before} → ${f.after}`;
    out.push(`    ${c.bold(f.path)} ${c.dim(counts)}`);
    for (const m of f.lines) {
      if (shown++ >= MAX_LINES) break;
      out.push(`      ${f.path}:${m.line}  ${m.text.trim()}`);
    }
  }
  const total = files.reduce((n, f) => n + f.lines.length, 0);
  if (total > MAX_LINES) out.push(c.dim(`      … and ${total - MAX_LINES} more lines`));
  return out;
}

function itemLine(i: ItemChange): string {
  // Item names often already are the file name; repeat the path only when it adds something.
  const where = i.path === null ? ' (unresolved slot)' : i.name.includes(i.path) ? '' : ` (${i.path})`;
  const doc = i.docLine === null ? '' : `, doc line ${i.docLine}`;
  return `${i.name}${where}: ${i.field} ${i.before ?? 'unknown'} → ${i.after}${doc}`;
}

function itemEvidence(i: ItemChange, c: Colors): string[] {
  const lines = i.lines.slice(0, MAX_LINES).map((m) => `      ${m.path}:${m.line}  ${m.text.trim()}`);
  if (i.lines.length > MAX_LINES) lines.push(c.dim(`      … and ${i.lines.length - MAX_LINES} more lines`));
  return lines;
}

/** The full report, ending with a newline. */
export function formatCheckResult(result: CheckResult, baseline: Baseline, c: Colors): string {
  const out: string[] = [`Compared with ${location(baseline)}`];
  const { regressions: r, improvements: i } = result;
  if (hasRegressions(result)) {
    out.push('', c.red(c.bold(`✖ ${r.metrics.length + r.items.length} regression(s):`)));
    for (const m of r.metrics) out.push(`  ${c.red('▲')} ${metricLine(m)}`, ...fileLines(m.files, c));
    for (const item of r.items) out.push(`  ${c.red('▼')} ${itemLine(item)}`, ...itemEvidence(item, c));
  }
  if (i.metrics.length + i.items.length > 0) {
    out.push('', c.green(`✔ ${i.metrics.length + i.items.length} improvement(s):`));
    for (const m of i.metrics) out.push(`  ${c.green('▼')} ${metricLine(m)}`);
    for (const item of i.items) out.push(`  ${c.green('▲')} ${itemLine(item)}`);
  }
  if (!hasRegressions(result) && i.metrics.length + i.items.length === 0) out.push('', 'No change since the baseline.');
  if (result.notes.length > 0) out.push('', ...result.notes.map((n) => c.dim(`  note: ${n}`)));
  out.push('', hasRegressions(result) ? c.red('Check failed: fix the regressions above, or run with --update if they are intended.') : c.green('Check passed.'));
  return `${out.join('\n')}\n`;
}
