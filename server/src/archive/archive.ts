// The archive: every punkt of every referat, filed by case, and every meeting by body and date.
// Kept up to date one document at a time (add, replace, remove), so that a language server can
// hold the workspace's archive and change it as files change; lookups sort lazily.
import type { ReferatDocument } from '../model';
import { bodyKey } from '../vocabulary';
import { difference, distanceOf } from './compare';
import { type ArchivedPunkt, type ArchivedReferat, archiveEntry } from './entry';

/** One meeting's treatment of a case: the referat and its punkt. */
export interface Treatment {
  referat: ArchivedReferat;
  punkt: ArchivedPunkt;
}

export interface Case {
  key: string;
  /** The case number as first written (null for a case filed by title). */
  caseNumber: string | null;
  /** The newest treatment's title. */
  title: string;
  /** Newest first. */
  treatments: readonly Treatment[];
}

/** What a quoted history entry names: a body, a date, perhaps the punkt number. */
export interface HistoryRef {
  body: string | null;
  date: string | null;
  punkt: number | null;
}

/** A body's name as meetings are compared by: FirstAgenda's history writes a year after it (`Beskæftigelses- og Erhvervsudvalget 2022`). */
export function meetingBodyKey(name: string): string {
  return bodyKey(name.replace(/\s+\d{4}$/, ''));
}

/** Newest first: date, then time, then file and punkt, so that the order is the same on every run. */
function newestFirst(a: Treatment, b: Treatment): number {
  return (
    compareDesc(a.referat.date, b.referat.date) ||
    compareDesc(a.referat.time, b.referat.time) ||
    compareDesc(a.referat.uri, b.referat.uri) ||
    b.punkt.number - a.punkt.number ||
    b.punkt.line - a.punkt.line
  );
}

function compareDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/** Oldest first, for lists of meetings. */
export function byDate(a: ArchivedReferat, b: ArchivedReferat): number {
  return -compareDesc(a.date, b.date) || -compareDesc(a.time, b.time) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

export class Archive {
  private readonly entries = new Map<string, ArchivedReferat>();
  private readonly byCase = new Map<string, Treatment[]>();
  /** Case keys whose list has changed since it was last sorted. */
  private readonly unsorted = new Set<string>();
  private readonly byBody = new Map<string, ArchivedReferat[]>();
  /** Bodies whose list of meetings has changed since it was last sorted. */
  private readonly unsortedBodies = new Set<string>();
  private changes = 0;

  /** Changes with every add and remove: what is worked out from the whole archive can be kept until it does. */
  get version(): number {
    return this.changes;
  }

  /** Adds a referat, or replaces the one of the same uri. */
  add(entry: ArchivedReferat): void {
    this.remove(entry.uri);
    this.changes++;
    this.entries.set(entry.uri, entry);
    for (const punkt of entry.punkter) {
      if (!punkt.caseKey) continue;
      let list = this.byCase.get(punkt.caseKey);
      if (!list) this.byCase.set(punkt.caseKey, (list = []));
      list.push({ referat: entry, punkt });
      this.unsorted.add(punkt.caseKey);
    }
    if (entry.committee) {
      const key = meetingBodyKey(entry.committee);
      const list = this.byBody.get(key);
      if (list) list.push(entry);
      else this.byBody.set(key, [entry]);
      this.unsortedBodies.add(key);
    }
  }

  /** Reads a model into the archive (see archiveEntry on keeping it long). */
  addDocument(uri: string, doc: ReferatDocument, text: string): ArchivedReferat {
    const entry = archiveEntry(uri, doc, text);
    this.add(entry);
    return entry;
  }

  /** Takes a referat out; false when it was not there. */
  remove(uri: string): boolean {
    const entry = this.entries.get(uri);
    if (!entry) return false;
    this.changes++;
    this.entries.delete(uri);
    for (const key of new Set(entry.punkter.map((p) => p.caseKey))) {
      if (!key) continue;
      const left = (this.byCase.get(key) ?? []).filter((t) => t.referat !== entry);
      if (left.length) this.byCase.set(key, left);
      else {
        this.byCase.delete(key);
        this.unsorted.delete(key);
      }
    }
    if (entry.committee) {
      const key = meetingBodyKey(entry.committee);
      const left = (this.byBody.get(key) ?? []).filter((e) => e !== entry);
      if (left.length) this.byBody.set(key, left);
      else {
        this.byBody.delete(key);
        this.unsortedBodies.delete(key);
      }
    }
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  referat(uri: string): ArchivedReferat | undefined {
    return this.entries.get(uri);
  }

  /** Every referat, oldest first. */
  referater(): ArchivedReferat[] {
    return [...this.entries.values()].sort(byDate);
  }

  /** Every meeting that treated the case, newest first (empty when none). */
  treatments(caseKey: string): readonly Treatment[] {
    const list = this.byCase.get(caseKey);
    if (!list) return [];
    if (this.unsorted.delete(caseKey)) list.sort(newestFirst);
    return list;
  }

  /** The treatments of a punkt's case, newest first, the punkt itself among them. */
  treatmentsOf(punkt: ArchivedPunkt): readonly Treatment[] {
    return punkt.caseKey ? this.treatments(punkt.caseKey) : [];
  }

  /** Every case, by key (code-unit order). */
  cases(): Case[] {
    return [...this.byCase.keys()].sort().map((key) => this.caseOf(key)!);
  }

  caseOf(key: string): Case | null {
    const treatments = this.treatments(key);
    if (!treatments.length) return null;
    const numbered = treatments.find((t) => t.punkt.caseNumber);
    return { key, caseNumber: numbered?.punkt.caseNumber ?? null, title: treatments[0].punkt.title, treatments };
  }

  /** The meetings of a body (`Byrådet`, `Byråd 2022-2025` and `Byrådets` alike), oldest first. */
  meetingsOf(body: string): readonly ArchivedReferat[] {
    // Sorted when asked for after a change, not on every question: the rules across referater ask for each referat.
    const key = meetingBodyKey(body);
    const list = this.byBody.get(key);
    if (!list) return [];
    if (this.unsortedBodies.delete(key)) list.sort(byDate);
    return list;
  }

  /** The meetings of a body on a date. */
  meetingsOn(body: string, date: string): ArchivedReferat[] {
    return (this.byBody.get(meetingBodyKey(body)) ?? []).filter((e) => e.date === date);
  }

  /**
   * The meeting's punkt a quoted history entry refers to: the body's meeting on that date, and in
   * it the punkt of the same case: the one of the entry's number when it gives one, else, where
   * the case is on the agenda more than once, the one whose decision is nearest the quoted `text`.
   * Null when the archive does not hold that meeting or the case is not on its agenda.
   */
  resolveHistory(caseKey: string | null, ref: HistoryRef, text?: string): Treatment | null {
    if (!caseKey || !ref.body || !ref.date) return null;
    const found: Treatment[] = [];
    for (const referat of this.meetingsOn(ref.body, ref.date)) {
      for (const punkt of referat.punkter) {
        if (punkt.caseKey !== caseKey) continue;
        if (ref.punkt !== null && punkt.number === ref.punkt) return { referat, punkt };
        found.push({ referat, punkt });
      }
    }
    if (found.length <= 1 || text === undefined) return found[0] ?? null;
    let best = found[0];
    let bestDistance = Infinity;
    for (const t of found) {
      const d = distanceOf(difference(text, t.punkt.decision ?? ''));
      if (d < bestDistance) [best, bestDistance] = [t, d];
    }
    return best;
  }
}
