/**
 * Config schema for `reading`: corrections to how the doc stage reads a tracking doc that is not
 * in the "Task N / File N" family (issue 17). See doc/readers/options.ts.
 */
import { z } from 'zod';

const Words = z.array(z.string().min(1, 'expected a word, phrase or mark')).optional();

export const ReadingConfig = z
  .object({
    /**
     * Only these readers claim items (default: all). Drop one that misreads your doc.
     * @example ["task-line", "table-row"]
     */
    readers: z.array(z.enum(['status-heading', 'table-row', 'task-line', 'status-line', 'section-line'])).min(1, 'expected at least one reader').optional(),
    /**
     * The heading level (1–6) whose headings are the categories, instead of the guess.
     * @example 3
     */
    categoryLevel: z.number().int().min(1, 'expected a heading level from 1 to 6').max(6, 'expected a heading level from 1 to 6').optional(),
    /**
     * Extra words, phrases or marks and the status they mean in your doc. Marks (an emoji, `[?]`)
     * extend the doc's legend; words are matched whole, case-insensitively, before the defaults.
     * @example { skipped: ["commented out", "🔕"], blocked: ["needs review"] }
     */
    statusWords: z
      .object({ done: Words, 'in-progress': Words, 'not-started': Words, blocked: Words, skipped: Words })
      .strict()
      .optional(),
    /**
     * Sections to skip: a section whose heading contains one of these (case-insensitive) is not read.
     * @default []
     * @example ["Post-Migration", "Appendix"]
     */
    ignoreSections: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type ReadingConfig = z.infer<typeof ReadingConfig>;
