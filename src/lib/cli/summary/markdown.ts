/**
 * `scan --format markdown`: a summary ready to paste into a PR comment or a standup note. GitHub
 * flavoured: tables, no HTML, stable line order so a bot can update the same comment.
 */
import { callsLeftText, categoryFigures, plural } from '../../snapshot/figures.js';
import type { Snapshot } from '../../snapshot/schema.js';
import { roleView } from '../../site/metric-roles.js';
import { metricValueText, notableDrift, summaryFigures, TOP_FILES } from './figures.js';

/** Drift entries listed before "…and N more". */
const MAX_DRIFT = 10;

/** Table cells cannot contain pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A path as inline code that no backtick in it can end early. */
function code(text: string): string {
  const ticks = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return ticks.length > 1 ? `${ticks} ${text} ${ticks}` : `\`${text}\``;
}

/** "### What is left": per category with work left, its files with the most calls first. */
function whatIsLeft(s: Snapshot): string[] {
  const out: string[] = [];
  for (const c of s.categories.map((cat) => categoryFigures(s, cat))) {
    if (c.filesRemaining === 0 && c.calls === 0) continue;
    const calls = callsLeftText(c);
    out.push(`- **${cell(`${c.id} ${c.title}`)}**: ${plural(c.filesRemaining, c.noun)} remaining${calls ? ` · ${calls}` : ''}`);
    for (const f of c.filesLeft.slice(0, TOP_FILES)) out.push(`  - ${code(f.path)}: ${plural(f.count, 'call')}`);
    const more = c.filesLeft.length - TOP_FILES;
    if (more > 0) out.push(`  - …and ${plural(more, 'more file', 'more files')}`);
  }
  return out.length > 0 ? ['', '### What is left', '', ...out] : [];
}

export function renderMarkdownSummary(s: Snapshot): string {
  const f = summaryFigures(s);
  const commit = f.commit === null ? '' : ` at \`${f.commit}\``;
  const out: string[] = [
    `## ${cell(f.title)}`,
    '',
    `**${f.declaredDone}/${plural(f.slots, f.noun)} done (${f.declaredPercent}%)** as declared in the doc · **${f.verifiedDone}/${f.slots} (${f.verifiedPercent}%)** verified in the code${commit} · ${f.date}`,
    '',
    '| Category | Declared done | Verified done | Remaining calls |',
    '|---|---:|---:|---:|',
    ...s.categories.map((cat) => {
      const c = categoryFigures(s, cat);
      return `| ${cell(`${c.id} ${c.title}`)} | ${c.declaredDone}/${c.slots} (${c.declaredPercent}%) | ${c.verifiedDone}/${c.slots} | ${c.calls} |`;
    }),
    ...whatIsLeft(s),
  ];
  if (s.metrics.length > 0) {
    out.push('', '| Metric | Kind | Value | Better |', '|---|---|---:|---|');
    for (const m of s.metrics) {
      const view = roleView(m);
      out.push(`| ${cell(m.label)} | ${view.heading} | ${metricValueText(m) ?? `n/a (${cell(m.error ?? 'not evaluated')})`} | ${view.arrow} ${m.better} |`);
    }
  }
  const drift = notableDrift(s);
  if (drift.length > 0) {
    out.push('', `### Drift between the doc and the code (${plural(f.driftErrors, 'error')}, ${plural(f.driftWarnings, 'warning')})`, '');
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
