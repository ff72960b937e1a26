/**
 * The charts' script (bundled by src/integrations/site-assets.mjs, loaded by the pages with
 * charts). Draws every `canvas[data-chart]` with chart.js, registering only what the site uses
 * (bar and line charts on category/linear scales), so the bundle stays far from `chart.js/auto`.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import type { ChartSpec } from '../lib/site/chart-spec.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Marks on time charts (milestones, doc edits, scope, drops): a dashed line and its mark on top. */
const marksPlugin: Plugin = {
  id: 'migratrackMarks',
  afterDatasetsDraw(chart, _args, options: { marks?: { index: number; mark: string; colour: string }[] }) {
    const { ctx, chartArea, scales } = chart;
    const x = scales.x;
    if (!x) return;
    let lastText = -Infinity;
    for (const m of options.marks ?? []) {
      const px = x.getPixelForValue(m.index);
      ctx.save();
      ctx.strokeStyle = m.colour;
      ctx.fillStyle = m.colour;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top + 14);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.textAlign = 'center';
      ctx.font = `bold 12px ${Chart.defaults.font.family ?? 'sans-serif'}`;
      // On a narrow chart neighbouring marks would overprint: the line stays, the letter is skipped.
      const width = ctx.measureText(m.mark).width;
      if (px - width / 2 > lastText + 2) {
        ctx.fillText(m.mark, px, chartArea.top + 10);
        lastText = px + width / 2;
      }
      ctx.restore();
    }
  },
};

/** Draws all charts on the page once; safe to call more than once. */
function drawCharts(): void {
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.color = style.getPropertyValue('--fg').trim() || '#1f2328';
  Chart.defaults.borderColor = style.getPropertyValue('--border').trim() || '#d0d7de';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    if (Chart.getChart(canvas)) continue;
    const spec = JSON.parse(canvas.dataset.chart ?? '{}') as Omit<ChartSpec, 'table'>;
    new Chart(canvas, config(spec));
  }
}

function config(spec: Omit<ChartSpec, 'table'>): ChartConfiguration {
  const axisTitle = { display: true, text: spec.valueAxis };
  const valueScale = { stacked: spec.stacked, beginAtZero: true, title: axisTitle, ticks: { precision: 0 } };
  const labelScale = { stacked: spec.stacked };
  return {
    type: spec.kind,
    plugins: [marksPlugin],
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((d) => ({
        label: d.label,
        data: d.data,
        backgroundColor: d.colour,
        borderColor: d.colour,
        borderDash: d.dashed ? [6, 4] : [],
        borderWidth: spec.kind === 'line' ? 2 : 0,
        pointRadius: spec.labels.length > 30 ? 2 : 3,
        spanGaps: true,
      })),
    },
    options: {
      // No animation: the chart is drawn at once (and tests can read its pixels right away).
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: spec.datasets.length > 1 },
        migratrackMarks: { marks: (spec.annotations ?? []).map((a) => ({ index: a.index, mark: a.mark, colour: a.colour })) },
      },
      layout: { padding: { top: spec.annotations?.length ? 4 : 0 } },
      scales: spec.horizontal ? { x: valueScale, y: labelScale } : { x: labelScale, y: valueScale },
    },
  } as ChartConfiguration;
}

drawCharts();
