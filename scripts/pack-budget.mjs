/**
 * What migratrack's npm tarball may weigh and hold (issue 23): checked by tests/install (on the
 * real `npm pack`) and reported by `npm run bench -- pack`.
 */
export const PACK_BUDGET = { bytes: 500_000, files: 500 };
