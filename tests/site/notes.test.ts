/**
 * Authors' notes as the pages read them (src/lib/site/notes.ts): ids must be the ones Astro's
 * content collections give the same files, since they are the notes' URLs (they were read through
 * a collection before); a note with bad frontmatter stops the build, naming the file.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MigratrackError } from '../../src/lib/errors.js';
import { noteId, notesFromModules, type NoteModule } from '../../src/lib/site/notes.js';

const ROOT = join(import.meta.dirname, '../..');

/** Astro's own id for a glob-loaded entry (its loader's default: content/loaders/glob.js). */
async function astroId(relativePath: string): Promise<string> {
  // Not in Astro's package exports: imported by file, as the oracle for the id rule.
  const utils = (await import(pathToFileURL(join(ROOT, 'node_modules/astro/dist/content/utils.js')).href)) as {
    getContentEntryIdAndSlug(opts: { entry: URL; contentDir: URL; collection: string }): { slug: string };
  };
  const base = pathToFileURL(join(ROOT, 'src/content/notes/'));
  return utils.getContentEntryIdAndSlug({ entry: new URL(encodeURI(relativePath), base), contentDir: base, collection: '' }).slug;
}

describe('noteId', () => {
  const paths = [
    'how-to-migrate-a-processor.mdx',
    'Guides/Migrate BigQuery Writes.md',
    'guides/index.mdx',
    'index.md',
    'Café/Ünïcode Note — draft.mdx',
    'v2.1 notes.mdx',
    'deep/er/File_Name (old).md',
    'Émoji 🚀 launch.mdx',
  ];

  it.each(paths)('names %s as Astro’s content collection does', async (path) => {
    expect(noteId(path, {})).toBe(await astroId(path));
  });

  it('takes the frontmatter’s slug when there is one, as Astro does', () => {
    expect(noteId('Some File.mdx', { slug: 'custom/place' })).toBe('custom/place');
  });
});

function note(file: string, frontmatter: Record<string, unknown>): NoteModule<string> {
  return { file, frontmatter, default: `content of ${file}` };
}

describe('notesFromModules', () => {
  it('gives each note its id, checked frontmatter with the default order, and its content, ordered by id', () => {
    const notes = notesFromModules([note('/n/Zeta Note.mdx', { title: 'Z', file: 'a.py', order: 2 }), note('/n/guides/alpha.md', { title: 'A' })], '/n');
    expect(notes).toEqual([
      { id: 'guides/alpha', data: { title: 'A', order: 100 }, Content: 'content of /n/guides/alpha.md' },
      { id: 'zeta-note', data: { title: 'Z', file: 'a.py', order: 2 }, Content: 'content of /n/Zeta Note.mdx' },
    ]);
  });

  it('refuses a note whose frontmatter does not fit, naming the file and the field', () => {
    let error: unknown;
    try {
      notesFromModules([note('/n/bad.mdx', { title: 3, order: 'first' })], '/n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigratrackError);
    expect((error as MigratrackError).file).toBe('/n/bad.mdx');
    expect((error as Error).message).toBe('The note /n/bad.mdx has invalid frontmatter:\n  title: expected string, received number\n  order: expected number, received string');
  });

  it('refuses two notes that would have the same URL, naming both', () => {
    expect(() => notesFromModules([note('/n/Retry Rules.md', { title: 'A' }), note('/n/retry-rules.mdx', { title: 'B' })], '/n')).toThrow(
      'The notes /n/Retry Rules.md and /n/retry-rules.mdx would both be /notes/retry-rules/; rename one or give it a `slug`.',
    );
  });

  it('refuses a note without frontmatter: it has no title', () => {
    expect(() => notesFromModules([{ file: '/n/empty.md', frontmatter: undefined as never, default: '' }], '/n')).toThrow('The note /n/empty.md has invalid frontmatter:\n  title: required (expected string)');
  });
});
