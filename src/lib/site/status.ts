/**
 * Status → label / CSS class / colour decisions, and percent formatting. Templates never decide
 * these (STYLE.md "Pages read a view-model", like istanbul's `classForPercent()`).
 */
import { percent } from '../snapshot/figures.js';
import type { ItemStatus } from '../snapshot/schema.js';

/** What a badge for one status shows and how it is styled. */
export interface StatusView {
  status: ItemStatus;
  /** Short human label: "Done", "Partly done". */
  label: string;
  /** CSS class, `status-done` etc. (see src/styles/site.css). */
  className: string;
  /** Colour used by charts and the SVG badge, readable on light and dark backgrounds. */
  colour: string;
}

const VIEWS: Record<ItemStatus, Omit<StatusView, 'status'>> = {
  done: { label: 'Done', className: 'status-done', colour: '#2f9e44' },
  'in-progress': { label: 'In progress', className: 'status-in-progress', colour: '#e8a317' },
  'not-started': { label: 'Not started', className: 'status-not-started', colour: '#868e96' },
  blocked: { label: 'Blocked', className: 'status-blocked', colour: '#e03131' },
  skipped: { label: 'Skipped', className: 'status-skipped', colour: '#adb5bd' },
  missing: { label: 'File missing', className: 'status-missing', colour: '#c2255c' },
  unknown: { label: 'Unknown', className: 'status-unknown', colour: '#7950f2' },
};

/** Label, class and colour for a declared (doc) status. */
export function declaredView(status: ItemStatus): StatusView {
  return { status, ...VIEWS[status] };
}

/** Same for a detected (code) status; "in progress" in code means some calls are left. */
export function detectedView(status: ItemStatus): StatusView {
  const view = { status, ...VIEWS[status] };
  return status === 'in-progress' ? { ...view, label: 'Partly done' } : view;
}

/** Lower-case words for the standup line ("partly done", "file missing"). */
export function detectedWords(status: ItemStatus): string {
  return detectedView(status).label.toLowerCase();
}

const KNOWN_STATUSES: ReadonlySet<string> = new Set<ItemStatus>(['done', 'in-progress', 'not-started', 'blocked', 'skipped', 'missing', 'unknown']);

/** History files may write "partial" for the scanner's in-progress; anything unknown is unknown. */
export function normaliseStatus(raw: string | null | undefined): ItemStatus {
  if (raw === 'partial') return 'in-progress';
  return raw && KNOWN_STATUSES.has(raw) ? (raw as ItemStatus) : 'unknown';
}

/** Colours for the stacked category bars (verified / declared only / in progress / not started). */
export const SERIES_COLOURS = {
  verified: '#2f9e44',
  declaredOnly: '#94d3a2',
  inProgress: '#e8a317',
  notStarted: '#adb5bd',
  ideal: '#868e96',
  declared: '#1c7ed6',
  forecast: '#ae3ec9',
  metric: '#1c7ed6',
} as const;

/** Whole percent (floored), the one definition the summaries use too (snapshot/figures.ts). */
export { percent } from '../snapshot/figures.js';
/** "22%", or "—" when there is nothing to measure. */
export function formatPercent(part: number, total: number): string {
  return total <= 0 ? '—' : `${percent(part, total)}%`;
}

/** CSS class for a completion percentage: low / medium / high (thresholds decided here only). */
export function classForPercent(value: number): 'pct-low' | 'pct-medium' | 'pct-high' {
  if (value >= 80) return 'pct-high';
  if (value >= 40) return 'pct-medium';
  return 'pct-low';
}

/** "+3", "−2", "±0", or null when either side is unknown. Uses a real minus sign for readability. */
export function formatDelta(now: number | null, before: number | null | undefined): string | null {
  if (now === null || before === null || before === undefined) return null;
  const d = now - before;
  if (d === 0) return '±0';
  return d > 0 ? `+${d}` : `−${-d}`;
}

/** Whether a metric's change is good, bad or neutral given which direction is better. */
export function deltaTone(now: number | null, before: number | null | undefined, better: 'lower' | 'higher'): 'good' | 'bad' | 'same' | 'none' {
  if (now === null || before === null || before === undefined) return 'none';
  if (now === before) return 'same';
  return (now < before) === (better === 'lower') ? 'good' : 'bad';
}
