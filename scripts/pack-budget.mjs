/**
 * What migratrack's npm tarball may weigh and hold (issue 23): checked by tests/install (on the
 * real `npm pack`) and reported by `npm run bench -- pack`.
 */
// 789 kB and 650 files once the org merge's repository pages (issue 24), zod bundled into
// compiled/vendor/ (issue 21), the sync shapes (issue 19) and the exact counting commands (issue
// 22) landed (667 kB and 617 before them); 669 kB and 338 files once compiled/ became a split
// bundle (issue 21: 21 files instead of 335, zod 4's unused locales left out). The budget leaves
// room, so a bundled fixture or screenshot still fails it.
export const PACK_BUDGET = { bytes: 880_000, files: 730 };
