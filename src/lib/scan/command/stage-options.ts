/**
 * GNU getopt_long for the later stages' tools: clustered short flags (`-rn`), values attached or
 * separate (`-t:`, `-k 2`), `--long`, `--long=V` or `--long V`, and `--` ending options. Only the
 * options a tool declares are known; any other is refused by name.
 */

export interface OptionSpec {
  /** Short flags without a value, e.g. 'nru'. */
  flags: string;
  /** Short options taking a value, e.g. 'kt'. */
  valued: string;
  /** Long option name → the short letter it means. */
  long: Record<string, string>;
}

export interface ReadOptions {
  /** Options in command-line order: [letter, value or null]. */
  options: [string, string | null][];
  operands: string[];
}

/** Reads `args` for the tool `cmd`; a reason names the option that is not supported. */
export function readOptions(cmd: string, args: readonly string[], spec: OptionSpec): ReadOptions | { reason: string } {
  const out: ReadOptions = { options: [], operands: [] };
  let onlyOperands = false;
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as string;
    if (onlyOperands || !a.startsWith('-') || a === '-') { out.operands.push(a); continue; }
    if (a === '--') { onlyOperands = true; continue; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const letter = spec.long[a.slice(2, eq < 0 ? undefined : eq)];
      if (letter === undefined) return { reason: `unsupported ${cmd} option \`${a}\` in the pipeline` };
      if (!spec.valued.includes(letter)) {
        if (eq >= 0) return { reason: `${cmd} option \`${a}\` takes no value` };
        out.options.push([letter, null]);
        continue;
      }
      const value = eq >= 0 ? a.slice(eq + 1) : args[++k];
      if (value === undefined) return { reason: `${cmd} option \`${a}\` needs a value` };
      out.options.push([letter, value]);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string;
      if (spec.flags.includes(f)) { out.options.push([f, null]); continue; }
      if (!spec.valued.includes(f)) return { reason: `unsupported ${cmd} option \`-${f}\` in the pipeline` };
      const value = j + 1 < a.length ? a.slice(j + 1) : args[++k];
      if (value === undefined) return { reason: `${cmd} option \`-${f}\` needs a value` };
      out.options.push([f, value]);
      break;
    }
  }
  return out;
}
