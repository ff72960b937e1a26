/**
 * Required literals: strings one of which every match must contain. The scanner looks for them
 * with Buffer.indexOf over a whole file before doing any per-line work (files and lines without
 * one cannot match), the same idea as GNU grep's "must" strings (kwsearch).
 */
import type { Node } from './ast.js';

interface Info {
  /** Every string the node can match, when that set is small and finite. */
  exact: string[] | null;
  /** Alternatives one of which appears in every match, or null. */
  req: string[] | null;
}

const MAX_SET = 16;

function score(set: string[] | null): number {
  if (!set || set.length === 0) return 0;
  return Math.min(...set.map((s) => s.length)) * 4 - set.length;
}

function best(a: string[] | null, b: string[] | null): string[] | null {
  return score(b) > score(a) ? b : a;
}

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  return a.flatMap((x) => b.map((y) => x + y));
}

function info(node: Node): Info {
  switch (node.type) {
    case 'char': {
      const s = String.fromCodePoint(node.cp);
      return { exact: [s], req: [s] };
    }
    case 'class':
      if (!node.negated && node.items.length === 1 && node.items[0]?.kind === 'range' && node.items[0].lo === node.items[0].hi) {
        return info({ type: 'char', cp: node.items[0].lo });
      }
      return { exact: null, req: null };
    case 'bol': case 'eol': case 'word':
      return { exact: [''], req: null };
    case 'group':
      return info(node.body);
    case 'concat': {
      let acc: string[] | null = [''];
      let req: string[] | null = null;
      let allExact = true;
      for (const item of node.items) {
        const i = info(item);
        if (!i.exact) allExact = false;
        req = best(req, i.req);
        const next: string[] | null = acc && i.exact ? cross(acc, i.exact) : null;
        if (next) acc = next;
        else {
          allExact = false;
          req = best(req, acc);
          acc = i.exact ? [...i.exact] : null;
        }
      }
      req = best(req, acc);
      return { exact: allExact ? acc : null, req };
    }
    case 'alt': {
      const infos = node.items.map(info);
      const exact = infos.every((i) => i.exact) ? infos.flatMap((i) => i.exact ?? []) : null;
      const reqs = infos.map((i) => best(i.req, i.exact));
      const req = reqs.every((r) => r && score(r) > 0) ? reqs.flatMap((r) => r ?? []) : null;
      return { exact: exact && exact.length <= MAX_SET ? exact : null, req };
    }
    case 'repeat': {
      const i = info(node.body);
      if (node.min === 1 && node.max === 1) return i;
      return { exact: null, req: node.min >= 1 ? best(i.req, i.exact) : null };
    }
    default:
      return { exact: null, req: null };
  }
}

/** The best set of required literals for a pattern tree, or null when there is none worth using. */
export function requiredLiterals(node: Node): string[] | null {
  const i = info(node);
  const req = best(i.req, i.exact);
  if (!req || req.length === 0 || req.some((s) => s.length === 0)) return null;
  return [...new Set(req)];
}
