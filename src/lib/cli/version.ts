/** The package's name, version and bug-report URL, read from package.json at run time. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package's folder (src/lib/cli and compiled/lib/cli are both three folders down). */
export const PACKAGE_DIR: string = fileURLToPath(new URL('../../..', import.meta.url)).replace(/[\\/]$/, '');

interface PackageJson {
  version?: string;
  bugs?: string | { url?: string };
  homepage?: string;
}

function readPackageJson(): PackageJson {
  // src/lib/cli/version.ts → package root is three folders up.
  return JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as PackageJson;
}

const pkg = readPackageJson();

export const VERSION: string = pkg.version ?? '0.0.0';

/** Where internal errors should be reported; falls back to a sentence when package.json has no `bugs`. */
export const REPORT_URL: string | null = typeof pkg.bugs === 'string' ? pkg.bugs : (pkg.bugs?.url ?? null);
