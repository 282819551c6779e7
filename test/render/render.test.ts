// The HTML renderer (server/src/render): every seed renders with one section per punkt, vote tables
// with the right counts, findings where they are, Danish and English, and no document text ever
// becomes markup, however it is written.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReferatDocument } from '../../server/src/model';
import { readReferat } from '../../server/src/reader';
import { esc, inline, renderBody, renderHtml, safeHttpsUrl, tocRows } from '../../server/src/render';
import type { Finding } from '../../server/src/rules/types';
import { seedFiles, seedsDir } from '../helpers/golden';
import { attrOf, elements, hasClass, parseHtml, select, textOf, unsafeParts } from './html';
import { PAYLOAD_FLAG, injectionReferat, linkPayloads, payloads } from './injection';

const seed = (prefix: string) => {
  const file = seedFiles.find((f) => f.startsWith(prefix))!;
  const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
  return { file, text, doc: readReferat(text) };
};

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
/** As `referat render` makes the page: the style allowed by its hash. */
const standalone = (doc: ReferatDocument, text: string, extra: Partial<Parameters<typeof renderHtml>[2]> = {}) =>
  renderHtml(doc, text, { locale: 'da', standalone: true, sha256: hash, ...extra });

interface VoteRow {
  item: number;
  for: number;
  against: number;
  abstain: number;
  absent: number;
  outcome: string;
}

/** The vote tables of a page: the section they stand in, their data attributes and the counts in their header cells. */
function voteTables(html: string): (VoteRow & { headerCounts: number[]; names: string[][] })[] {
  const root = parseHtml(html);
  const out: (VoteRow & { headerCounts: number[]; names: string[][] })[] = [];
  for (const section of select(root, (e) => e.tagName === 'section')) {
    for (const table of select(section, (e) => e.tagName === 'table' && hasClass(e, 'vote'))) {
      const headerCounts = select(table, (e) => e.tagName === 'span' && hasClass(e, 'count')).map((e) => Number(textOf(e)));
      const rows = select(table, (e) => e.tagName === 'tbody').flatMap((b) => select(b, (e) => e.tagName === 'tr'));
      const names = [0, 1, 2, 3].map((col) =>
        rows
          .map((r) => select(r, (e) => e.tagName === 'td')[col])
          .map((td) => (td ? (td.childNodes[0] && 'value' in td.childNodes[0] ? String(td.childNodes[0].value) : '') : ''))
          .filter(Boolean),
      );
      out.push({
        item: Number(attrOf(section, 'data-number')),
        for: Number(attrOf(table, 'data-for')),
        against: Number(attrOf(table, 'data-against')),
        abstain: Number(attrOf(table, 'data-abstain')),
        absent: Number(attrOf(table, 'data-absent')),
        outcome: attrOf(table, 'data-outcome')!,
        headerCounts,
        names,
      });
    }
  }
  return out;
}

const brief = (rows: ReturnType<typeof voteTables>): VoteRow[] =>
  rows.map(({ item, for: f, against, abstain, absent, outcome }) => ({ item, for: f, against, abstain, absent, outcome }));

describe('every seed', () => {
  it.each(seedFiles)('%s renders: one <section> per punkt, ids punkt-N, data-line at the heading', (file) => {
    const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    const doc = readReferat(text);
    expect(doc.items.length).toBeGreaterThan(0);
    for (const locale of ['da', 'en'] as const) {
      for (const mode of [true, false]) {
        const html = renderHtml(doc, text, { locale, standalone: mode, nonce: mode ? undefined : 'abc123', cspSource: mode ? undefined : 'https://example.vscode-cdn.net' });
        const root = parseHtml(html);
        const sections = select(root, (e) => e.tagName === 'section');
        expect(sections.map((s) => attrOf(s, 'id'))).toEqual(doc.items.map((i) => `punkt-${i.number}`));
        expect(sections.map((s) => Number(attrOf(s, 'data-line')))).toEqual(doc.items.map((i) => i.heading.range.start.line));
        expect(sections.every((s) => hasClass(s, 'punkt'))).toBe(true);
        // Every data-line is a line of the document.
        const lines = elements(root)
          .map((e) => attrOf(e, 'data-line'))
          .filter((v): v is string => v !== undefined);
        expect(lines.length).toBeGreaterThan(doc.items.length * 3);
        for (const v of lines) {
          expect(v).toMatch(/^\d+$/);
          expect(Number(v)).toBeLessThan(doc.lineCount);
        }
        expect(unsafeParts(root)).toEqual([]);
        expect(select(root, (e) => e.tagName === 'html').map((e) => attrOf(e, 'lang'))).toEqual([locale]);
      }
    }
  });

  it.each(seedFiles)('%s: every TOC link points at a punkt of the page', (file) => {
    const text = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    const root = parseHtml(standalone(readReferat(text), text));
    const ids = new Set(
      elements(root)
        .map((e) => attrOf(e, 'id'))
        .filter(Boolean),
    );
    const links = select(root, (e) => e.tagName === 'a' && (attrOf(e, 'href') ?? '').startsWith('#'));
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) expect(ids.has(attrOf(a, 'href')!.slice(1)), attrOf(a, 'href')).toBe(true);
  });

  it('the same input gives the same page (a pure function)', () => {
    const { doc, text } = seed('002');
    expect(standalone(doc, text)).toBe(standalone(readReferat(text), text));
  });
});

describe('vote tables', () => {
  it('000: item 1 six for and one against (no outcome stated), item 2 two for and five against, rejected', () => {
    const { doc, text } = seed('000');
    const rows = voteTables(standalone(doc, text));
    expect(brief(rows)).toEqual([
      { item: 1, for: 6, against: 1, abstain: 0, absent: 0, outcome: 'none' },
      { item: 2, for: 2, against: 5, abstain: 0, absent: 0, outcome: 'forkastet' },
    ]);
    expect(rows[0].names[1]).toEqual(['Reza Javid']);
    expect(rows[1].headerCounts).toEqual([2, 5, 0, 0]);
  });

  it('001: items 2 and 3 each 3-4 rejected, then 4 for and 3 abstaining adopted (no party letters)', () => {
    const { doc, text } = seed('001');
    const rows = voteTables(standalone(doc, text));
    expect(brief(rows)).toEqual([
      { item: 2, for: 3, against: 4, abstain: 0, absent: 0, outcome: 'forkastet' },
      { item: 2, for: 4, against: 0, abstain: 3, absent: 0, outcome: 'vedtaget' },
      { item: 3, for: 3, against: 4, abstain: 0, absent: 0, outcome: 'forkastet' },
      { item: 3, for: 4, against: 0, abstain: 3, absent: 0, outcome: 'vedtaget' },
    ]);
    for (const r of rows) expect(r.headerCounts).toEqual([r.for, r.against, r.abstain, r.absent]);
    expect(rows[1].names[2]).toHaveLength(3);
  });

  it('002: item 3 is 2 for, 2 against, 1 absent, rejected; item 6 is 2-2 rejected, then 3-1 adopted', () => {
    const { doc, text } = seed('002');
    const html = standalone(doc, text);
    const rows = voteTables(html);
    expect(brief(rows)).toEqual([
      { item: 3, for: 2, against: 2, abstain: 0, absent: 1, outcome: 'forkastet' },
      { item: 6, for: 2, against: 2, abstain: 0, absent: 1, outcome: 'forkastet' },
      { item: 6, for: 3, against: 1, abstain: 0, absent: 1, outcome: 'vedtaget' },
    ]);
    const item3 = rows[0];
    expect(item3.headerCounts).toEqual([2, 2, 0, 1]);
    expect(item3.names).toEqual([['Reza Javid', 'Mads Thomsen'], ['Christoffer Lilleholt', 'Joachim Hoffmann-Petersen'], [], ['Nicolai Busch Bæhrenz']]);
    // Party badges and the outcome badge, in Danish.
    const table = select(parseHtml(html), (e) => e.tagName === 'table' && hasClass(e, 'vote'))[0];
    // Row by row: Reza Javid (Ø) | Christoffer Lilleholt (V), then Mads Thomsen (A) | Joachim Hoffmann-Petersen (C).
    expect(select(table, (e) => hasClass(e, 'party')).map(textOf)).toEqual(['Ø', 'V', 'A', 'C']);
    expect(textOf(select(table, (e) => hasClass(e, 'outcome'))[0])).toBe('Forkastet');
    expect(textOf(select(table, (e) => e.tagName === 'thead')[0])).toMatch(/For 2.*Imod 2.*Undlod 0.*Fraværende 1/);
  });

  it('English labels', () => {
    const { doc, text } = seed('002');
    const table = select(parseHtml(renderHtml(doc, text, { locale: 'en', standalone: true })), (e) => e.tagName === 'table' && hasClass(e, 'vote'))[0];
    expect(textOf(select(table, (e) => e.tagName === 'thead')[0])).toMatch(/For 2.*Against 2.*Abstained 0.*Absent 1/);
    expect(textOf(select(table, (e) => hasClass(e, 'outcome'))[0])).toBe('Rejected');
  });

  it('counted votes (For stemte: 5 (A, F og V)) show the stated counts and the party letters', () => {
    const text = [
      'REFERAT Økonomiudvalget 2022-2025 d. 01-02-2024',
      '',
      'Punkt 1: Budget',
      '',
      'Beslutning',
      '',
      'For stemte: 5 (A, F og V)',
      'Imod stemte: 2 (Ø)',
      'Undlod at stemme: 0',
      '',
      'Forslaget er dermed vedtaget.',
      '',
    ].join('\n');
    const doc = readReferat(text);
    expect(doc.items[0].votes).toHaveLength(1);
    const html = standalone(doc, text);
    expect(brief(voteTables(html))).toEqual([{ item: 1, for: 5, against: 2, abstain: 0, absent: 0, outcome: 'vedtaget' }]);
    const table = select(parseHtml(html), (e) => e.tagName === 'table' && hasClass(e, 'vote'))[0];
    expect(select(table, (e) => hasClass(e, 'party')).map(textOf)).toEqual(['A', 'F', 'V', 'Ø']);
  });

  it('attendees marked absent in the header count as absent at the meeting committee’s votes', () => {
    const text = [
      'REFERAT Arbejdsmarkedsudvalget 2018 - 2021 d. 22-10-2020',
      '',
      'Mødedeltagere Hans Hammann (Fravær), Linda Ann Wienand, John Rosenhøj',
      '',
      'Punkt 1: Sag',
      '',
      'Beslutning',
      '',
      'Udvalgsmedlem Linda Ann Wienand stemmer for forslaget.',
      '',
      'Udvalgsmedlem John Rosenhøj stemmer imod forslaget.',
      '',
      'Forslaget er dermed forkastet.',
      '',
    ].join('\n');
    const rows = voteTables(standalone(readReferat(text), text));
    expect(brief(rows)).toEqual([{ item: 1, for: 1, against: 1, abstain: 0, absent: 1, outcome: 'forkastet' }]);
    expect(rows[0].names[3]).toEqual(['Hans Hammann']);
  });
});

describe('header, table of contents and sections', () => {
  it('the header card: committee, period, date and time, place; attendees with the absent marked; Mødet hævet', () => {
    const three = seed('003');
    const root = parseHtml(standalone(three.doc, three.text));
    const card = select(root, (e) => e.tagName === 'header' && hasClass(e, 'meeting'))[0];
    const text = textOf(card);
    expect(text).toContain('Arbejdsmarkedsudvalget');
    expect(text).toContain('2018-2021');
    expect(text).toContain('torsdag d. 22. oktober 2020 kl. 14:00');
    expect(text).toContain('Mødelokale 2');
    const absent = select(card, (e) => hasClass(e, 'attendee') && hasClass(e, 'absent'));
    expect(absent.map((e) => textOf(e).trim())).toEqual(['Hans Hammann (Fravær)']);
    expect(select(card, (e) => hasClass(e, 'attendee'))).toHaveLength(7);

    const one = seed('001');
    const card1 = select(parseHtml(standalone(one.doc, one.text)), (e) => e.tagName === 'header' && hasClass(e, 'meeting'))[0];
    expect(textOf(card1)).toContain('Mødet hævet');
    expect(textOf(card1)).toContain('kl. 14.07');
    const en = textOf(parseHtml(renderHtml(three.doc, three.text, { locale: 'en', standalone: true })));
    expect(en).toContain('Thursday 22 October 2020 at 14:00');
  });

  it('TOC entries that do not match their heading are marked (000 item 9, 002 item 2), the others not', () => {
    for (const [prefix, numbers] of [
      ['000', [9]],
      ['002', [2]],
      ['003', []],
      ['004', []],
    ] as const) {
      const { doc, text } = seed(prefix);
      const root = parseHtml(standalone(doc, text));
      const marked = select(root, (e) => hasClass(e, 'toc-entry') && hasClass(e, 'mismatch')).map((e) => Number(textOf(select(e, (x) => hasClass(x, 'toc-number'))[0])));
      expect(marked, prefix).toEqual(numbers);
      expect(tocRows(doc).every((r) => r.item && r.entry)).toBe(true);
    }
  });

  it('without a TOC the page lists the punkter; an item missing from the TOC is marked', () => {
    const text = ['REFERAT Udvalget 2022-2025 d. 01-02-2024', '', 'Punkt 1: En', '', 'Resume', '', 'Tekst.', '', 'Punkt 2: To', '', 'Resume', '', 'Tekst.', ''].join('\n');
    const root = parseHtml(standalone(readReferat(text), text));
    expect(select(root, (e) => hasClass(e, 'toc-entry')).map((e) => attrOf(select(e, (x) => x.tagName === 'a')[0], 'href'))).toEqual(['#punkt-1', '#punkt-2']);

    const withToc = [
      'REFERAT Udvalget 2022-2025 d. 01-02-2024',
      '',
      'Indholdsfortegnelse',
      '',
      'En.....\t1',
      '',
      'Punkt 1: En',
      '',
      'Resume',
      '',
      'Tekst.',
      '',
      'Punkt 2: To',
      '',
      'Resume',
      '',
      'Tekst.',
      '',
    ].join('\n');
    const root2 = parseHtml(standalone(readReferat(withToc), withToc));
    const missing = select(root2, (e) => hasClass(e, 'toc-entry') && hasClass(e, 'missing'));
    expect(missing.map((e) => textOf(e))).toEqual([expect.stringContaining('Ikke i indholdsfortegnelsen')]);
  });

  it('sections carry their heading, kind and lines; the body keeps every line of text', () => {
    const { doc, text } = seed('002');
    const root = parseHtml(standalone(doc, text));
    const item3 = select(root, (e) => attrOf(e, 'id') === 'punkt-3')[0];
    const parts = select(item3, (e) => hasClass(e, 'part'));
    expect(parts.map((p) => textOf(select(p, (e) => e.tagName === 'h3')[0]))).toEqual(doc.items[2].sections.map((s) => s.heading.text));
    expect(parts.map((p) => Number(attrOf(p, 'data-line')))).toEqual(doc.items[2].sections.map((s) => s.heading.range.start.line));
    // Each non-empty body line's words are on the page (tab tables lose their tabs, lists their bullets).
    const pageText = textOf(item3).replace(/\s+/g, ' ');
    const lines = text.split(/\r?\n/).slice(doc.items[2].range.start.line + 1, doc.items[2].range.end.line + 1);
    for (const line of lines) {
      const words = line
        .replace(/^\s*(?:[-•]|\d+\.)\s+/, '')
        .replace(/\t/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (words) expect(pageText.replace(/ /g, '')).toContain(words.replace(/ /g, ''));
    }
    // Sub-headings, lists, the quoted proposal and tab tables.
    expect(select(item3, (e) => e.tagName === 'h4').length).toBe(doc.items[2].sections.flatMap((s) => s.subheadings).length);
    expect(select(item3, (e) => e.tagName === 'blockquote').map(textOf)[0]).toMatch(/^"I Enhedslisten er vi bekymrede/);
    expect(select(item3, (e) => e.tagName === 'table' && hasClass(e, 'text-table')).length).toBeGreaterThan(0);
    expect(select(item3, (e) => e.tagName === 'ul').length).toBeGreaterThan(0);
  });

  it('categories of the 001 style stand before their items; access markers and category badges', () => {
    const { doc, text } = seed('001');
    const root = parseHtml(standalone(doc, text));
    expect(select(root, (e) => hasClass(e, 'category') && e.tagName === 'h2').map(textOf)).toEqual(doc.categories.map((c) => `${c.letter}. ${c.title}`));
    const first = select(root, (e) => attrOf(e, 'id') === 'punkt-1')[0];
    expect(textOf(select(first, (e) => hasClass(e, 'access'))[0])).toBe('Åbent');
    expect(textOf(select(first, (e) => hasClass(e, 'case-number'))[0])).toBe('00.00.00-G01-4336-15');
  });
});

describe('findings', () => {
  const finding = (line: number, severity: Finding['severity'], en: string, da: string, ruleId = 'test-rule'): Finding => ({
    ruleId,
    severity,
    range: { start: { line, character: 0 }, end: { line, character: 5 } },
    message: { en, da },
  });

  it('a marker after the block that holds the line, in the chosen language, and a summary in the header card', () => {
    const { doc, text } = seed('002');
    const voteLine = doc.items[2].votes[0].line;
    const findings = [
      finding(voteLine, 'error', 'Tally does not add up', 'Stemmetallet passer ikke'),
      finding(doc.items[0].heading.range.start.line, 'warning', 'First', 'Første'),
    ];
    for (const [locale, words] of [
      ['da', 'Stemmetallet passer ikke'],
      ['en', 'Tally does not add up'],
    ] as const) {
      const root = parseHtml(renderHtml(doc, text, { locale, standalone: true, findings }));
      const markers = select(root, (e) => hasClass(e, 'finding'));
      expect(markers).toHaveLength(2);
      const error = markers.find((m) => hasClass(m, 'sev-error'))!;
      expect(textOf(error)).toContain(words);
      expect(attrOf(error, 'data-line')).toBe(String(voteLine));
      // Inside punkt 3, right after the paragraph of the vote sentence.
      const item3 = select(root, (e) => attrOf(e, 'id') === 'punkt-3')[0];
      expect(select(item3, (e) => e === error)).toHaveLength(1);
      const all = elements(item3);
      const before = all[all.indexOf(error) - 1];
      const paragraph = all.filter((e) => e.tagName === 'p' && Number(attrOf(e, 'data-line')) === voteLine)[0];
      expect(paragraph).toBeDefined();
      expect(elements(paragraph).includes(before) || before === paragraph).toBe(true);
      const summary = select(root, (e) => hasClass(e, 'problems'))[0];
      expect(textOf(summary)).toMatch(locale === 'da' ? /1 fejl, 1 advarsler/ : /1 errors, 1 warnings/);
      expect(select(summary, (e) => e.tagName === 'a').map((a) => attrOf(a, 'href'))).toEqual(['#finding-1', '#finding-2']);
    }
  });

  it('no findings given: no summary; an empty list: "no problems"', () => {
    const { doc, text } = seed('004');
    expect(standalone(doc, text).includes('class="problems"')).toBe(false);
    expect(standalone(doc, text, { findings: [] }).includes('Ingen problemer fundet')).toBe(true);
  });
});

describe('no document text becomes markup', () => {
  const url = 'http://127.0.0.1:9/payload';
  const text = injectionReferat(url);
  const doc = readReferat(text);

  it('the injection referat is read with the payloads in title, place, attendees, TOC, item titles and quote', () => {
    expect(doc.meeting.title).toContain('<script>');
    expect(doc.meeting.place).toContain('onerror');
    expect(doc.meeting.attendees.some((a) => a.name.includes('<iframe'))).toBe(true);
    expect(doc.toc?.entries.map((e) => e.title).join(' ')).toContain('javascript:');
    expect(doc.items.map((i) => i.title).join(' ')).toContain('<svg onload');
    expect(doc.items[1].proposals[0].text).toContain('<object');
    expect(doc.items[1].votes).toHaveLength(1);
  });

  for (const mode of ['standalone', 'webview'] as const) {
    it(`${mode}: every payload is text, nothing runs, loads or links anywhere but #anchors and https`, () => {
      const findings: Finding[] = [
        {
          ruleId: '"><script>alert(1)</script>',
          severity: 'warning',
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } },
          message: { en: payloads(url).join(' '), da: payloads(url).join(' ') },
        },
      ];
      const html = renderHtml(doc, text, {
        locale: 'da',
        standalone: mode === 'standalone',
        findings,
        nonce: mode === 'webview' ? 'n0nce' : undefined,
        cspSource: mode === 'webview' ? 'https://*.vscode-cdn.net' : undefined,
        script: mode === 'webview' ? 'void 0;' : undefined,
        title: payloads(url)[0],
      });
      const root = parseHtml(html);
      expect(unsafeParts(root, { script: mode === 'webview' })).toEqual([]);
      const scripts = select(root, (e) => e.tagName === 'script');
      expect(scripts.map(textOf)).toEqual(mode === 'webview' ? ['void 0;'] : []);
      // The payloads are on the page as the text they are.
      const body = textOf(select(root, (e) => e.tagName === 'body')[0]);
      for (const p of payloads(url)) expect(body).toContain(p);
      for (const l of linkPayloads(url)) expect(body).toContain(l);
      expect(textOf(select(root, (e) => e.tagName === 'title')[0])).toBe(payloads(url)[0]);
      expect(textOf(select(root, (e) => e.tagName === 'h1')[0])).toContain(payloads(url)[0]);
      expect(
        select(root, (e) => hasClass(e, 'toc-title'))
          .map(textOf)
          .join(' '),
      ).toContain('<a href="javascript:');
      expect(
        select(root, (e) => hasClass(e, 'attendee'))
          .map(textOf)
          .join(' '),
      ).toContain('<iframe src=');
      expect(
        select(root, (e) => e.tagName === 'blockquote')
          .map(textOf)
          .join(' '),
      ).toContain('<object data=');
      expect(body).toContain('&lt;script&gt;'); // written escaped, shown as written
      // Only the https URLs of the text are links, and they open outside with rel=noopener.
      const external = select(root, (e) => e.tagName === 'a' && !(attrOf(e, 'href') ?? '').startsWith('#'));
      expect(external.map((a) => attrOf(a, 'href'))).toEqual(['https://example.org/sti?a=1&b=', 'https://example.org/referat?x=1&y=2', 'https://example.org/sti?a=1&b=']);
      for (const a of external) expect(attrOf(a, 'rel')).toContain('noopener');
      expect(html.includes(`${PAYLOAD_FLAG}=1;document.title='pwned'</script>`), 'the script payload unescaped').toBe(false);
      // The CSP: nothing but the page's own style (and script).
      const csp = select(root, (e) => e.tagName === 'meta' && attrOf(e, 'http-equiv') === 'Content-Security-Policy')[0];
      expect(attrOf(csp, 'content')).toMatch(/^default-src 'none'; style-src /);
      expect(attrOf(csp, 'content')).toContain(mode === 'webview' ? "script-src 'nonce-n0nce'" : "script-src 'none'");
    });
  }

  it('every string of a real model replaced by a payload (names, parties, committees, notes, quotes) is still only text', () => {
    const { doc: real, text: realText } = seed('002');
    const mutated = structuredClone(real) as ReferatDocument;
    const evil = `"><img src=x onerror=alert(1)><script>${PAYLOAD_FLAG}=1</script>'`;
    const enumKeys = new Set(['kind', 'scheme', 'style', 'outcome', 'side', 'scope', 'caseType']);
    let replaced = 0;
    const walk = (value: unknown) => {
      if (!value || typeof value !== 'object') return;
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && !enumKeys.has(key)) {
          (value as Record<string, unknown>)[key] = `${v}${evil}`;
          replaced++;
        } else walk(v);
      }
    };
    walk(mutated);
    // Give the vote table names and party letters too.
    const vote = mutated.items[2].votes[0];
    vote.for[0].party = evil;
    mutated.meeting.attendees = [{ name: evil, absent: true, range: vote.range, party: evil, role: null, note: evil }];
    expect(replaced).toBeGreaterThan(300);
    const lines = realText.split('\n').map((l) => (l.trim() ? `${l} ${evil}` : l));
    const html = renderHtml(mutated, lines.join('\n'), { locale: 'en', standalone: true });
    const root = parseHtml(html);
    expect(unsafeParts(root)).toEqual([]);
    expect(select(root, (e) => e.tagName === 'script')).toEqual([]);
    const table = select(root, (e) => e.tagName === 'table' && hasClass(e, 'vote'))[0];
    expect(textOf(table)).toContain(evil);
    expect(select(root, (e) => e.tagName === 'section')).toHaveLength(real.items.length);
  });

  it('esc escapes & < > " \' and inline() links only https URLs', () => {
    expect(esc(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'command:x',
      'http://example.org',
      'https:alert(1)',
      ' https://x.org',
    ]) {
      expect(safeHttpsUrl(bad), bad).toBeNull();
    }
    expect(safeHttpsUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(inline('Se https://example.org/x. Og **fed** <b>ikke</b>')).toBe(
      'Se <a class="external" href="https://example.org/x" rel="noopener noreferrer" target="_blank">https://example.org/x</a>. Og <strong>fed</strong> &lt;b&gt;ikke&lt;/b&gt;',
    );
    expect(inline('"https://evil.org/"onmouseover="alert(1)"')).toBe(
      '&quot;<a class="external" href="https://evil.org/" rel="noopener noreferrer" target="_blank">https://evil.org/</a>&quot;onmouseover=&quot;alert(1)&quot;',
    );
  });
});

describe('style and page', () => {
  const { doc, text } = seed('000');
  const csp = (html: string) => attrOf(select(parseHtml(html), (e) => e.tagName === 'meta' && attrOf(e, 'http-equiv') === 'Content-Security-Policy')[0], 'content');

  it('webview: VS Code theme variables and body classes; the nonce and cspSource in the CSP; renderBody is the root content', () => {
    const html = renderHtml(doc, text, { locale: 'da', standalone: false, nonce: 'N1', cspSource: 'vscode-resource:', script: 'void 0;' });
    expect(html.includes('var(--vscode-editor-foreground)'), 'var(--vscode-editor-foreground)').toBe(true);
    for (const cls of ['body.vscode-light', 'body.vscode-dark', 'body.vscode-high-contrast']) expect(html.includes(cls), cls).toBe(true);
    expect(csp(html)).toBe(
      "default-src 'none'; style-src vscode-resource: 'nonce-N1'; script-src 'nonce-N1'; img-src vscode-resource: https: data:; base-uri 'none'; form-action 'none'",
    );
    expect(html.includes('<style nonce="N1">'), '<style nonce="N1">').toBe(true);
    expect(html.includes('<script nonce="N1">void 0;</script>'), '<script nonce="N1">void 0;</script>').toBe(true);
    const root = `<div id="referat-root">${renderBody(doc, text, { locale: 'da', standalone: false })}</div>`;
    expect(html.includes(root), 'the page holds renderBody() in #referat-root').toBe(true);
  });

  it('standalone: its own palettes, prefers-color-scheme, forced colours, print rules; the style allowed by its hash', () => {
    const html = standalone(doc, text);
    expect(html.includes('--vscode-'), '--vscode-').toBe(false);
    expect(html.includes('@media (prefers-color-scheme: dark)'), '@media (prefers-color-scheme: dark)').toBe(true);
    expect(html.match(/@media print[\s\S]*$/)?.[0]).toMatch(/@media print \{[\s\S]*section\.punkt \{ break-before: page;/);
    expect(html.match(/@media print[\s\S]*$/)?.[0]).toMatch(/@media print \{[\s\S]*\.punkt-head, \.toc, \.meeting \{ position: static !important; \}/);
    expect(csp(html)).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; script-src 'none'; img-src https: data:/);
    // The hash is that of the page's <style>, as a browser computes it.
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1];
    expect(csp(html)).toContain(`'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`);
    expect(standalone(doc, text, { theme: 'dark' }).includes('<html lang="da" class="theme-dark">')).toBe(true);
    expect(standalone(doc, text, { theme: 'high-contrast' }).includes('class="theme-high-contrast"')).toBe(true);
  });
});

describe('the renderer runs in any host', () => {
  const { doc, text } = seed('000');
  const csp = (html: string) => (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
  it("imports no node:* module (VS Code for the Web, a browser); without the host's hash the page gets a fresh nonce", () => {
    const dir = path.resolve(__dirname, '../../server/src/render');
    for (const file of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/from '(node:)?(crypto|fs|path|os|url|util|zlib)'|from 'node:/);
    const pages = [1, 2].map(() => renderHtml(doc, text, { locale: 'da', standalone: true }));
    const nonces = pages.map((html) => /<style nonce="([0-9a-f]{32})">/.exec(html)?.[1]);
    expect(nonces[0]).toBeDefined();
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(csp(pages[0])).toContain(`style-src 'nonce-${nonces[0]}'`);
  });
});
