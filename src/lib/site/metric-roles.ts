/**
 * How each metric role is presented (issue 18, item 6): where it goes on the dashboard, what it is
 * called and which way its arrow points. The role itself is decided by the pipeline
 * (pipeline/metric-role.ts); snapshots written before it have none and get one from `better`.
 */
import type { MetricRole, SnapshotMetric } from '../snapshot/schema.js';

/** The metric's role, from the snapshot or, for older snapshots, from its better direction. */
export function roleOf(m: Pick<SnapshotMetric, 'role' | 'better'>): MetricRole {
  return m.role ?? (m.better === 'higher' ? 'adoption' : 'remaining');
}

export interface RoleView {
  role: MetricRole;
  /** Heading of its group on the dashboard. */
  heading: string;
  /** One line under the heading saying how to read the figures. */
  hint: string;
  /** ↓ when lower is better, ↑ when higher is. */
  arrow: '↓' | '↑';
  /** "lower is better". */
  directionText: string;
}

const HEADINGS: Record<MetricRole, { heading: string; hint: string }> = {
  remaining: { heading: 'Remaining in code', hint: 'Old calls still to migrate: these should fall to zero.' },
  adoption: { heading: 'Adoption of the new code', hint: 'Uses of the new API: these should rise.' },
  'doc-check': { heading: 'Counted in the doc', hint: 'Commands that count lines of the tracking doc itself, not the code.' },
};

/** Display decisions for a metric's role. */
export function roleView(m: Pick<SnapshotMetric, 'role' | 'better'>): RoleView {
  const role = roleOf(m);
  return { role, ...HEADINGS[role], arrow: m.better === 'lower' ? '↓' : '↑', directionText: `${m.better} is better` };
}

/** Dashboard order of the groups: what is left first. */
export const ROLE_ORDER: readonly MetricRole[] = ['remaining', 'adoption', 'doc-check'];
