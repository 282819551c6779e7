// Each punkt has the sections its case type requires: by default Resume, Indstilling and
// Beslutning; orientation items (D) only a Resume; initiativretsforslag (E) no Resume.
import type { CaseType, Punkt, ReferatDocument, Section, SectionKind } from '../model';
import { KIND_NAMES } from '../model';
import { msg } from './util';
import type { Rule, TextEdit } from './types';

export const DEFAULT_REQUIRED: SectionKind[] = ['resume', 'indstilling', 'beslutning'];
export const DEFAULT_BY_CASE_TYPE: Partial<Record<CaseType, SectionKind[]>> = {
  D: ['resume'],
  E: ['indstilling', 'beslutning'],
};

/** The usual order of sections, for documents that do not show their own. */
export const CANONICAL: SectionKind[] = ['resume', 'effekt', 'indstilling', 'beslutning', 'sagsfremstilling', 'okonomi', 'bilag', 'sagens-gang', 'sagsforlob', 'other'];

function kinds(value: unknown): SectionKind[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as SectionKind[]) : null;
}

/** What a document shows of its own habits, worked out once per model (the model of a version never changes). */
interface Habits {
  order: Map<string, boolean>;
  usual: Map<SectionKind, Section | undefined>;
}
const habitsOf = new WeakMap<ReferatDocument, Habits>();

function habits(doc: ReferatDocument): Habits {
  let h = habitsOf.get(doc);
  if (!h) {
    h = { order: new Map(), usual: new Map() };
    habitsOf.set(doc, h);
  }
  return h;
}

/** True when `a` comes before `b` in this document's own habit (most items that have both), else in the usual order. */
export function comesBefore(doc: ReferatDocument, a: SectionKind, b: SectionKind): boolean {
  const { order } = habits(doc);
  const key = `${a}|${b}`;
  const known = order.get(key);
  if (known !== undefined) return known;
  let before = 0;
  let after = 0;
  for (const item of doc.items) {
    const ia = item.sections.findIndex((s) => s.kind === a);
    const ib = item.sections.findIndex((s) => s.kind === b);
    if (ia < 0 || ib < 0) continue;
    if (ia < ib) before++;
    else after++;
  }
  const result = before !== after ? before > after : CANONICAL.indexOf(a) < CANONICAL.indexOf(b);
  order.set(key, result);
  return result;
}

/** The heading this document most often writes for a kind of section. */
function usualHeading(doc: ReferatDocument, kind: SectionKind): Section | undefined {
  const { usual } = habits(doc);
  if (usual.has(kind)) return usual.get(kind);
  // Per style and wording, how often; the most frequent wins, the first seen on a tie.
  const counts = new Map<string, Map<string, { n: number; s: Section }>>();
  const seen: { n: number; s: Section }[] = [];
  for (const item of doc.items) {
    for (const s of item.sections) {
      if (s.kind !== kind) continue;
      let byText = counts.get(s.heading.style);
      if (!byText) counts.set(s.heading.style, (byText = new Map()));
      let c = byText.get(s.heading.text);
      if (!c) {
        byText.set(s.heading.text, (c = { n: 0, s }));
        seen.push(c);
      }
      c.n++;
    }
  }
  let found: Section | undefined;
  let most = 0;
  for (const c of seen) {
    if (c.n > most) {
      most = c.n;
      found = c.s;
    }
  }
  usual.set(kind, found);
  return found;
}

/** The heading line for a new section, written as this document writes headings of that kind (reads one line of the text). */
export function headingLineAt(doc: ReferatDocument, lineAt: (line: number) => string | undefined, kind: SectionKind, near: Section | undefined): string {
  const usual = usualHeading(doc, kind);
  const model = near?.heading ?? usual?.heading;
  let words = usual?.heading.text ?? KIND_NAMES[kind];
  if (!usual && model?.style === 'upper') words = words.toUpperCase();
  const bold = model ? /\*\*/.test(lineAt(model.range.start.line) ?? '') : false;
  const level = model?.level ?? null;
  const text = bold ? `**${words}**` : words;
  return level ? `${'#'.repeat(level)} ${text}` : text;
}

function insertion(doc: ReferatDocument, lineAt: (line: number) => string | undefined, item: Punkt, kind: SectionKind, eol: string): TextEdit {
  const next = item.sections.find((s) => s.kind !== 'other' && comesBefore(doc, kind, s.kind));
  const heading = headingLineAt(doc, lineAt, kind, next ?? item.sections[item.sections.length - 1]);
  if (next) {
    const at = { line: next.heading.range.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${heading}${eol}${eol}` };
  }
  const end = item.range.end;
  return { range: { start: end, end }, newText: `${eol}${eol}${heading}` };
}

function isClosed(item: Punkt): boolean {
  return !!item.access && /^(?:lukket|fortrolig)/i.test(item.access);
}

export const requiredSection: Rule = {
  id: 'required-section',
  description: msg(
    'Each punkt has the sections its case type requires (Resume, Indstilling, Beslutning)',
    'Hvert punkt har de afsnit, dets sagstype kræver (Resume, Indstilling, Beslutning)',
  ),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    // `ctx.eol` is read only for a fix: it looks through the whole text.
    const { doc, lineAt, options, report } = ctx;
    const required = kinds(options.required) ?? DEFAULT_REQUIRED;
    const byCaseType = { ...DEFAULT_BY_CASE_TYPE, ...((options.byCaseType as Record<string, SectionKind[]>) ?? {}) };
    for (const item of doc.items) {
      // A closed punkt's sections are not published: nothing is missing from the minutes.
      if (isClosed(item)) continue;
      const wanted = (item.caseType && kinds(byCaseType[item.caseType])) || required;
      for (const kind of wanted) {
        if (item.sections.some((s) => s.kind === kind)) continue;
        const name = KIND_NAMES[kind];
        const type = item.caseType ? ` (${item.caseType}-sag)` : '';
        report({
          range: item.heading.textRange,
          message: msg(`Punkt ${item.number}${type} has no ${name} section`, `Punkt ${item.number}${type} mangler afsnittet ${name}`),
          fix: { title: msg(`Insert the heading "${name}"`, `Indsæt overskriften »${name}«`), edits: [insertion(doc, lineAt, item, kind, ctx.eol)] },
        });
      }
    }
  },
};
