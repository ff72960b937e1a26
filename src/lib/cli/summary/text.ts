/**
 * `scan --format text`: the terminal summary. Same figures as the markdown summary, laid out for
 * a fixed-width screen, coloured only when the caller's Colors are enabled.
 */
import type { Snapshot } from '../../snapshot/schema.js';
import type { Colors } from '../io.js';
import { callsLeftText, categoryFigures, plural } from '../../snapshot/figures.js';
import { roleView } from '../../site/metric-roles.js';
import { metricValueText, notableDrift, summaryFigures, TOP_FILES } from './figures.js';

const BAR_WIDTH = 20;
const MAX_DRIFT = 10;

/** A text progress bar; `#` and `.` so it survives logs without Unicode. */
export function bar(done: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

export function renderTextSummary(s: Snapshot, c: Colors): string {
  const f = summaryFigures(s);
  const width = Math.max(8, ...s.categories.map((cat) => cat.id.length));
  const out: string[] = [
    c.bold(f.title),
    `${f.date}${f.commit === null ? '' : ` · ${f.commit}`} · ${s.doc.path}`,
    '',
    `Declared ${bar(f.declaredDone, f.slots)} ${f.declaredDone}/${f.slots} (${f.declaredPercent}%)`,
    `Verified ${bar(f.verifiedDone, f.slots)} ${f.verifiedDone}/${f.slots} (${f.verifiedPercent}%)`,
    '',
    c.bold('Categories'),
    ...s.categories.map((cat) => {
      const f = categoryFigures(s, cat);
      return `  ${f.id.padEnd(width)} ${String(f.declaredDone).padStart(3)}/${String(f.slots).padEnd(3)} declared ${String(f.declaredPercent).padStart(3)}%  ${String(f.verifiedDone).padStart(3)} verified  ${c.dim(f.title)}`;
    }),
  ];
  const left = s.categories.map((cat) => categoryFigures(s, cat)).filter((f) => f.filesRemaining > 0 || f.calls > 0);
  if (left.length > 0) {
    out.push('', c.bold('What is left'));
    for (const f of left) {
      const calls = callsLeftText(f);
      out.push(`  ${f.id}: ${plural(f.filesRemaining, f.noun)} remaining${calls ? ` · ${calls}` : ''}`);
      for (const file of f.filesLeft.slice(0, TOP_FILES)) out.push(`    ${file.path}  ${plural(file.count, 'call')}`);
      const more = f.filesLeft.length - TOP_FILES;
      if (more > 0) out.push(c.dim(`    …and ${plural(more, 'more file', 'more files')}`));
    }
  }
  if (s.metrics.length > 0) {
    out.push('', c.bold('Metrics'));
    for (const m of s.metrics) {
      const view = roleView(m);
      const value = metricValueText(m) ?? c.red(`n/a: ${m.error ?? 'not evaluated'}`);
      out.push(`  ${m.label}: ${value} ${c.dim(`(${view.heading.toLowerCase()}, ${view.arrow} ${view.directionText})`)}`);
    }
  }
  const drift = notableDrift(s);
  if (drift.length > 0) {
    out.push('', c.bold(`Drift: ${plural(f.driftErrors, 'error')}, ${plural(f.driftWarnings, 'warning')}`));
    for (const d of drift.slice(0, MAX_DRIFT)) {
      const mark = d.severity === 'error' ? c.red('✖') : c.yellow('!');
      out.push(`  ${mark} ${d.message}${d.path === null ? '' : c.dim(` (${d.path})`)}`);
    }
    if (drift.length > MAX_DRIFT) out.push(c.dim(`  …and ${drift.length - MAX_DRIFT} more (see the site)`));
  }
  if (s.burndown !== null) out.push('', `Forecast: ${s.burndown.forecast.message}`);
  return `${out.join('\n')}\n`;
}
