/**
 * Decoding bytes of a legacy charset with iconv-lite, loaded on first use: nearly every doc is
 * UTF-8, and a fresh process parsing one should not pay for iconv-lite's tables (issue 21's
 * cold-parse goal). iconv-lite is CommonJS, so a synchronous require loads it.
 */
import { createRequire } from 'node:module';
import type iconvLite from 'iconv-lite';

let iconv: typeof iconvLite | undefined;

/** `bytes` read as `charset` (an iconv-lite encoding name). */
export function decodeLegacy(bytes: Buffer, charset: string): string {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof iconvLite;
  return iconv.decode(bytes, charset);
}
