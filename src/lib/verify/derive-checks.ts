/**
 * deriveChecks: every check the doc's own words imply for one tracked item, plus its category's
 * "must be gone" patterns and the config's overrides, deduplicated.
 */
import type { TrackedItem, TrackingDoc } from '../doc/model.js';
import type { PatternSpec } from '../scan/types.js';
import { assignmentPattern, definitionPattern } from './code-text.js';
import { deriveChangeChecks, patternCheck } from './derive-changes.js';
import { deriveDecoratorChecks } from './derive-decorators.js';
import { deriveImportChecks, describeImport, formatImport } from './derive-imports.js';
import { parseImportStatement } from './python-imports.js';
import type { CategoryPattern, CheckOverride, CheckSpec, DeriveContext } from './types.js';
import { ANY_GENERIC_ITEM, EVERY_ITEM } from './commands.js';

/**
 * Checks for one item, in doc order: imports, replaces/removals/creations, then the category's
 * patterns (zero matches left in this file). Overrides from the config come last.
 * @param doc the whole doc: "Add appropriate retry decorators" is read against the decorators the
 *   item's category names elsewhere.
 */
export function deriveChecks(item: TrackedItem, doc: TrackingDoc, ctx: DeriveContext): CheckSpec[] {
  const derived = [...deriveImportChecks(item), ...deriveChangeChecks(item), ...deriveDecoratorChecks(item, doc)];
  const patterns = [
    ...(ctx.categoryPatterns.get(item.categoryId) ?? []),
    ...(item.categoryId !== EVERY_ITEM ? (ctx.categoryPatterns.get(EVERY_ITEM) ?? []) : []),
    // Only items of a doc the generic readers read: the seed family's categories name their own.
    ...(item.reading !== undefined ? (ctx.categoryPatterns.get(ANY_GENERIC_ITEM) ?? []) : []),
  ];
  for (const pattern of patterns) {
    // The category's pattern is usually what a replace already removes (`bigquery.Client(`): one check.
    const literal = literalOf(pattern.spec);
    const duplicate = derived.some(
      (c) => c.test.type === 'pattern' && c.test.expect === 'absent' && literal !== null && literalOf(c.test.spec) === literal,
    );
    if (!duplicate) derived.push(metricCheck(pattern));
  }
  return applyOverrides(dedupe(derived), item, ctx.overrides);
}

function metricCheck(pattern: CategoryPattern): CheckSpec {
  const label = `\`${literalOf(pattern.spec) ?? pattern.spec.pattern}\``;
  return {
    id: `metric-zero:${pattern.spec.pattern}`,
    kind: 'metric-zero',
    description: `No ${label} left (${pattern.label})`,
    label,
    docLine: pattern.docLine,
    test: { type: 'pattern', spec: pattern.spec, expect: 'absent' },
    pairId: null,
    source: pattern.source,
  };
}

/** The text a pattern matches when it is a plain literal (`bigquery\.Client(` in BRE), else null. */
export function literalOf(spec: PatternSpec): string | null {
  if (spec.ignoreCase || spec.wordRegexp || spec.invert || spec.lineRegexp || spec.flavour === 'perl') return null;
  if (spec.flavour === 'fixed') return spec.pattern.includes('\n') ? null : spec.pattern;
  const special = spec.flavour === 'basic' ? /[.*[^$]/ : /[.*[^$()+?{|]/;
  // In BRE `\(` `\|` `\{` `\+` `\?` are operators; in ERE they are the literal character.
  const operatorEscape = spec.flavour === 'basic' ? /[\w|(){}<>`'+?]/ : /[\w<>`']/;
  let out = '';
  const p = spec.pattern;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] as string;
    if (ch === '\\') {
      const next = p[i + 1];
      if (next === undefined || operatorEscape.test(next)) return null;
      out += next;
      i++;
    } else if (special.test(ch)) return null;
    else out += ch;
  }
  return out;
}

function dedupe(checks: CheckSpec[]): CheckSpec[] {
  const seen = new Map<string, CheckSpec>();
  const ids = new Set<string>();
  for (const check of checks) {
    const key = JSON.stringify(check.test);
    if (seen.has(key)) continue;
    let id = check.id;
    for (let n = 2; ids.has(id); n++) id = `${check.id}#${n}`;
    ids.add(id);
    // A copy only for a new id: the same keys in the same order either way (the specs' cache key).
    seen.set(key, id === check.id ? check : { ...check, id });
  }
  return [...seen.values()];
}

function applyOverrides(checks: CheckSpec[], item: TrackedItem, overrides: readonly CheckOverride[]): CheckSpec[] {
  const mine = overrides.filter((o) => appliesTo(o, item));
  if (mine.length === 0) return checks; // already deduplicated: a second pass would give the same
  // 'replace' is for items whose doc wording is misread: the config's checks are then the only ones.
  const kept = mine.some((o) => o.mode === 'replace') ? [] : checks;
  return dedupe([...kept, ...mine.map(overrideCheck)]);
}

function appliesTo(o: CheckOverride, item: TrackedItem): boolean {
  if (o.category !== undefined && o.category !== item.categoryId) return false;
  if (o.item === undefined) return true;
  const wanted = String(o.item);
  return wanted === item.id || wanted === String(item.number) || wanted === item.path;
}

function overrideCheck(o: CheckOverride): CheckSpec {
  const base = { docLine: null, pairId: null, source: 'config' as const };
  if (o.kind === 'import-present') {
    const statement = parseImportStatement(o.text);
    if (statement) {
      return {
        ...base,
        id: `config:import:${formatImport(statement)}`,
        kind: 'import-present',
        description: o.description ?? `Imports ${describeImport(statement)} (config)`,
        label: `\`${formatImport(statement)}\``,
        test: { type: 'import', module: statement.module, alternatives: [statement.names], expect: 'present', anyName: false },
      };
    }
  }
  const spec: PatternSpec = { pattern: o.text, flavour: o.flavour ?? 'fixed', ignoreCase: false, wordRegexp: false, invert: false };
  const search =
    o.kind === 'definition-removed'
      ? /^[A-Z][A-Z0-9_]*$/.test(o.text) ? assignmentPattern(o.text) : definitionPattern(o.text)
      : { spec, label: `\`${o.text}\`` };
  const expect = o.kind === 'text-present' || o.kind === 'import-present' ? 'present' : 'absent';
  const check = patternCheck(search, expect, o.kind === 'import-present' ? 'text-present' : o.kind, null, null);
  return { ...check, id: `config:${check.id}`, description: o.description ?? `${check.description} (config)`, source: 'config' };
}
