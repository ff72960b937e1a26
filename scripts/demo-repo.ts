/**
 * Generates the demo target repository.
 *
 *   tsx scripts/demo-repo.ts [--out DIR] [--force]
 *
 * Default DIR is .cache/demo-repo under the project root. Without --force an up-to-date repo is left alone.
 */
import { DEFAULT_DEMO_DIR, demoManifestPath, generateDemoRepo } from '../src/lib/demo/index.js';

const USAGE = 'usage: tsx scripts/demo-repo.ts [--out DIR] [--force]';

function parseArgs(argv: string[]): { out: string; force: boolean } {
  let out = DEFAULT_DEMO_DIR;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') force = true;
    else if (arg === '--out' && argv[i + 1]) out = argv[++i]!;
    else if (arg?.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`demo-repo: unknown argument "${arg}"\n${USAGE}`);
      process.exit(2);
    }
  }
  return { out, force };
}

const { out, force } = parseArgs(process.argv.slice(2));
const started = Date.now();
try {
  const info = await generateDemoRepo(out, { force });
  console.log(`demo repo: ${info.root}`);
  console.log(`  HEAD ${info.head} · ${info.commits} commits (${info.firstParentCommits} on main's first-parent line)`);
  console.log(
    `  manifest ${demoManifestPath(info.root)} · ${info.drift.length} drift cases · ${Date.now() - started} ms`,
  );
} catch (error) {
  console.error(`demo-repo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
