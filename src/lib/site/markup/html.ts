/**
 * Markup for the parts printed thousands of times: the item section of 5,000 file pages. A tagged
 * template escapes every interpolated value as Astro's `{}` does (same entities, ../escape.ts),
 * for a fraction of what an Astro component costs per piece: components and expressions made
 * file pages cost twice a trivial page (issue 6, docs/BENCHMARKS.md). Only `Html` made by this
 * tag is inserted as it is; a string or number is always escaped, so text from the doc or the
 * code cannot become markup.
 */
import { escapeXml } from '../escape.js';

/** Markup built by `html`: safe to insert as it is (Astro's `set:html`). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate: `null`, `undefined` and `false` print nothing (`true` is refused). */
export type Part = Html | string | number | null | undefined | false | readonly Part[];

function print(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) {
    let out = '';
    for (const inner of part as readonly Part[]) out += print(inner);
    return out;
  }
  return escapeXml(String(part));
}

/** `html\`<a href="${href}">${label}</a>\``: the values are escaped, nested `Html` is kept. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += print(parts[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** ` name="value"`, or nothing when the value is null or undefined (Astro drops such attributes too). */
export function attr(name: string, value: string | number | null | undefined): Html {
  return value === null || value === undefined ? EMPTY : html` ${new Html(name)}="${value}"`;
}

const EMPTY = new Html('');
