import { describe, expect, it } from 'vitest';
import { classForPercent, declaredView, deltaTone, detectedView, formatDelta, formatPercent, normaliseStatus, percent } from '../../src/lib/site/status.js';

describe('status decisions', () => {
  it('labels and classes statuses', () => {
    expect(declaredView('in-progress')).toMatchObject({ label: 'In progress', className: 'status-in-progress' });
    expect(detectedView('in-progress').label).toBe('Partly done');
    expect(detectedView('missing')).toMatchObject({ label: 'File missing', className: 'status-missing' });
    expect(normaliseStatus('partial')).toBe('in-progress');
    expect(normaliseStatus(null)).toBe('unknown');
    expect(normaliseStatus('bogus')).toBe('unknown');
  });

  it('formats percentages, flooring so nearly-done never reads as done', () => {
    expect(percent(2, 7)).toBe(28);
    expect(percent(199, 200)).toBe(99);
    expect(formatPercent(0, 0)).toBe('—');
    expect(formatPercent(76, 76)).toBe('100%');
    expect(classForPercent(28)).toBe('pct-low');
    expect(classForPercent(40)).toBe('pct-medium');
    expect(classForPercent(80)).toBe('pct-high');
  });

  it('formats deltas and their tone', () => {
    expect(formatDelta(3, 2)).toBe('+1');
    expect(formatDelta(1, 3)).toBe('−2');
    expect(formatDelta(3, 3)).toBe('±0');
    expect(formatDelta(null, 3)).toBeNull();
    expect(formatDelta(3, undefined)).toBeNull();
    expect(deltaTone(3, 2, 'lower')).toBe('bad');
    expect(deltaTone(1, 2, 'lower')).toBe('good');
    expect(deltaTone(3, 2, 'higher')).toBe('good');
    expect(deltaTone(2, 2, 'lower')).toBe('same');
  });
});
