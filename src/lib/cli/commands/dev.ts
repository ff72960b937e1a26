/** `migratrack dev`: the site with live reload while the doc or notes are edited. */
import { SITE_OPTIONS, TARGET_OPTIONS, type CommandSpec } from '../spec.js';
import { resolveFor } from './shared.js';

export const devCommand: CommandSpec = {
  name: 'dev',
  summary: 'Serve the site with live reload while you edit the doc',
  description: 'Starts the Astro dev server on the snapshot and rebuilds it when the tracking doc changes.\nThe history file is read but never written. Stop it with Ctrl-C.',
  options: [{ flags: '--port <port>', description: 'Port to listen on (default: Astro\'s, 4321)' }, ...TARGET_OPTIONS, ...SITE_OPTIONS],
  examples: [
    ['dev', 'the demo (or configured) site at http://localhost:4321/'],
    ['dev --repo ../orchestration --doc docs/TRACKING.md --port 8080', 'your repository on port 8080'],
  ],
  async run(ctx) {
    const opts = await resolveFor(ctx, true);
    await (await ctx.pipeline()).startDevServer(opts, ctx.log);
    return 0;
  },
};
