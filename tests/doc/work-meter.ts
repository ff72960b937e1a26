/**
 * A deterministic measure of how much work a synchronous call does, for checks of its growth
 * ("linear in the doc") that a loaded machine cannot make flaky: speed itself is measured by the
 * benchmarks (docs/BENCHMARKS.md), never asserted by a timed test.
 *
 * While the call runs, the built-ins that loops are made of count what they touch: the elements an
 * array method or a `for…of` over an array, set or map walks, the characters a string method scans
 * or copies, and one per set/map lookup. Code that redoes a scan per item (an id bumped until it is
 * unused, every heading collected again for each table: the quadratic readers fixed in 0166e4b) multiplies
 * these counts; code that does not, keeps them proportional to its input. Regular expressions and
 * plain indexed loops are not counted: the meter is a lower bound of the work, not all of it.
 */

type Method = (this: unknown, ...args: unknown[]) => unknown;

let units = 0;

/** Elements a callback method visits: up to and including the hit for the searching ones. */
const SEARCHES = new Set(['find', 'findIndex', 'some', 'every', 'includes', 'indexOf']);
const ARRAY_WALKS = ['forEach', 'map', 'filter', 'reduce', 'flatMap', 'join', 'sort', 'find', 'findIndex', 'some', 'every', 'includes', 'indexOf', 'lastIndexOf'];
/** String methods that scan or copy their receiver (or the part of it they return). */
const STRING_SCANS = ['indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'split', 'slice', 'substring', 'trim', 'toLowerCase', 'toUpperCase'];

function arrayCost(name: string, self: unknown[], result: unknown): number {
  if (!SEARCHES.has(name)) return self.length;
  if (name === 'findIndex' || name === 'indexOf') return (result as number) < 0 ? self.length : (result as number) + 1;
  return self.length; // find, some, every, includes: the hit is not known, count the whole array
}

function stringCost(name: string, self: string, args: unknown[], result: unknown): number {
  if (name === 'slice' || name === 'substring' || name === 'trim' || name === 'toLowerCase' || name === 'toUpperCase') return (result as string).length;
  if (name === 'startsWith' || name === 'endsWith') return String(args[0]).length;
  if (name === 'indexOf') return (result as number) < 0 ? self.length - Number(args[1] ?? 0) : (result as number) - Number(args[1] ?? 0) + 1;
  return self.length;
}

function countingIterator<T>(iterator: Iterator<T>): Iterator<T> {
  const next = iterator.next.bind(iterator);
  return Object.assign(Object.create(Object.getPrototypeOf(iterator) as object) as Iterator<T>, {
    next: () => (units++, next()),
    [Symbol.iterator]() {
      return this;
    },
  });
}

/** Replaces the built-ins with counting ones; returns what puts them back. */
function install(): () => void {
  const restore: (() => void)[] = [];
  const wrap = (proto: object, key: string | symbol, make: (original: Method) => Method): void => {
    const original = (proto as Record<string | symbol, Method>)[key]!;
    Object.defineProperty(proto, key, { value: make(original), writable: true, configurable: true });
    restore.push(() => Object.defineProperty(proto, key, { value: original, writable: true, configurable: true }));
  };
  for (const name of ARRAY_WALKS) {
    wrap(Array.prototype, name, (original) => function (this: unknown, ...args) {
      const result = original.apply(this, args);
      units += arrayCost(name, this as unknown[], result);
      return result;
    });
  }
  for (const name of STRING_SCANS) {
    wrap(String.prototype, name, (original) => function (this: unknown, ...args) {
      const result = original.apply(this, args);
      units += stringCost(name, String(this), args, result);
      return result;
    });
  }
  for (const proto of [Array.prototype, Set.prototype, Map.prototype]) {
    for (const key of [Symbol.iterator, 'values', 'keys', 'entries'] as const) {
      wrap(proto, key, (original) => function (this: unknown, ...args) {
        return countingIterator(original.apply(this, args) as Iterator<unknown>);
      });
    }
  }
  for (const [proto, names] of [[Set.prototype, ['has', 'add']], [Map.prototype, ['has', 'get', 'set']]] as const) {
    for (const name of names) wrap(proto, name, (original) => function (this: unknown, ...args) {
      units++;
      return original.apply(this, args);
    });
  }
  return () => {
    for (const undo of restore.reverse()) undo();
  };
}

/** Runs `work` (synchronous: nothing else may run meanwhile) and returns its work units. */
export function workOf(work: () => void): number {
  units = 0;
  const uninstall = install();
  try {
    work();
  } finally {
    uninstall();
  }
  return units;
}
