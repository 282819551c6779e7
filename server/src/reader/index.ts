// PLACEHOLDER reader: being replaced by the full reader. Finds `Punkt N:` headings only.
import type { Punkt, ReferatDocument, Range } from '../model';

const r = (l: number, c0: number, l2: number, c1: number): Range => ({ start: { line: l, character: c0 }, end: { line: l2, character: c1 } });

export function readReferat(text: string): ReferatDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const items: Punkt[] = [];
  lines.forEach((line, i) => {
    const m = /^[#*\s]*Punkt (\d+): (.*?)[*\s]*$/.exec(line);
    if (!m) return;
    const range = r(i, 0, i, line.length);
    if (items.length) items[items.length - 1].range.end = { line: i - 1, character: lines[i - 1].length };
    items.push({
      number: Number(m[1]), numberRange: range, title: m[2], titleRange: range,
      heading: { text: m[0], range, textRange: range, level: null, style: 'plain' },
      range: { ...range }, caseType: null, caseTypeRange: null, category: null, caseNumber: null, access: null, accessRange: null,
      sections: [], decisions: [], votes: [], proposals: [], absences: [],
    });
  });
  const last = lines.length - 1;
  if (items.length) items[items.length - 1].range.end = { line: last, character: lines[last].length };
  const whole = r(0, 0, last, lines[last].length);
  return {
    lineCount: lines.length, range: whole, toc: null, categories: [], items,
    meeting: { title: null, titleRange: null, committee: null, committeeRange: null, period: null, date: null, titleDate: null, meetingDate: null, time: null, place: null, placeRange: null, attendees: [], adjourned: null, adjournedRange: null, range: r(0, 0, 0, 0) },
  };
}
