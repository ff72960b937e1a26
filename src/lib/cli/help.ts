/**
 * --help text, rendered from the command specs (not cac's built-in help, which prints through
 * console.log and could not be captured or pinned in tests).
 */
import type { Colors } from './io.js';
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from './spec.js';

const BIN = 'migratrack';

function optionRows(options: OptionSpec[], width: number, c: Colors): string[] {
  return options.map((o) => `  ${c.cyan(o.flags.padEnd(width))}  ${o.description}`);
}

function widthOf(...groups: OptionSpec[][]): number {
  return Math.max(...groups.flat().map((o) => o.flags.length));
}

/** `migratrack --help`: the command list. */
export function renderGlobalHelp(commands: CommandSpec[], c: Colors): string {
  const nameWidth = Math.max(...commands.map((cmd) => cmd.name.length));
  const lines = [
    `${c.bold(BIN)}: track a code migration from its tracking doc, the code and its history`,
    '',
    c.bold('Usage'),
    `  ${BIN} <command> [options]`,
    '',
    c.bold('Commands'),
    ...commands.map((cmd) => `  ${c.cyan(cmd.name.padEnd(nameWidth))}  ${cmd.summary}`),
    '',
    c.bold('Global options'),
    ...optionRows(GLOBAL_OPTIONS, widthOf(GLOBAL_OPTIONS), c),
    '',
    c.bold('Exit codes'),
    '  0 ok · 1 check failed · 2 usage or input error · 3 internal error',
    '',
    `Run \`${BIN} <command> --help\` for a command's options and examples.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** `migratrack <command> --help`: description, options, examples. */
export function renderCommandHelp(cmd: CommandSpec, c: Colors): string {
  const width = widthOf(cmd.options, GLOBAL_OPTIONS);
  const lines = [
    `${c.bold(`${BIN} ${cmd.name}`)}: ${cmd.summary}`,
    '',
    cmd.description,
    '',
    c.bold('Usage'),
    `  ${BIN} ${cmd.name} [options]`,
  ];
  if (cmd.options.length > 0) lines.push('', c.bold('Options'), ...optionRows(cmd.options, width, c));
  lines.push('', c.bold('Global options'), ...optionRows(GLOBAL_OPTIONS, width, c));
  if (cmd.examples.length > 0) {
    lines.push('', c.bold('Examples'));
    for (const [example, what] of cmd.examples) lines.push(`  ${c.dim(`# ${what}`)}`, `  ${BIN} ${example}`);
  }
  return `${lines.join('\n')}\n`;
}
