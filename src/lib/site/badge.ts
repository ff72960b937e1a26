/**
 * The README badge (`/badge.svg`): "migration | 22%", shields.io-like flat style. Text widths are
 * estimated from character counts (no font metrics at build time); good enough for short labels.
 */
import type { Snapshot } from '../snapshot/schema.js';
import { escapeXml } from './escape.js';
import { percent } from './status.js';

/** Colour of the value half, by verified completion. */
export function badgeColour(pct: number): string {
  if (pct >= 100) return '#2f9e44';
  if (pct >= 60) return '#66a80f';
  if (pct >= 30) return '#e8a317';
  return '#e03131';
}

/** Approximate rendered width of text at 11px Verdana-like fonts. */
function textWidth(text: string): number {
  return Math.round([...text].length * 6.5 + 10);
}

/** An SVG badge with a label and a value; both are escaped. */
export function renderBadge(label: string, value: string, colour: string): string {
  const lw = textWidth(label);
  const vw = textWidth(value);
  const w = lw + vw;
  const l = escapeXml(label);
  const v = escapeXml(value);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${v}">`,
    `<title>${l}: ${v}</title>`,
    `<rect width="${lw}" height="20" fill="#555"/>`,
    `<rect x="${lw}" width="${vw}" height="20" fill="${escapeXml(colour)}"/>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${lw / 2}" y="14">${l}</text>`,
    `<text x="${lw + vw / 2}" y="14">${v}</text>`,
    `</g></svg>`,
    '',
  ].join('\n');
}

/** The site's badge: verified completion ("migration 22%"), the number the code proves. */
export function snapshotBadge(snapshot: Snapshot): string {
  const pct = percent(snapshot.totals.verifiedDone, snapshot.totals.slots);
  return renderBadge('migration', `${pct}%`, badgeColour(pct));
}
