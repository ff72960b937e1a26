/**
 * Escaping for the markup we build as strings ourselves: the SVG badge and the template functions
 * in ./markup. Astro escapes every `{expression}` in templates; these use the same entities.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML/XML element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  // Most values (dates, counts, ids, plain paths) have nothing to escape: test before replacing.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text;
}

const SPECIAL = /[&<>"']/;
