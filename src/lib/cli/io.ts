/**
 * The CLI's view of the outside world, injected so tests run `runCli` in-process with string
 * buffers and a fake environment instead of the real process.
 */
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** The subset of a Node writable stream the CLI uses. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  /** Command results (scan output, check report, help): what a user may pipe elsewhere. */
  stdout: OutputStream;
  /** Logs, progress and errors, so `scan --format json > file` stays clean. */
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * Colours only on a TTY and never with NO_COLOR (https://no-color.org: "present and not empty").
 * picocolors' own detection reads the real process, so we decide and pass `enabled` explicitly.
 */
export function colorsFor(stream: OutputStream, env: CliIo['env']): Colors {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return pc.createColors(stream.isTTY === true && !noColor);
}

/** A live progress display makes sense only on an interactive terminal outside CI. */
export function isInteractive(stream: OutputStream, env: CliIo['env']): boolean {
  return stream.isTTY === true && env.CI !== 'true' && env.CI !== '1';
}

/** Collects writes in memory; used by tests and by commands that render before printing. */
export class BufferStream implements OutputStream {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
