/** `/milestones/`: each milestone with its status, and the burndown with the forecast. */
import type { RangedChart } from './chart-spec.js';
import { burndownRanged } from './time-charts.js';
import { daysBetween } from '../history/dates.js';
import { spanText } from './signals.js';
import { asOfDay } from './time-scale.js';
import type { SiteData } from './load.js';
import { snapshotNoun } from '../snapshot/figures.js';

const MILESTONE_VIEW: Record<string, { label: string; className: string }> = {
  met: { label: 'Met', className: 'ms-met' },
  'met-late': { label: 'Met late', className: 'ms-late' },
  missed: { label: 'Missed', className: 'ms-missed' },
  'at-risk': { label: 'At risk', className: 'ms-risk' },
  'on-track': { label: 'On track', className: 'ms-on-track' },
  'not-yet-due': { label: 'Not yet due', className: 'ms-pending' },
  'no-target': { label: 'No target', className: 'ms-pending' },
};

export interface MilestoneView {
  id: string;
  title: string;
  dates: string;
  target: string;
  status: { label: string; className: string };
  explanation: string;
  /** "Overdue by 251 days (35 weeks)" for a missed milestone whose day has passed. */
  overdue: string | null;
  tasks: { text: string; checked: boolean }[];
}

export interface MilestonesPage {
  milestones: MilestoneView[];
  burndown: RangedChart | null;
  forecast: { message: string; range: string | null } | null;
}

/** Builds the milestones page. */
export function buildMilestonesPage(data: SiteData): MilestonesPage {
  const { snapshot } = data;
  const f = snapshot.burndown?.forecast ?? null;
  const asOf = asOfDay(snapshot);
  const noun = snapshotNoun(snapshot);
  return {
    milestones: snapshot.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dates: m.startDate || m.endDate ? `${m.startDate ?? '…'} → ${m.endDate ?? '…'}` : 'No dates',
      target: m.targetDone !== null ? `${m.actualDone ?? '?'} of ${m.targetDone}${m.targetTotal !== null ? ` (of ${m.targetTotal})` : ''} ${noun}s` : 'No target',
      status: MILESTONE_VIEW[m.status] ?? { label: m.status, className: 'ms-pending' },
      explanation: m.explanation,
      overdue: m.status === 'missed' && m.endDate !== null && m.endDate < asOf ? `Overdue by ${spanText(daysBetween(m.endDate, asOf))}` : null,
      tasks: m.tasks,
    })),
    burndown: burndownRanged(data),
    forecast: f ? { message: f.message, range: f.earliest && f.latest ? `between ${f.earliest} and ${f.latest}` : null } : null,
  };
}
