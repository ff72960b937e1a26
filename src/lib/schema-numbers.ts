/**
 * Integer schemas shared by the snapshot, history, org and diagnostic schemas. zod 4 builds a
 * whole number-format schema for each `.int()` (≈ 0.5 ms apiece in a fresh process), and the ~45
 * written out in those files cost every command ≈ 40 ms of start-up (issue 21). zod schemas are
 * immutable, so one instance of each serves every field with the same checks, messages and type.
 */
import * as z from 'zod/v4';

export const Int = z.number().int();
/** A count: an integer ≥ 0 (`z.number().int().nonnegative()`). */
export const Count = Int.nonnegative();
/** A line or column number: an integer ≥ 1 (`z.number().int().positive()`). */
export const PositiveInt = Int.positive();
