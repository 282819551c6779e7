// A new referat: the skeleton the "New Referat" command opens, already in the canonical style
// (docs/formatting.md) — title, Mødedato, Mødested, Mødedeltagere, Indholdsfortegnelse and numbered
// punkter, each with Resume, Indstilling and Beslutning headings.
import { isoDate } from '../reader/dates';
import { MONTHS, WEEKDAYS } from '../vocabulary';
import { pagedEntry } from './toc';

export interface SkeletonMember {
  name: string;
  party?: string | null;
}

export interface SkeletonOptions {
  /** The committee as the title names it (`Beskæftigelses- og Socialudvalget`). */
  committee: string;
  /** The election period (`2022-2025`), when known. */
  period?: string | null;
  /** The meeting date, `DD-MM-YYYY`. */
  date: string;
  /** Start time `HH:MM`, when known. */
  time?: string | null;
  place?: string | null;
  /** The members, for Mødedeltagere (left out when none are known). */
  members?: readonly SkeletonMember[];
  /** How many punkter; punkt 1 is `Godkendelse af dagsorden`. At least 1. */
  punkter?: number;
  /** Titles of punkt 2 onwards, as far as known; the rest get a placeholder title. */
  titles?: readonly string[];
  eol?: string;
}

export const DEFAULT_PUNKTER = 3;
export const FIRST_PUNKT = 'Godkendelse af dagsorden';
/** The title of a punkt not named yet. */
export const PLACEHOLDER_TITLE = 'Titel på punktet';

const MONTH_NAMES: string[] = [];
for (const [name, n] of Object.entries(MONTHS)) if (!MONTH_NAMES[n] || name.length > MONTH_NAMES[n].length) MONTH_NAMES[n] = name;

export interface DayMonthYear {
  day: number;
  month: number;
  year: number;
  /** `YYYY-MM-DD`. */
  iso: string;
}

/** Reads `DD-MM-YYYY` (one-digit day and month allowed): null unless the day exists. */
export function parseDanishDate(text: string): DayMonthYear | null {
  const m = /^\s*(\d{1,2})-(\d{1,2})-(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = isoDate(year, month, day);
  return iso ? { day, month, year, iso } : null;
}

/** `DD-MM-YYYY` of a date (local time: the day on the user's calendar). */
export function danishDate(date: Date): string {
  return `${String(date.getDate()).padStart(2, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${date.getFullYear()}`;
}

/** The Danish weekday of a day, capitalised as the Mødedato line writes it (`Tirsdag`). */
export function weekdayOf(d: DayMonthYear): string {
  const monday0 = (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;
  const name = WEEKDAYS[monday0];
  return name[0].toUpperCase() + name.slice(1);
}

/** `Tirsdag d. 06. maj 2025 kl. 08:30`. */
export function meetingDateText(d: DayMonthYear, time?: string | null): string {
  const day = `${weekdayOf(d)} d. ${String(d.day).padStart(2, '0')}. ${MONTH_NAMES[d.month]} ${d.year}`;
  return time ? `${day} kl. ${time}` : day;
}

/** The text of a new referat. Throws when the date is not a real `DD-MM-YYYY` day. */
export function referatSkeleton(options: SkeletonOptions): string {
  const d = parseDanishDate(options.date);
  if (!d) throw new Error(`Not a date (DD-MM-YYYY): ${options.date}`);
  const date = `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')}-${d.year}`;
  const committee = options.committee.replace(/\s+/g, ' ').trim();
  const count = Math.max(1, Math.floor(options.punkter ?? DEFAULT_PUNKTER));
  const titles = [FIRST_PUNKT, ...Array.from({ length: count - 1 }, (_, i) => oneLine(options.titles?.[i] ?? '') || PLACEHOLDER_TITLE)];

  const out: string[] = [];
  const block = (...lines: string[]) => out.push(...lines, '');
  block(`# REFERAT ${[committee, options.period?.trim()].filter(Boolean).join(' ')} d. ${date}`);
  block(`**Mødedato** ${meetingDateText(d, options.time)}`);
  block(options.place?.trim() ? `**Mødested** ${oneLine(options.place)}` : '**Mødested**');
  const members = (options.members ?? []).map((m) => (m.party ? `${oneLine(m.name)} (${m.party})` : oneLine(m.name))).filter(Boolean);
  if (members.length) block(`**Mødedeltagere** ${members.join(', ')}`);
  // Page numbers stand in until the referat is laid out: the TOC on page 1, one punkt a page after it.
  block('## Indholdsfortegnelse');
  block(...titles.map((title, i) => pagedEntry(title, i + 2)));
  titles.forEach((title, i) => {
    block(`# Punkt ${i + 1}: ${title}`);
    block('## Resume');
    block('## Indstilling');
    block('## Beslutning');
  });
  out.pop();
  const eol = options.eol ?? '\n';
  return out.join(eol) + eol;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
