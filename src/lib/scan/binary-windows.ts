/**
 * Where each tool notices a file's first NUL byte, and so which of its lines it still prints.
 * Measured on this machine's GNU grep 3.8, ripgrep 13.0 and git 2.39 (tests/scan/
 * generated-tree-oracle.test.ts puts NULs at 10 B, 9 KB, 70 KB and 100 KB; issue 22):
 * - GNU grep reads 96 KiB at a time at offsets that are multiples of 96 KiB and turns binary at
 *   the read holding the NUL: lines ended before that read print, later matches give "binary file
 *   matches" on stderr (output.ts textHits).
 * - rg walking a directory reads 3 bytes first (RG_BOM_PEEK), then 64 KiB at a time into a line
 *   buffer that keeps the partial last line (so reads drift off 64 KiB multiples) and quits at the
 *   read holding the NUL: lines ended
 *   before it print, then "WARNING: stopped searching binary file after match"; -c prints nothing.
 *   A file named on the command line is memory-mapped: a NUL in its first 64 KiB makes the first
 *   match print "binary file matches (found "\0" byte around offset N)", a later NUL does so only
 *   when it is on a matching line (tool-output.ts).
 * - git grep: a NUL in the first 8000 bytes makes the file binary (xdiff's FIRST_FEW_BYTES), a
 *   later one is an ordinary byte of its line.
 */

/** ripgrep's DEFAULT_BUFFER_CAPACITY (grep-searcher). */
export const RG_BUFFER = 64 * 1024;
/**
 * rg's first read of a file is its BOM sniffer's (encoding_rs_io peeks 3 bytes), so the complete
 * lines in a file's first 3 bytes are searched before a NUL in the next read stops it: `\n\0` prints
 * its empty first line, `foo\n\0` prints nothing.
 */
export const RG_BOM_PEEK = 3;
/** git's FIRST_FEW_BYTES (xdiff-interface.c buffer_is_binary). */
export const GIT_BINARY_WINDOW = 8000;

/**
 * The offset where rg's read holding byte `nulAt` starts: each read fills the buffer after the
 * partial line kept from the last one; a line longer than the buffer doubles it (rg grows it).
 */
export function rgReadHolding(buf: Buffer, nulAt: number): number {
  let capacity = RG_BUFFER;
  let kept = 0; // start of the partial line carried into the next read
  let readStart = 0;
  for (;;) {
    const size = readStart === 0 ? RG_BOM_PEEK : capacity - (readStart - kept);
    const readEnd = Math.min(buf.length, readStart + size);
    if (nulAt < readEnd || readEnd >= buf.length) return readStart;
    const nl = buf.lastIndexOf(10, readEnd - 1);
    if (nl >= kept) kept = nl + 1;
    else if (readEnd - kept >= capacity) capacity *= 2;
    readStart = readEnd;
  }
}
