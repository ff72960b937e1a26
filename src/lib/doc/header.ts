/**
 * Doc-level `**Key:** value` fields, at the top (Project, Start Date, Status, Progress) or in the
 * footer (Last Updated, Session). The start date's year is what short dates elsewhere resolve with.
 */
import type { RawField } from './blocks.js';
import type { ParseContext } from './context.js';
import { looksLikeDate, parseDate } from './dates.js';
import { readFraction } from './fraction.js';
import { plainText } from './inline.js';
import { readReportedStatus } from './status.js';

/** Applies one doc-level field to the header. */
export function applyHeaderField(field: RawField, ctx: ParseContext): void {
  const { header, sink } = ctx;
  const value = plainText(field.value);
  header.fields[field.key] = value;
  header.fieldSources = { ...header.fieldSources, [field.key]: field.source };
  switch (field.norm) {
    case 'project':
      header.project = value || null;
      break;
    case 'start date':
    case 'started':
    case 'start': {
      header.startDate = parseDate(value, null);
      if (header.startDate === null) reportBadDate(field, value, ctx);
      break;
    }
    case 'status': {
      header.status = readReportedStatus(value, 'the doc', field, sink);
      break;
    }
    case 'progress': {
      header.progress = readFraction(value);
      ctx.progressLine = field.line;
      if (header.progress === null) sink.warning('doc/bad-progress', `The doc's progress "${value}" could not be read; write it as "12/76 files (16%)".`, field.line, field.column);
      break;
    }
    case 'last updated':
    case 'updated':
    case 'last update': {
      header.lastUpdated = parseDate(value, ctx.header.startDate);
      if (header.lastUpdated === null) reportBadDate(field, value, ctx);
      break;
    }
  }
}

function reportBadDate(field: RawField, value: string, ctx: ParseContext): void {
  const why = looksLikeDate(value) ? 'it has no year and the doc has no start date to take one from' : 'it is not a date';
  ctx.sink.warning('doc/bad-date', `The ${field.key} "${value}" could not be read as a date (${why}); write it as YYYY-MM-DD or "January 19, 2026".`, field.line, field.column);
}
