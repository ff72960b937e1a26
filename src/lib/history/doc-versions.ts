/**
 * The doc's versions along a walk, parsed a few ahead of the one the walk is at: with a parser on
 * another thread (background-parser.ts), the next versions are ready by the time they are needed.
 */
import type { TrackingDoc } from '../doc/model.js';

/** A version of the doc: its blob, and the path it had then (the doc may have moved). */
export interface DocVersion {
  blob: string;
  path: string;
}

export type ParsedVersion = { kind: 'parsed'; doc: TrackingDoc } | { kind: 'missing' } | { kind: 'failed'; message: string };

/** How many versions are parsed ahead of the one the walk is at. */
const PARSES_AHEAD = 3;

export class DocVersions {
  private upcoming: readonly DocVersion[] = [];
  private next = 0;
  private readonly parses = new Map<string, Promise<ParsedVersion>>();

  /** @param parse reads and parses one version; null when its blob is missing from the repository. */
  constructor(private readonly parse: (version: DocVersion) => Promise<TrackingDoc | null>) {}

  /** The versions the walk will ask for, in order (a version not listed is still parsed, just not ahead). */
  expect(versions: readonly DocVersion[]): void {
    this.upcoming = versions;
    this.next = 0;
  }

  /** The parse of `version`, after starting those of the next PARSES_AHEAD expected versions. */
  parsed(version: DocVersion): Promise<ParsedVersion> {
    let at = this.next;
    while (at < this.upcoming.length && this.upcoming[at]?.blob !== version.blob) at++;
    if (at < this.upcoming.length) {
      // Versions before this one will not be asked for again.
      for (let i = this.next; i < at; i++) this.parses.delete(this.upcoming[i]?.blob ?? '');
      this.next = at;
      for (const ahead of this.upcoming.slice(at + 1, at + 1 + PARSES_AHEAD)) this.start(ahead);
    }
    const parse = this.start(version);
    this.parses.delete(version.blob);
    return parse;
  }

  private start(version: DocVersion): Promise<ParsedVersion> {
    let parse = this.parses.get(version.blob);
    if (parse === undefined) {
      parse = this.parse(version).then(
        (doc): ParsedVersion => (doc === null ? { kind: 'missing' } : { kind: 'parsed', doc }),
        (error: unknown): ParsedVersion => ({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
      this.parses.set(version.blob, parse);
    }
    return parse;
  }
}
