/**
 * Which files ripgrep 13 searches, and under which names: operands as written (default `.`,
 * printed without `./`), files named on the command line always searched, directories walked
 * with `-g` globs first (the last matching one wins; any unnegated glob makes it a whitelist for
 * files), then .gitignore/.ignore/.rgignore (deeper directories first, .rgignore over .ignore over
 * .gitignore), then `-t`/`-T` types, then hidden names; a whitelisting glob, type or ignore rule
 * lets a hidden file in. Globs and ignore rules are case-sensitive, as in rg (not the `ignore`
 * package's default). Symbolic links are not followed (rg without -L). Issue 22.
 */
import ignore, { type Ignore } from 'ignore';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { GrepSource } from './command/pipeline.js';
import type { RgFilters } from './command/rg-options.js';
import { pathSet } from './tree/path-set.js';
import type { RepoTree } from './types.js';
import { repoPath, type SearchFile, type SearchPlan } from './walk.js';

const IGNORE_FILES = ['.gitignore', '.ignore', '.rgignore']; // later files take precedence

type Verdict = 'ignore' | 'whitelist' | 'none';

/** The ignore files rg reads, by tree path (read them with the tree's async reader, then plan). */
export function ignoreFilePaths(tree: RepoTree): string[] {
  return tree.paths.filter((p) => IGNORE_FILES.includes(p.slice(p.lastIndexOf('/') + 1)));
}

/** Plans `rg … [PATH…]` over the tree; `ignoreTexts` holds the ignore files' contents by path. */
export function planRgSearch(src: GrepSource, tree: RepoTree, ignoreTexts: ReadonlyMap<string, string>): SearchPlan {
  const filters = src.rg as RgFilters;
  const files: SearchFile[] = [];
  const stderr: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const fileSet = pathSet(tree.paths);
  const operands = src.operands.length === 0 ? [{ text: './', implicit: true }] : src.operands.map((o) => ({ text: o.text, implicit: false }));
  const ignores = filters.noIgnore ? new Map<string, Ignore>() : ignoreFiles(ignoreTexts);
  const rules = overrideRules(filters);
  const types = typeMatchers(filters);
  let sawDir = false;
  for (const op of operands) {
    const real = repoPath(op.text) as string; // parse refused operands outside the repository
    if (fileSet.has(real)) {
      files.push({ name: op.text, path: real, explicit: true });
      continue;
    }
    const base = real === '' ? '' : `${real}/`;
    if (real !== '' && !tree.paths.some((p) => p.startsWith(base))) {
      stderr.push(`${op.text}: No such file or directory (os error 2)`);
      diagnostics.push(diagnostic('warning', 'scan/no-such-file', `rg: ${op.text}: No such file or directory`, { file: op.text }));
      continue;
    }
    sawDir = true;
    const prefix = op.implicit ? '' : op.text.endsWith('/') ? op.text.replace(/\/+$/, '/') : `${op.text}/`;
    const dirVerdicts = new Map<string, boolean>();
    for (const p of tree.paths) {
      if (!p.startsWith(base)) continue;
      const rel = p.slice(base.length);
      if (searched(rel, base, filters, { rules, ignores, types }, dirVerdicts)) files.push({ name: prefix + rel, path: p });
    }
  }
  const withFilename = src.withFilename ?? (operands.length > 1 || sawDir);
  return { files, withFilename, stderr, diagnostics };
}

interface Matchers {
  rules: Rule[];
  ignores: Map<string, Ignore>;
  types: { only: Ignore | null; not: Ignore | null };
}

function searched(rel: string, base: string, f: RgFilters, m: Matchers, dirs: Map<string, boolean>): boolean {
  const parts = rel.split('/');
  let acc = '';
  for (let k = 0; k < parts.length - 1; k++) {
    acc = acc ? `${acc}/${parts[k]}` : (parts[k] as string);
    let ok = dirs.get(acc);
    if (ok === undefined) dirs.set(acc, (ok = verdict(acc, base, true, f, m) !== 'ignore'));
    if (!ok) return false;
  }
  return verdict(rel, base, false, f, m) !== 'ignore';
}

function verdict(rel: string, base: string, isDir: boolean, f: RgFilters, m: Matchers): Verdict {
  const o = overrideVerdict(m.rules, rel, isDir);
  if (o !== 'none') return o;
  const v = ignoreVerdict(base + rel, isDir, m.ignores);
  if (v === 'ignore') return v;
  const t = isDir ? 'none' : typeVerdict(rel, m.types);
  if (t === 'ignore') return t;
  if (v === 'whitelist' || t === 'whitelist') return 'whitelist';
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  return !f.hidden && name.startsWith('.') ? 'ignore' : 'none';
}

interface Rule {
  matcher: Ignore;
  negated: boolean;
}

function overrideRules(f: RgFilters): Rule[] {
  return f.globs.map((g) => ({ matcher: ignore({ allowRelativePaths: true, ignorecase: false }).add(g.glob), negated: g.negated }));
}

/** -g: the last matching glob decides; with any whitelist glob, a file matching none is skipped. */
function overrideVerdict(rules: Rule[], rel: string, isDir: boolean): Verdict {
  const path = isDir ? `${rel}/` : rel;
  for (let k = rules.length - 1; k >= 0; k--) {
    const r = rules[k] as Rule;
    if (r.matcher.test(path).ignored) return r.negated ? 'ignore' : 'whitelist';
  }
  return !isDir && rules.some((r) => !r.negated) ? 'ignore' : 'none';
}

/** Ignore files of every directory above the path, deepest first: the first that matches decides. */
function ignoreVerdict(path: string, isDir: boolean, ignores: Map<string, Ignore>): Verdict {
  const parts = path.split('/');
  for (let k = parts.length - 1; k >= 0; k--) {
    const dir = parts.slice(0, k).join('/');
    const ig = ignores.get(dir);
    if (!ig) continue;
    const rel = parts.slice(k).join('/') + (isDir ? '/' : '');
    const t = testOnePath(ig, rel);
    if (t.ignored) return 'ignore';
    if (t.unignored) return 'whitelist';
  }
  return 'none';
}

/**
 * One path against one ignore file's rules, its parent directories not judged: `searched` judges
 * each directory below the operand itself, and rg never ignores a directory it was given
 * (`rg x docs` searches docs/ even when .gitignore says `docs`). node-ignore's public test() would
 * also judge the parents, so its per-path rule list is used (ignore 7.x; pinned in package.json).
 */
function testOnePath(ig: Ignore, rel: string): { ignored: boolean; unignored: boolean } {
  const rules = (ig as unknown as { _rules?: { test(path: string, checkUnignored: boolean, mode: string): { ignored: boolean; unignored: boolean } } })._rules;
  return rules ? rules.test(rel, true, 'regex') : ig.test(rel);
}

function typeMatchers(f: RgFilters): Matchers['types'] {
  return {
    only: f.typeGlobs.length > 0 ? ignore({ ignorecase: false }).add(f.typeGlobs) : null,
    not: f.typeNotGlobs.length > 0 ? ignore({ ignorecase: false }).add(f.typeNotGlobs) : null,
  };
}

/** -T a matching type skips the file; -t a file of none of the types is skipped, one of them is let in. */
function typeVerdict(rel: string, types: Matchers['types']): Verdict {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (types.not?.ignores(name)) return 'ignore';
  if (!types.only) return 'none';
  return types.only.ignores(name) ? 'whitelist' : 'ignore';
}

/** Ignore rules by directory ('' for the root). */
function ignoreFiles(texts: ReadonlyMap<string, string>): Map<string, Ignore> {
  const out = new Map<string, Ignore>();
  // Sorted paths put .gitignore, .ignore, .rgignore in precedence order: rules added later win.
  for (const p of [...texts.keys()].sort()) {
    const slash = p.lastIndexOf('/');
    const dir = slash < 0 ? '' : p.slice(0, slash);
    let ig = out.get(dir);
    if (!ig) out.set(dir, (ig = ignore({ allowRelativePaths: true, ignorecase: false })));
    ig.add(texts.get(p) as string);
  }
  return out;
}
