import { describe, expect, it } from 'vitest';
import { badgeColour, renderBadge, snapshotBadge } from '../../src/lib/site/badge.js';
import { SCRIPT } from './fixtures/hostile.js';
import { makeSnapshot } from './fixtures/snapshot.js';

describe('badge', () => {
  it('shows verified completion', () => {
    const svg = snapshotBadge(makeSnapshot());
    expect(svg).toContain('aria-label="migration: 28%"');
    expect(svg).toContain('>28%</text>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(badgeColour(100)).toBe('#2f9e44');
    expect(badgeColour(10)).toBe('#e03131');
  });

  it('escapes its texts', () => {
    const svg = renderBadge(SCRIPT, '"x"', '#fff');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;x&quot;');
  });
});
