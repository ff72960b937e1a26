/**
 * `scan --format text`: the terminal summary. Same figures as the markdown summary, laid out for
 * a fixed-width screen, coloured only when the caller's Colors are enabled.
 */
import type { Snapshot } from '../../snapshot/schema.js';
import type { Colors } from '../io.js';
import { notableDrift, percent, summaryFigures } from './figures.js';

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
    ...s.categories.map(
      (cat) =>
        `  ${cat.id.padEnd(width)} ${String(cat.declared.done).padStart(3)}/${String(cat.slots).padEnd(3)} declared ${String(percent(cat.declared.done, cat.slots)).padStart(3)}%  ${String(cat.verified.done).padStart(3)} verified  ${c.dim(cat.title)}`,
    ),
  ];
  if (s.metrics.length > 0) {
    out.push('', c.bold('Metrics'));
    for (const m of s.metrics) {
      const value = m.value === null ? c.red(`n/a: ${m.error ?? 'not evaluated'}`) : `${m.value} ${m.unit}`;
      out.push(`  ${m.label}: ${value} ${c.dim(`(${m.better} is better)`)}`);
    }
  }
  const drift = notableDrift(s);
  if (drift.length > 0) {
    out.push('', c.bold(`Drift: ${f.driftErrors} errors, ${f.driftWarnings} warnings`));
    for (const d of drift.slice(0, MAX_DRIFT)) {
      const mark = d.severity === 'error' ? c.red('✖') : c.yellow('!');
      out.push(`  ${mark} ${d.message}${d.path === null ? '' : c.dim(` (${d.path})`)}`);
    }
    if (drift.length > MAX_DRIFT) out.push(c.dim(`  …and ${drift.length - MAX_DRIFT} more (see the site)`));
  }
  if (s.burndown !== null) out.push('', `Forecast: ${s.burndown.forecast.message}`);
  return `${out.join('\n')}\n`;
}
