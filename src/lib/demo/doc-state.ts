/**
 * The tracking doc's side of the demo as data: what each entry declares. `renderDoc` turns it into
 * the markdown a person would have written by editing the seed in place.
 */

export type EntryStatus = 'not-started' | 'in-progress' | 'done';

/** What one numbered entry (File N) says. */
export interface EntryDoc {
  status: EntryStatus;
  /** People write "In Progress" with either marker. */
  marker?: '⚠️' | '🟡';
  updatedBy?: string;
  date?: string;
  /** How many checklist boxes are ticked; defaults to all for done, none otherwise. */
  ticks?: number;
  notes?: string;
}

/** Category ids with the doc slot numbers they own. */
export const CATEGORY_SLOTS: Readonly<Record<string, readonly [number, number]>> = {
  '3.1.1': [1, 2],
  '3.1.2': [3, 3],
  '3.1.3': [4, 21],
  '3.2': [22, 26],
  '3.3': [27, 56],
  '3.4': [57, 76],
};

/** Slots the seed doc tracks (its TOTAL row). */
export const TOTAL_SLOTS = 76;

/** Mutable doc state; `clone()` for snapshots. */
export class DocState {
  entries = new Map<number, EntryDoc>();
  /** Ticked positions (0-based) of the cloud-function list (slots 30-39). */
  cfTicks = new Set<number>();
  /** The processor list (slots 40-56) pasted under the group, and its ticks. */
  procListedOn: string | null = null;
  procTicks = new Set<number>();
  /** The scraper list (slots 58-76) resolved from the vague lines, and its ticks. */
  scrapersResolved = false;
  scraperTicks = new Set<number>();
  /** Completed counts the summary table claims, per category id. */
  summary: Record<string, number> = Object.fromEntries(Object.keys(CATEGORY_SLOTS).map((id) => [id, 0]));
  headerDone = 0;
  lastUpdated = '2026-01-19';
  session = 119;
  milestoneTicks = new Set<string>();

  status(n: number): EntryStatus {
    return this.entries.get(n)?.status ?? 'not-started';
  }

  /** Is slot `n` declared done (entry status or a ticked group line)? */
  slotDone(n: number): boolean {
    if (n >= 30 && n <= 39) return this.cfTicks.has(n - 30);
    if (n >= 40 && n <= 56) return this.procTicks.has(n - 40);
    if (n >= 58 && n <= 76) return this.scraperTicks.has(n - 58);
    return this.status(n) === 'done';
  }

  /** Declared done per category, from the entries (not from the summary table). */
  categoryDone(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [id, [first, last]] of Object.entries(CATEGORY_SLOTS)) {
      let done = 0;
      for (let n = first; n <= last; n++) if (this.slotDone(n)) done++;
      out[id] = done;
    }
    return out;
  }

  declaredDone(): number {
    return Object.values(this.categoryDone()).reduce((a, b) => a + b, 0);
  }

  /** Copies the entries' numbers into the summary table and/or the header, as a person would. */
  refreshSummary(what: { table: boolean; header: boolean }): void {
    if (what.table) this.summary = this.categoryDone();
    if (what.header) this.headerDone = this.declaredDone();
  }

  clone(): DocState {
    const copy = new DocState();
    for (const [n, e] of this.entries) copy.entries.set(n, { ...e });
    copy.cfTicks = new Set(this.cfTicks);
    copy.procListedOn = this.procListedOn;
    copy.procTicks = new Set(this.procTicks);
    copy.scrapersResolved = this.scrapersResolved;
    copy.scraperTicks = new Set(this.scraperTicks);
    copy.summary = { ...this.summary };
    copy.headerDone = this.headerDone;
    copy.lastUpdated = this.lastUpdated;
    copy.session = this.session;
    copy.milestoneTicks = new Set(this.milestoneTicks);
    return copy;
  }
}
