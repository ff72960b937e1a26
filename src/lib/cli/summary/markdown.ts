/**
 * `scan --format markdown`: a summary ready to paste into a PR comment or a standup note. GitHub
 * flavoured: tables, no HTML, stable line order so a bot can update the same comment.
 */
import type { Snapshot } from '../../snapshot/schema.js';
import { notableDrift, percent, summaryFigures } from './figures.js';

/** Drift entries listed before "…and N more". */
const MAX_DRIFT = 10;

/** Table cells cannot contain pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function renderMarkdownSummary(s: Snapshot): string {
  const f = summaryFigures(s);
  const commit = f.commit === null ? '' : ` at \`${f.commit}\``;
  const out: string[] = [
    `## ${cell(f.title)}`,
    '',
    `**${f.declaredDone}/${f.slots} files done (${f.declaredPercent}%)** as declared in the doc · **${f.verifiedDone}/${f.slots} (${f.verifiedPercent}%)** verified in the code${commit} · ${f.date}`,
    '',
    '| Category | Declared done | Verified done | Remaining calls |',
    '|---|---:|---:|---:|',
    ...s.categories.map(
      (c) => `| ${cell(`${c.id} ${c.title}`)} | ${c.declared.done}/${c.slots} (${percent(c.declared.done, c.slots)}%) | ${c.verified.done}/${c.slots} | ${c.remaining.calls} |`,
    ),
  ];
  if (s.metrics.length > 0) {
    out.push('', '| Metric | Value | Better |', '|---|---:|---|');
    for (const m of s.metrics) out.push(`| ${cell(m.label)} | ${m.value ?? `n/a (${cell(m.error ?? 'not evaluated')})`} ${m.unit} | ${m.better} |`);
  }
  const drift = notableDrift(s);
  if (drift.length > 0) {
    out.push('', `### Drift between the doc and the code (${f.driftErrors} errors, ${f.driftWarnings} warnings)`, '');
    for (const d of drift.slice(0, MAX_DRIFT)) {
      const where = d.path === null ? '' : ` (\`${d.path}\`${d.docLine === null ? '' : `, doc line ${d.docLine}`})`;
      out.push(`- ${d.severity === 'error' ? '🔴' : '🟡'} ${d.message}${where}`);
    }
    if (drift.length > MAX_DRIFT) out.push(`- …and ${drift.length - MAX_DRIFT} more`);
  }
  const milestones = s.milestones.filter((m) => m.status !== 'no-target');
  if (milestones.length > 0) {
    out.push('', '### Milestones', '');
    for (const m of milestones) out.push(`- **${m.title}**: ${m.status} — ${m.explanation}`);
  }
  if (s.burndown !== null) out.push('', `**Forecast:** ${s.burndown.forecast.message}`);
  return `${out.join('\n')}\n`;
}
