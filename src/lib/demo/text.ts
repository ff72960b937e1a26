/** Tiny helpers for building file bodies from conditional line lists. */

/** A line, a block of lines, or `false`/`null` for "not in this version". */
export type Part = string | readonly string[] | false | null | undefined;

/** Flattens parts into lines, dropping the absent ones. */
export function lines(...parts: Part[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === false || part === null || part === undefined) continue;
    if (typeof part === 'string') out.push(part);
    else out.push(...part);
  }
  return out;
}

/** Lines joined into a file body with a final newline. */
export function body(...parts: Part[]): string {
  return `${lines(...parts).join('\n')}\n`;
}

/** "espn_team_roster_processor" → "EspnTeamRosterProcessor". */
export function className(stem: string): string {
  return stem
    .split('_')
    .map((word) => (word ? word[0]!.toUpperCase() + word.slice(1) : ''))
    .join('');
}

/** Basename without ".py". */
export function stemOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.py$/, '').replace(/ /g, '_');
}
