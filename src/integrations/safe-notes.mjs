/**
 * Notes are written by anyone who can push to the notes folder, and the site is public (issue 20).
 * Markdown notes get what the tracking doc's page (/doc/, src/lib/site/doc-page.ts) gets from
 * micromark's defaults: raw HTML shows as the text people wrote, and a link or image whose URL has
 * a protocol other than http(s), mailto, irc(s) or xmpp (images: http(s)) gets an empty URL, so no
 * `<script>` or `javascript:` link is ever live. MDX notes are code and are refused unless the
 * config allows them (src/lib/pipeline/notes-folder.ts checks first; the plugin here refuses them
 * again in a build started some other way).
 */
import { sanitizeUri } from 'micromark-util-sanitize-uri';
import { relative, sep } from 'node:path';

// micromark's own lists (micromark/lib/compile.js protocolHref, protocolSrc).
const LINK_PROTOCOLS = /^(https?|ircs?|mailto|xmpp)$/i;
const IMAGE_PROTOCOLS = /^https?$/i;

/** Walks an mdast tree depth-first, calling `visit` on every node. */
function walk(node, visit) {
  visit(node);
  if (Array.isArray(node.children)) for (const child of node.children) walk(child, visit);
}

/**
 * The remark plugin: `html` nodes (raw HTML, block or inline) become text, and link, image and
 * definition URLs are sanitised as micromark sanitises them.
 */
export function remarkSafeNotes() {
  return (tree) => {
    walk(tree, (node) => {
      if (node.type === 'html') node.type = 'text';
      else if (node.type === 'image' || node.type === 'imageReference') {
        if (typeof node.url === 'string') node.url = sanitizeUri(node.url, IMAGE_PROTOCOLS);
      } else if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') {
        // A definition can serve an image reference as well as a link: the stricter list would
        // break http links, so definitions keep the link list and images keep theirs above.
        node.url = sanitizeUri(node.url, LINK_PROTOCOLS);
      }
    });
  };
}

/**
 * A Vite plugin refusing any `.mdx` file under `notesDir` (a user's folder, MDX not allowed):
 * it stops the build before the file is compiled, let alone run.
 */
export function refuseMdxNotes(notesDir) {
  const inside = (file) => {
    const rel = relative(notesDir, file);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
  };
  return {
    name: 'migratrack-refuse-mdx-notes',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0];
      if (/\.mdx$/i.test(file) && inside(file)) {
        throw new Error(`MigratrackError: the note ${file} is MDX, which runs code when the site is built; allow it with notes: { dir: "…", mdx: true } in the config (see docs/SECURITY.md) or rename it to .md`);
      }
      return null;
    },
  };
}
