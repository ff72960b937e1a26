/**
 * Fenced shell blocks become TrackingCommands, one per command line, each labelled by the `# comment`
 * above it (or the bold lead-in / heading it sits under). They are never run: the scan stage
 * interprets them as grep pipelines.
 */
import type { Code } from 'mdast';
import type { ParseContext } from './context.js';
import type { TrackingCommand } from './model.js';

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal', 'fish', 'ksh']);

/** True for a fenced block the doc means as shell commands. */
export function isShellBlock(node: Code): boolean {
  if (node.lang) return SHELL_LANGS.has(node.lang.toLowerCase());
  // An untagged block counts when its first command is a grep pipeline, the form these docs use.
  const first = node.value.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return first !== undefined && /^\s*(\$\s*)?(grep|git grep|rg|find)\b/.test(first);
}

/** Where a shell block sits: its fallback label and the category/group it belongs to. */
export interface CommandPlace {
  fallbackLabel: string;
  categoryId: string | null;
  groupId: string | null;
}

/** Adds one TrackingCommand per command line of the block; returns the new commands. */
export function readCommands(node: Code, place: CommandPlace, ctx: ParseContext): TrackingCommand[] {
  const added: TrackingCommand[] = [];
  // The fence line comes first, so the block's first content line is one below the node start.
  const firstLine = (node.position?.start.line ?? 0) + 1;
  const lines = node.value.split('\n');
  let label: string | null = null;
  // A command continued with a trailing backslash is one command over several lines.
  let pendingText: string | null = null;
  let pendingStart = firstLine;
  const add = (command: string, endLine: number): void => {
    if (command === '') return;
    const entry: TrackingCommand = {
      id: `cmd-${ctx.commands.length + 1}`,
      label: label ?? place.fallbackLabel,
      command,
      categoryId: place.categoryId,
      groupId: place.groupId,
      source: { startLine: pendingStart, endLine },
    };
    ctx.commands.push(entry);
    added.push(entry);
  };
  for (const [index, rawLine] of lines.entries()) {
    const line = firstLine + index;
    const trimmed = rawLine.trim();
    if (pendingText === null) {
      // A blank line ends the reach of a "# comment" label.
      if (trimmed === '') label = null;
      if (trimmed === '') continue;
      if (trimmed.startsWith('#')) {
        label = trimmed.replace(/^#+\s*/, '');
        continue;
      }
      pendingStart = line;
    }
    const content: string = pendingText === null ? trimmed.replace(/^\$\s+/, '') : trimmed;
    if (content.endsWith('\\')) {
      pendingText = `${pendingText ?? ''}${content.slice(0, -1).trimEnd()} `;
    } else {
      add(`${pendingText ?? ''}${content}`.trim(), line);
      pendingText = null;
    }
  }
  if (pendingText !== null) add(pendingText.trim(), firstLine + lines.length - 1);
  return added;
}
