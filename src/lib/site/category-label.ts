/**
 * How a category is named on the pages: the seed family's numbered tasks as "Task 3.3", a
 * category named by its heading (generic docs, issue 17) by its title alone, not "Task phase-1-…".
 */

/** True for a category id that is a task number ("3.1.1", "3.1-dup-2"), as the seed family gives. */
export function isTaskId(id: string): boolean {
  return /^\d+(\.\d+)*(-dup-\d+)?$/.test(id);
}

/** "Task 3.3: BigQuery Pooling" for a numbered task; just the title for a category named by its heading. */
export function categoryLabel(id: string, title: string): string {
  return isTaskId(id) ? `Task ${id}: ${title}` : title;
}

/** Short reference: "Task 3.3", or the title (else the id) of a category named by its heading. */
export function categoryRef(id: string, title?: string): string {
  return isTaskId(id) ? `Task ${id}` : (title ?? id);
}

