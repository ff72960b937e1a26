/**
 * Escaping for the few strings we build as markup ourselves (the SVG badge). Astro escapes every
 * `{expression}` in templates; this is only for text that never passes through a template.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML/XML element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
