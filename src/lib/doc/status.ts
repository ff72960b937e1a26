/**
 * Statuses as people write them: "✅ Complete", "⚠️ In Progress", "⚪ Not Started (each)", "❌ Blocked",
 * bare words, a bare emoji in a heading. Words win over emoji when both are present and disagree,
 * because the emoji is usually the one left stale after a copy-paste.
 */
import { withAsciiTwin, wordsBeforeNonLetter, type TextPattern } from './ascii-twin.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import type { DeclaredStatus, StatusText } from './model.js';

/**
 * The one vocabulary of marks and words every reader uses (issue 17). A doc's legend can remap a
 * mark for that doc (see `withLegend`).
 */
export const EMOJI_STATUS: ReadonlyArray<[RegExp, DeclaredStatus]> = [
  [/[✅✔☑🟢✓]/u, 'done'],
  [/[⚠🟡🔄🚧⏳🔶🟠]/u, 'in-progress'],
  [/[❌🔴⛔🛑🚫⏸]/u, 'blocked'],
  [/[⚪⬜⭕◻🔲⚫🔜]/u, 'not-started'],
];

// Order matters: "not started" before "started", "incomplete" before "complete". Skipped first:
// "n/a", "won't do" and "keep as-is" name no other status. Portuguese and Spanish where cheap.
// The `iu` ones are answered by their ASCII twins where those agree (ascii-twin.ts, issue 21).
const WORD_STATUS: ReadonlyArray<[TextPattern, DeclaredStatus]> = [
  [/(?:^|[\s(])(?:n\/a|skipped|skip|won'?t[\s-]*(?:do|fix|migrate)|wontfix|keep[\s-]+as[\s-]*is|out[\s-]+of[\s-]+scope|not[\s-]+applicable|not[\s-]+needed|cancell?ed|obsolete|ignorado|n[ãa]o[\s-]+se[\s-]+aplica)(?=$|[\s).,;:!/])/i, 'skipped'],
  [withAsciiTwin(/\b(not[\s-]*started|not[\s-]*begun|to[\s-]?do|todo|pending|planned|open|incomplete|not[\s-]*done|queued|not[\s-]+migrated|backlog|upcoming|pendente|pendiente|n[ãa]o[\s-]+iniciad[oa]|a[\s-]+fazer|por[\s-]+hacer)(?![\p{L}])/iu, wordsBeforeNonLetter), 'not-started'],
  [withAsciiTwin(/\b(in[\s-]*progress|wip|work[\s-]*in[\s-]*progress|partial(ly)?[\s-]*(done|complete)?|started|ongoing|in[\s-]*review|under[\s-]*review|testing|doing|em[\s-]+andamento|em[\s-]+progresso|en[\s-]+progreso|en[\s-]+curso|iniciad[oa])(?![\p{L}])/iu, wordsBeforeNonLetter), 'in-progress'],
  [withAsciiTwin(/\b(blocked|on[\s-]*hold|stuck|failed|waiting|bloqueado|aguardando)(?![\p{L}])/iu, wordsBeforeNonLetter), 'blocked'],
  [withAsciiTwin(/\b(complete|completed|done|finished|merged|shipped|fixed|verified|migrated|converted|conclu[ií]d[oa]|feito|pronto|completado|hecho|terminado)(?![\p{L}])/iu, wordsBeforeNonLetter), 'done'],
];

function firstMatch(table: ReadonlyArray<[TextPattern, DeclaredStatus]>, text: string): DeclaredStatus | null {
  let best: { status: DeclaredStatus; index: number } | null = null;
  for (const [pattern, status] of table) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.index)) best = { status, index: match.index };
  }
  return best?.status ?? null;
}

/** A status read from text, with the reason to warn about it, if any. */
export interface StatusReading {
  status: StatusText;
  /** Set when the words and the emoji disagree: the sentence for a diagnostic. */
  conflict: string | null;
}

/** Reads a status written in any of the forms the docs use; `unknown` when nothing is recognised. */
export function readStatus(raw: string): StatusReading {
  const text = raw.trim();
  // "✅ Complete | ⚠️ In Progress | ⚪ Not Started": the template's choices, left in by copy-paste.
  const choices = text.split(/\s+\|\s+|\s+\/\s+|\s+or\s+/i);
  if (choices.length > 1) {
    const distinct = new Set(choices.map((choice) => readSingleStatus(choice).status.status));
    if (distinct.size > 1) {
      return { status: { status: 'unknown', raw: text, each: false }, conflict: `The status "${text}" lists several statuses; keep the one that applies.` };
    }
  }
  return readSingleStatus(text);
}

function readSingleStatus(text: string): StatusReading {
  const each = /\(\s*each\s*\)/i.test(text);
  // Drop the "(Session 119, 2026-01-19)" tail: dates and sessions are not status words.
  const core = text.replace(/\((?:[^()]*\d[^()]*)\)/g, ' ').replace(/\(\s*each\s*\)/gi, ' ');
  const byWord = firstMatch(WORD_STATUS, core);
  const byEmoji = firstMatch(EMOJI_STATUS, core);
  const status = byWord ?? byEmoji ?? 'unknown';
  const conflict =
    byWord !== null && byEmoji !== null && byWord !== byEmoji
      ? `The status "${text}" mixes an emoji meaning ${byEmoji} with words meaning ${byWord}; the words were used.`
      : null;
  return { status: { status, raw: text, each }, conflict };
}

/** A status that only an emoji in a heading gives ("### Task 1.1: Set up ⚪"), or null when none. */
export function statusFromHeadingEmoji(heading: string): StatusText | null {
  const status = firstMatch(EMOJI_STATUS, heading);
  if (status === null) return null;
  const emoji = [...heading].find((char) => EMOJI_STATUS.some(([pattern]) => pattern.test(char))) ?? '';
  return { status, raw: emoji, each: false };
}

/**
 * Reads a status and reports what is wrong with it: one diagnostic, the most useful one (a list of
 * choices left from the template, an unknown word, or an emoji that contradicts the words).
 */
export function readReportedStatus(
  raw: string,
  subject: string,
  where: { line: number; column: number },
  sink: DiagnosticSink,
): StatusText {
  const reading = readStatus(raw);
  if (reading.conflict !== null && reading.status.status === 'unknown') {
    sink.warning('doc/ambiguous-status', reading.conflict.replace(/^The status/, `The status of ${subject}`), where.line, where.column);
  } else if (reading.status.status === 'unknown') {
    sink.warning('doc/unknown-status', `The status "${raw}" of ${subject} is not one the parser knows (Complete, In Progress, Not Started, Blocked, or their emoji).`, where.line, where.column);
  } else if (reading.conflict !== null) {
    sink.warning('doc/status-conflict', reading.conflict.replace(/^The status/, `The status of ${subject}`), where.line, where.column);
  }
  return reading.status;
}

/** The status of things the doc gives none for: a fresh object each time, as it goes into the model. */
export function noStatus(): StatusText {
  return { status: 'unknown', raw: '', each: false };
}

/** The status the words of `text` name, ignoring marks; null when none (for readers with a legend). */
export function readWordStatus(text: string): DeclaredStatus | null {
  return firstMatch(WORD_STATUS, text.replace(/\((?:[^()]*\d[^()]*)\)/g, ' '));
}
