/**
 * Entry point of `migratrack` (and `npm run build`). Thin on purpose: all behaviour is in
 * src/lib/cli, which tests drive in-process; this file only binds it to the real process.
 */
// run.js, not the CLI's index: that also exports the check and summary renderers, whose schemas
// (zod) every start of the CLI would load.
import { runCli } from '../lib/cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
