/**
 * Categories of a generically read doc, from its heading hierarchy: the headings that name units
 * of the plan ("Phase 1", "Week 3", "Step 2") when the doc has them, else the shallowest heading
 * level that splits the items in two or more. A status section ("## Completed") is not a category:
 * its sub-headings stand in its place. Items outside every category go to one more ("Other"); a
 * flat doc gets that one only.
 */
import type { OutlineSection } from '../outline.js';
import { ancestry } from '../outline.js';
import { isGroupingHeading, sectionStatus } from './sections.js';

/** The sections that are categories, in doc order, given the sections holding items. */
export function categorySections(root: OutlineSection, holders: ReadonlySet<OutlineSection>, itemHeadings: ReadonlySet<OutlineSection>, level?: number): OutlineSection[] {
  const holds = (section: OutlineSection): boolean => holders.has(section) || section.children.some(holds);
  // The config's reading.categoryLevel: every heading of that level holding items.
  if (level !== undefined) return [...walk(root)].filter((section) => section.depth === level && holds(section) && !itemHeadings.has(section));
  const grouping = [...walk(root)].filter((section) => section.depth > 0 && isGroupingHeading(section) && holds(section) && !itemHeadings.has(section));
  if (grouping.length >= 2) {
    const depth = Math.min(...grouping.map((section) => section.depth));
    const level = grouping.filter((section) => section.depth === depth);
    if (level.length >= 2) return level;
  }
  // Descend while one heading holds everything (the doc title, a lone "## Tasks"); stop at the
  // first level that splits the items.
  let only = root;
  for (;;) {
    const next = expand(only.children.filter((child) => holds(child) && !itemHeadings.has(child)), holds, itemHeadings);
    if (next.length >= 2) return next;
    const [single] = next;
    if (single === undefined) return only.depth <= 1 ? [] : [only];
    only = single;
  }
}

/** Status sections give way to their sub-headings (or to nothing, their items going to "Other"). */
function expand(sections: OutlineSection[], holds: (section: OutlineSection) => boolean, itemHeadings: ReadonlySet<OutlineSection>): OutlineSection[] {
  return sections.flatMap((section) =>
    sectionStatus(section) !== null ? expand(section.children.filter((child) => holds(child) && !itemHeadings.has(child)), holds, itemHeadings) : [section],
  );
}

function* walk(section: OutlineSection): Generator<OutlineSection> {
  yield section;
  for (const child of section.children) yield* walk(child);
}

/** The category section an item sitting in `section` belongs to, or null (→ "Other"). */
export function categoryOf(section: OutlineSection, categories: ReadonlySet<OutlineSection>): OutlineSection | null {
  return ancestry(section).find((at) => categories.has(at)) ?? null;
}
