/**
 * Generates the demo target repository.
 *
 *   tsx scripts/demo-repo.ts [--out DIR] [--force]
 *   tsx scripts/demo-repo.ts --months N [--out DIR]   (the long-history demo, issue 18)
 *
 * Default DIR is .cache/demo-repo (.cache/long-demo-repo with --months) under the project root.
 * Without --force an up-to-date repo is left alone.
 */
import { DEFAULT_DEMO_DIR, demoManifestPath, generateDemoRepo } from '../src/lib/demo/index.js';
import { generateLongDemoRepo } from '../src/lib/demo/long/index.js';

const USAGE = 'usage: tsx scripts/demo-repo.ts [--out DIR] [--force] | --months N [--out DIR]';

function parseArgs(argv: string[]): { out: string | null; force: boolean; months: number | null } {
  let out: string | null = null;
  let force = false;
  let months: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') force = true;
    else if (arg === '--months' && argv[i + 1]) months = Number(argv[++i]);
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
  return { out, force, months };
}

const { out, force, months } = parseArgs(process.argv.slice(2));
const started = Date.now();
try {
  if (months !== null) {
    const long = await generateLongDemoRepo(out ?? DEFAULT_DEMO_DIR.replace(/demo-repo$/, 'long-demo-repo'), { months });
    console.log(`long demo repo: ${long.root}`);
    console.log(`  ${long.commits.length} commits, ${long.start} → ${long.end} · doc ${long.docPath} · ${Date.now() - started} ms`);
    process.exit(0);
  }
  const info = await generateDemoRepo(out ?? DEFAULT_DEMO_DIR, { force });
  console.log(`demo repo: ${info.root}`);
  console.log(`  HEAD ${info.head} · ${info.commits} commits (${info.firstParentCommits} on main's first-parent line)`);
  console.log(
    `  manifest ${demoManifestPath(info.root)} · ${info.drift.length} drift cases · ${Date.now() - started} ms`,
  );
} catch (error) {
  console.error(`demo-repo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
