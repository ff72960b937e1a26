/**
 * A status written as text (a Status field, a table cell, a heading): words first, then the first
 * mark, with the doc's legend giving marks their meaning.
 */
import type { DeclaredStatus, StatusText } from '../model.js';
import { readStatus, readWordStatus } from '../status.js';
import { markStatus, type Legend } from './marks.js';

export interface TextStatus {
  status: StatusText;
  byLegend: boolean;
}

export function readTextStatus(text: string, legend: Legend, words: ReadonlyArray<[RegExp, DeclaredStatus]> = []): TextStatus {
  const raw = text.trim().replace(/^`+|`+$/g, '').trim();
  const own = words.find(([pattern]) => pattern.test(raw));
  if (own) return { status: { status: own[1], raw, each: false }, byLegend: true };
  const reading = readStatus(raw);
  if (readWordStatus(raw) !== null) return { status: reading.status, byLegend: false };
  const mark = markStatus(raw, legend);
  if (mark) return { status: { status: mark.status, raw, each: false }, byLegend: mark.byLegend };
  return { status: reading.status, byLegend: false };
}
