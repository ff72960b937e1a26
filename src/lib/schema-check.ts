/**
 * zod 4's parse without its copy, for values our own code built: checks a value against a schema
 * where it stands and succeeds only when zod's parse would succeed and return a copy equal to the
 * value (the shape's keys in the shape's order, nothing stripped). zod's parse builds that copy,
 * every object and array of it, which for a large doc model costs more than the check (issue 17:
 * 8,111 items and 27,544 diagnostics, ≈ 110 ms and 65 MB). zod's copy is a tree: an object the value
 * reaches twice is replaced by a copy at its second place, so the result is one too.
 * The schema stays the one source of truth: leaves (strings, numbers, enums, literals and their
 * checks) are run by zod itself; only objects, arrays and records are walked here, and a schema
 * using anything else gets no in-place parse (`inPlaceParser` returns null), so its callers use zod.
 */
import type * as z from 'zod/v4';

type Schema = z.core.$ZodType;
/** What a walk returns when the value fails: zod's parse would fail or return something else. */
const FAIL: unique symbol = Symbol('fail');
/**
 * Walks one value: returns it, or the copy that replaces it (an object met before), or FAIL.
 * `seen` holds the objects and arrays met so far in this parse.
 */
type Walker = (value: unknown, seen: Set<object>) => unknown;

/** A leaf test: no copy, no allocation. */
type Test = (value: unknown) => boolean;

function defOf(schema: Schema): { type: string } & Record<string, unknown> {
  return schema._zod.def as unknown as { type: string } & Record<string, unknown>;
}

function hasChecks(def: Record<string, unknown>): boolean {
  return Array.isArray(def.checks) && def.checks.length > 0;
}

/**
 * What zod's parser of each base type accepts (zod/v4/core/schemas.js: `typeof`, a finite number,
 * one of the enum's or literal's values), without a payload; null for kinds or coercions it does not know.
 */
function baseTest(schema: Schema): Test | null {
  const def = defOf(schema);
  if (def.coerce === true) return null;
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return (value) => value === null;
    case 'enum':
    case 'literal': {
      const values = schema._zod.values;
      return values === undefined ? null : (value) => values.has(value as never);
    }
    default:
      return null;
  }
}

/** The payload a leaf's checks are run on, reused: a check allocates only when it fails. */
const checkPayload: { value: unknown; issues: unknown[] } = { value: undefined, issues: [] };

interface CheckInternals {
  check: (payload: unknown) => unknown;
  def: { when?: (payload: unknown) => boolean };
}

/** A leaf (a base type, with its checks: `.int()`, `.positive()`, `.refine()`, each run by zod), or null. */
function leafTest(schema: Schema): Test | null {
  const def = defOf(schema);
  if (def.type === 'nullable' || def.type === 'optional') {
    const inner = hasChecks(def) ? null : leafTest(def.innerType as Schema);
    const empty = def.type === 'nullable' ? null : undefined;
    return inner === null ? null : (value) => value === empty || inner(value);
  }
  if (def.type === 'union') {
    const options = hasChecks(def) ? [null] : (def.options as Schema[]).map(leafTest);
    if (options.some((option) => option === null)) return null;
    const tests = options as Test[];
    return (value) => tests.some((test) => test(value));
  }
  const base = baseTest(schema);
  if (base === null || !hasChecks(def)) return base;
  const checks = (def.checks as Array<{ _zod: CheckInternals }>).map((check) => check._zod);
  return (value) => {
    if (!base(value)) return false;
    checkPayload.value = value;
    for (const check of checks) {
      if (check.def.when !== undefined && !check.def.when(checkPayload)) continue;
      check.check(checkPayload);
      if (checkPayload.issues.length > 0) {
        checkPayload.issues.length = 0;
        return false;
      }
    }
    return true;
  };
}

/** Deep copy of plain data (objects, arrays, primitives): what zod's copy holds at a second place. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy;
}

/**
 * An object or array met for the second time is checked again on its own (it may sit under another
 * schema here) and replaced by a copy, as zod's parse would give a copy at each place.
 */
function metAgain(value: object, walk: (value: unknown, seen: Set<object>) => unknown): unknown {
  return walk(value, new Set()) === FAIL ? FAIL : copyOf(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function objectWalker(def: Record<string, unknown>): Walker | null {
  if (def.catchall !== undefined || hasChecks(def)) return null;
  const shape = def.shape as Record<string, Schema>;
  const keys = Object.keys(shape);
  const walkers: Walker[] = [];
  const optional: boolean[] = [];
  for (const key of keys) {
    const schema = shape[key]!;
    const walker = walkerOf(schema);
    if (walker === null) return null;
    walkers.push(walker);
    optional.push(schema._zod.optin === 'optional' && schema._zod.optout === 'optional');
  }
  const walk = (value: unknown, seen: Set<object>): unknown => {
    if (!isPlainObject(value)) return FAIL;
    if (seen.has(value)) return metAgain(value, walk);
    seen.add(value);
    // zod's copy has the shape's keys in the shape's order (an optional key only where the value
    // has it): the value's own keys must be exactly those, in that order.
    let index = 0;
    for (const key in value) {
      while (index < keys.length && keys[index] !== key && optional[index] === true) index++;
      if (index === keys.length || keys[index] !== key) return FAIL;
      const field = value[key];
      if (!(optional[index] === true && field === undefined)) {
        const walked = walkers[index]!(field, seen);
        if (walked === FAIL) return FAIL;
        if (walked !== field) value[key] = walked;
      }
      index++;
    }
    while (index < keys.length && optional[index] === true) index++;
    return index === keys.length ? value : FAIL;
  };
  return walk;
}

function arrayWalker(def: Record<string, unknown>): Walker | null {
  if (hasChecks(def)) return null;
  const element = walkerOf(def.element as Schema);
  if (element === null) return null;
  const walk = (value: unknown, seen: Set<object>): unknown => {
    if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return FAIL;
    if (seen.has(value)) return metAgain(value, walk);
    seen.add(value);
    for (let index = 0; index < value.length; index++) {
      const walked = element(value[index], seen);
      if (walked === FAIL) return FAIL;
      if (walked !== value[index]) value[index] = walked;
    }
    return value;
  };
  return walk;
}

function recordWalker(def: Record<string, unknown>): Walker | null {
  const keyType = def.keyType as Schema;
  if (hasChecks(def) || defOf(keyType).type !== 'string' || hasChecks(defOf(keyType))) return null;
  const element = walkerOf(def.valueType as Schema);
  if (element === null) return null;
  const walk = (value: unknown, seen: Set<object>): unknown => {
    if (!isPlainObject(value)) return FAIL;
    if (seen.has(value)) return metAgain(value, walk);
    seen.add(value);
    // zod copies every own key (symbols and non-enumerable ones too): only plain string keys pass.
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string' || !Object.prototype.propertyIsEnumerable.call(value, key)) return FAIL;
      const walked = element(value[key], seen);
      if (walked === FAIL) return FAIL;
      if (walked !== value[key]) value[key] = walked;
    }
    return value;
  };
  return walk;
}

function walkerOf(schema: Schema): Walker | null {
  const leaf = leafTest(schema);
  if (leaf !== null) return (value) => (leaf(value) ? value : FAIL);
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return objectWalker(def);
    case 'array':
      return arrayWalker(def);
    case 'record':
      return recordWalker(def);
    case 'nullable':
    case 'optional': {
      if (hasChecks(def)) return null;
      const inner = walkerOf(def.innerType as Schema);
      const empty = def.type === 'nullable' ? null : undefined;
      return inner === null ? null : (value, seen) => (value === empty ? value : inner(value, seen));
    }
    default:
      return null;
  }
}

/**
 * The in-place parse of a schema, or null when the schema uses a kind this module does not walk
 * (callers then parse with zod). `parse(value)` true means `value` is now what `schema.parse(value)`
 * would have returned: objects it reached twice were replaced by copies, nothing else was touched.
 * False means zod's parse would fail or strip or reorder something (the value may then hold such
 * copies already, which zod's parse of it does not mind): parse it with zod.
 */
export function inPlaceParser<T>(schema: z.ZodType<T>): ((value: unknown) => value is T) | null {
  const walker = walkerOf(schema as unknown as Schema);
  if (walker === null) return null;
  return (value): value is T => walker(value, new Set()) === value;
}
