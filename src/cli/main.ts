/**
 * Entry point of `migratrack` (and `npm run build`). Thin on purpose: all behaviour is in
 * src/lib/cli, which tests drive in-process; this file only binds it to the real process.
 */
import { runCli } from '../lib/cli/index.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
