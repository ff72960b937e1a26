// Entry of the doc-parsing thread (see doc-parse-thread.ts): a worker starts without the main
// thread's TypeScript loader, so it registers tsx itself, as bin/migratrack.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./doc-parse-thread.ts');
