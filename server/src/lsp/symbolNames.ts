// Names and kinds of the symbols, shared by the outline and the workspace symbol search so
// that a punkt looks the same in both.
import { SymbolKind } from 'vscode-languageserver';
import type { Meeting, Punkt } from '../model';

export const MEETING_SYMBOL_KIND = SymbolKind.Module;
export const TOC_SYMBOL_KIND = SymbolKind.Namespace;
export const PUNKT_SYMBOL_KIND = SymbolKind.Class;
export const SECTION_SYMBOL_KIND = SymbolKind.Struct;
export const SUBHEADING_SYMBOL_KIND = SymbolKind.String;
export const HISTORY_SYMBOL_KIND = SymbolKind.Event;

export const TOC_SYMBOL_NAME = 'Indholdsfortegnelse';
const FALLBACK_MEETING_NAME = 'Referat';

export function punktSymbolName(punkt: Pick<Punkt, 'number' | 'title'>): string {
  const title = oneLine(punkt.title);
  return title ? `Punkt ${punkt.number}: ${title}` : `Punkt ${punkt.number}`;
}

/** The meeting title, else committee and date, else null. */
export function meetingName(meeting: Meeting): string | null {
  const title = oneLine(meeting.title ?? '');
  if (title) return title;
  const committeeAndDate = oneLine([meeting.committee, meeting.date].filter(Boolean).join(' '));
  return committeeAndDate || null;
}

export function meetingSymbolName(meeting: Meeting): string {
  return meetingName(meeting) ?? FALLBACK_MEETING_NAME;
}

/** White space that oneLine would change: a run, a space other than ' ', or at either end. */
const NOT_ONE_LINE = /\s\s|[^\S ]|^\s|\s$/;

/** Symbol names must not be empty, and clients show only one line of them. */
export function oneLine(text: string): string {
  // Most titles are one line already: a test instead of a new string for each of thousands.
  return NOT_ONE_LINE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
