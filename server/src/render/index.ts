// The referat as an HTML page: a pure function of the document model, its text and the findings.
// Used by `referat render` (a standalone page) and by the VS Code preview (a webview, which posts
// renderBody() on every change). Every piece of document text is escaped (escape.ts); the only
// links are #anchors of this page and https URLs written in the text. Every element that stands
// for a source line carries `data-line` (0-based) for scroll sync.
import type { Locale } from '../i18n';
import type { Punkt, ReferatDocument, Section, Vote, VoteSide } from '../model';
import { SECTION_KINDS } from '../model';
import { type Line, readLines } from '../reader/lines';
import type { Finding, Severity } from '../rules/types';
import { PARTIES } from '../vocabulary';
import { renderBlocks } from './blocks';
import { css } from './css';
import { attr, esc } from './escape';
import { type Labels, formatDate, labels } from './labels';
import { tocRows } from './toc';
import { Membership } from '../config/membership';
import type { ReferatConfig } from '../config/types';
import { countText } from '../votes';
import { tallyVote } from './votes';

export { tallyVote, type VoteTally } from './votes';
export { tocRows, titlesMatch } from './toc';
export { esc, inline, safeHttpsUrl } from './escape';

export type Theme = 'auto' | 'light' | 'dark' | 'high-contrast';

export interface RenderOptions {
  findings?: readonly Finding[];
  locale: Locale;
  /** Nonce of the page's <style> and <script>. */
  nonce?: string;
  /**
   * The host's SHA-256 (base64): without a nonce, the standalone page allows its style by its hash, so
   * that the same referat gives the same page (node:crypto in the CLI). Without either, a nonce is made.
   */
  sha256?: (text: string) => string;
  /** The webview's resource origin (webview.cspSource). */
  cspSource?: string;
  /** True: a page of its own with its own colours (CLI); false: a VS Code webview (theme variables, script). */
  standalone: boolean;
  /** Standalone only: the palette; `auto` (default) follows prefers-color-scheme. */
  theme?: Theme;
  /** Webview only: the script to run in the page (gets the nonce). */
  script?: string;
  /** The page title; default the meeting's title. */
  title?: string;
  /** The referat.config.json that applies (its committees count the votes, as the rules do). */
  config?: ReferatConfig;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const ICONS: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const SIDES: readonly (VoteSide | 'absent')[] = ['for', 'against', 'abstain', 'absent'];
const dataLine = (line: number | null | undefined) => attr('data-line', line ?? null);

/** HTML anchored to a source line (a vote table, a finding), emitted after the block that holds the line. */
interface Anchored {
  line: number;
  order: number;
  html: string;
}

class Renderer {
  private readonly l: Labels;
  private readonly lines: Line[];
  private readonly anchored: Anchored[] = [];
  private next = 0;
  private readonly findings: Finding[];
  /** Ids of the items, in order (`punkt-3`, or `punkt-3-2` for a second item numbered 3). */
  private readonly ids = new Map<Punkt, string>();
  private readonly membership: Membership;

  constructor(
    private readonly doc: ReferatDocument,
    text: string,
    private readonly options: RenderOptions,
  ) {
    this.l = labels(options.locale);
    this.lines = readLines(text);
    this.membership = new Membership(doc, options.config ?? {});
    this.findings = [...(options.findings ?? [])].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
    const used = new Map<number, number>();
    for (const item of doc.items) {
      const n = (used.get(item.number) ?? 0) + 1;
      used.set(item.number, n);
      this.ids.set(item, n === 1 ? `punkt-${item.number}` : `punkt-${item.number}-${n}`);
    }
  }

  body(): string {
    const { t } = this.l;
    this.findings.forEach((f, i) => {
      this.anchor(f.range.start.line, 1, this.finding(f, i + 1));
    });
    for (const item of this.doc.items) {
      for (const v of item.votes) this.anchor(v.range.end.line, 0, this.vote(item, v));
    }
    this.anchored.sort((a, b) => a.line - b.line || a.order - b.order);

    let out = `<a class="skip" href="#punkter">${esc(t('skip'))}</a>`;
    out += this.header();
    out += this.toc();
    out += `<main id="punkter">`;
    const categories = [...this.doc.categories];
    for (const item of this.doc.items) {
      while (categories.length && categories[0].range.start.line < item.range.start.line) {
        const c = categories.shift()!;
        out += this.flush(c.range.start.line - 1);
        out += `<h2 class="category"${dataLine(c.range.start.line)}>${esc(`${c.letter}. ${c.title}`)}</h2>`;
      }
      out += this.punkt(item);
    }
    if (!this.doc.items.length) out += `<p class="empty">${esc(t('noItems'))}</p>`;
    out += this.flush(Infinity);
    return out + `</main>`;
  }

  private anchor(line: number, order: number, html: string) {
    this.anchored.push({ line, order, html });
  }

  /** Everything anchored on lines up to `line`, not yet emitted. */
  private flush(line: number): string {
    let out = '';
    while (this.next < this.anchored.length && this.anchored[this.next].line <= line) out += this.anchored[this.next++].html;
    return out;
  }

  private header(): string {
    const { t } = this.l;
    const m = this.doc.meeting;
    const facts: string[] = [];
    const fact = (label: string, value: string, line?: number | null) => facts.push(`<div class="fact"${dataLine(line)}><dt>${esc(label)}</dt><dd>${value}</dd></div>`);
    if (m.committee) fact(t('committee'), esc(m.committee), m.committeeRange?.start.line);
    if (m.period) fact(t('period'), esc(m.period), m.titleRange?.start.line);
    const date = formatDate(m.date, this.options.locale) ?? m.meetingDate?.text ?? m.titleDate?.text ?? null;
    if (date) {
      const time = m.time ? ` ${t('atTime', { time: m.time })}` : '';
      fact(t('date'), esc(date + time), (m.meetingDate ?? m.titleDate)?.range.start.line);
    }
    if (m.place) fact(t('place'), esc(m.place), m.placeRange?.start.line);
    if (m.attendees.length) {
      const people = m.attendees.map((a) => {
        const mark = a.absent ? ` <span class="absent-mark">(${esc(a.note ?? t('absentMark'))})</span>` : '';
        return `<li class="attendee${a.absent ? ' absent' : ''}"${dataLine(a.range.start.line)}>${esc(a.name)}${this.party(a.party)}${mark}</li>`;
      });
      fact(t('attendees'), `<ul class="attendees">${people.join('')}</ul>`, m.attendees[0].range.start.line);
    }
    if (m.adjourned) fact(t('adjourned'), esc(t('atTime', { time: m.adjourned })), m.adjournedRange?.start.line);
    const title = m.title ?? t('untitled');
    let out = `<header class="meeting card"${dataLine(m.range.start.line)}>`;
    out += `<h1${dataLine(m.titleRange?.start.line)}>${esc(title)}</h1>`;
    if (facts.length) out += `<dl class="facts">${facts.join('')}</dl>`;
    out += this.problemSummary();
    out += this.flush(m.range.end.line);
    return out + `</header>`;
  }

  private problemSummary(): string {
    const { t } = this.l;
    if (!this.options.findings) return '';
    if (!this.findings.length) return `<p class="problems">${esc(t('noProblems'))}</p>`;
    const n = (s: Severity) => this.findings.filter((f) => f.severity === s).length;
    const summary = `${t('problems')}: ${t('problemCount', { errors: n('error'), warnings: n('warning'), infos: n('info') })}`;
    const rows = this.findings.map(
      (f, i) => `<li class="sev-${f.severity}"><a href="#finding-${i + 1}">${esc(t('line', { line: f.range.start.line + 1 }))}</a>: ${esc(f.message[this.options.locale])}</li>`,
    );
    return `<details class="problems"><summary>${esc(summary)}</summary><ol>${rows.join('')}</ol></details>`;
  }

  private toc(): string {
    const { t } = this.l;
    const toc = this.doc.toc;
    if (!toc && !this.doc.items.length) return '';
    const rows = tocRows(this.doc);
    const headingFindings = toc?.heading ? this.flush(toc.heading.range.end.line) : '';
    const categoryTitle = (letter: string) => this.doc.categories.find((c) => c.letter === letter)?.title;
    let group: string | null = null;
    const entries = rows.map((row) => {
      let prefix = '';
      const category = row.entry?.category ?? null;
      if (category && category !== group) {
        group = category;
        const title = categoryTitle(category);
        prefix = `<li class="toc-group">${esc(title ? `${category}. ${title}` : category)}</li>`;
      }
      const title = row.entry?.title ?? row.item!.title;
      const number = row.item?.number ?? row.entry?.number ?? null;
      const page = row.entry?.page != null ? `<span class="toc-page">${esc(t('page', { page: row.entry.page }))}</span>` : '';
      let cls = '';
      let note = '';
      if (row.entry && !row.item) {
        cls = ' orphan';
        note = t('tocNoItem');
      } else if (toc && !row.entry) {
        cls = ' missing';
        note = t('tocMissing');
      } else if (!row.matches) {
        cls = ' mismatch';
        note = t('tocMismatch', { title: row.item!.title });
      }
      const label = `<span class="toc-number">${esc(number ?? '')}</span> <span class="toc-title">${esc(title)}</span>`;
      const link = row.item ? `<a href="#${this.ids.get(row.item)}">${label}</a>` : `<span class="toc-text">${label}</span>`;
      const noteHtml = note ? `<span class="toc-note">${esc(note)}</span>` : '';
      const line = row.entry?.range.start.line ?? null;
      const found = row.entry ? this.flush(row.entry.range.end.line) : '';
      return (
        `${prefix}<li class="toc-entry${cls}"${dataLine(line)}${attr('title', note || null)}><span class="toc-body">${link}${noteHtml}</span>${page}</li>` +
        (found ? `<li class="toc-findings">${found}</li>` : '')
      );
    });
    const heading = toc ? (toc.heading?.text ?? t('toc')) : t('tocGenerated');
    let out = `<nav class="toc card"${dataLine(toc?.range.start.line)} aria-labelledby="toc-title">`;
    out += `<h2 id="toc-title"${dataLine(toc?.heading?.range.start.line)}>${esc(heading)}</h2>`;
    out += `${headingFindings}<ol class="toc-list">${entries.join('')}</ol>`;
    if (toc) out += this.flush(toc.range.end.line);
    return out + `</nav>`;
  }

  private party(letter: string | null): string {
    if (!letter) return '';
    return `<span class="party"${attr('title', PARTIES[letter] ?? null)}>${esc(letter)}</span>`;
  }

  private punkt(item: Punkt): string {
    const { t } = this.l;
    const id = this.ids.get(item)!;
    const head = item.heading.range.start.line;
    let title = item.title;
    let badge = '';
    if (item.caseTypeRange) {
      const prefix = /^([A-E])-sag\s*:\s*/i.exec(title);
      if (prefix) {
        title = title.slice(prefix[0].length);
        badge = `<span class="badge case-type"${attr('title', t('caseType', { letter: prefix[1].toUpperCase() }))}>${esc(prefix[0].replace(/\s*:\s*$/, ''))}</span>`;
      }
    } else if (item.category) {
      badge = `<span class="badge case-type">${esc(t('category', { letter: item.category }))}</span>`;
    }
    const meta: string[] = [];
    if (item.caseNumber) {
      meta.push(`<span class="case-number"${dataLine(item.caseNumber.range.start.line)}${attr('title', t('caseNumber'))}>${esc(item.caseNumber.text)}</span>`);
    }
    if (item.access) meta.push(`<span class="badge access"${dataLine(item.accessRange?.start.line)}>${esc(item.access)}</span>`);

    let out = `<section class="punkt"${attr('id', id)}${dataLine(head)}${attr('data-number', item.number)} aria-labelledby="${id}-title">`;
    out += `<header class="punkt-head"${dataLine(head)}>`;
    out += `<div class="punkt-line"><span class="punkt-number">${esc(t('punkt', { n: item.number }))}</span>${badge}`;
    out += `<h2 class="punkt-title" id="${id}-title">${esc(title)}</h2></div>`;
    if (meta.length) out += `<div class="punkt-meta">${meta.join('')}</div>`;
    out += `</header>`;

    // Lines between the heading and the first section that are not the preamble (category, access, case number).
    const firstSection = item.sections[0]?.range.start.line ?? item.range.end.line + 1;
    const preamble = new Set<number>([head]);
    if (item.caseNumber) preamble.add(item.caseNumber.range.start.line);
    if (item.accessRange) preamble.add(item.accessRange.start.line);
    const ctx = this.blockContext(item);
    out += this.flush(Math.max(...preamble));
    const skip = (i: number) => preamble.has(i) || (item.category !== null && /^[A-H]\.\s/.test(this.lines[i].text));
    for (let i = head + 1; i < firstSection; i++) {
      if (skip(i)) continue;
      let j = i;
      while (j + 1 < firstSection && !skip(j + 1)) j++;
      out += renderBlocks(ctx, i, j);
      i = j;
    }
    for (const section of item.sections) out += this.section(section, ctx);
    out += this.flush(item.range.end.line);
    return out + `</section>`;
  }

  private blockContext(item: Punkt) {
    const subheadings = new Set<number>();
    for (const s of item.sections) for (const h of s.subheadings) subheadings.add(h.range.start.line);
    const quotes = new Set<number>();
    for (const p of item.proposals) {
      if (p.textRange) for (let i = p.textRange.start.line; i <= p.textRange.end.line; i++) quotes.add(i);
    }
    return { lines: this.lines, subheadings, quotes, flush: (line: number) => this.flush(line) };
  }

  private section(section: Section, ctx: ReturnType<Renderer['blockContext']>): string {
    const line = section.heading.range.start.line;
    const kind = SECTION_KINDS.includes(section.kind) ? section.kind : 'other';
    let out = `<div class="part kind-${kind}"${dataLine(line)}>`;
    out += `<h3 class="part-title"${dataLine(line)}${attr('title', this.l.kind(kind))}>${esc(section.heading.text)}</h3>`;
    out += this.flush(line);
    out += renderBlocks(ctx, line + 1, section.range.end.line);
    return out + `</div>`;
  }

  private vote(item: Punkt, vote: Vote): string {
    const { t } = this.l;
    const tally = tallyVote(this.doc, item, vote, this.membership);
    const outcome = vote.outcome ?? 'none';
    let caption = vote.subject ? t('voteOn', { subject: vote.subject }) : t('vote');
    if (vote.committee) caption += ` ${t('voteCommittee', { committee: vote.committee })}`;
    const counts: Record<string, string> = { for: countText(tally.for), against: countText(tally.against), abstain: countText(tally.abstain), absent: String(tally.absent) };
    const head = SIDES.map((side) => {
      const parties = side !== 'absent' && tally.parties[side].length ? `<span class="parties">${tally.parties[side].map((p) => this.party(p)).join('')}</span>` : '';
      return `<th scope="col" class="side-${side}">${esc(t(side))} <span class="count">${counts[side]}</span>${parties}</th>`;
    }).join('');
    const columns = SIDES.map((side) =>
      side === 'absent'
        ? tally.absentMembers.map((a) => `<td class="side-absent"${dataLine(a.line)}>${esc(a.name)}${this.party(a.party)}</td>`)
        : tally.names[side].map((n) => `<td class="side-${side}"${dataLine(n.range.start.line)}>${esc(n.name)}${this.party(n.party)}</td>`),
    );
    const depth = Math.max(0, ...columns.map((c) => c.length));
    let rows = '';
    for (let r = 0; r < depth; r++) rows += `<tr>${columns.map((c, i) => c[r] ?? `<td class="side-${SIDES[i]}"></td>`).join('')}</tr>`;
    const proposers = vote.proposal?.proposers.length
      ? ` <span class="proposers">${esc(t('proposedBy', { names: vote.proposal.proposers.map((p) => p.name).join(', ') }))}</span>`
      : '';
    return (
      `<table class="vote"${dataLine(vote.line)}${attr('data-for', counts.for)}${attr('data-against', counts.against)}${attr('data-abstain', counts.abstain)}` +
      `${attr('data-absent', tally.absent)}${attr('data-outcome', outcome)}>` +
      `<caption>${esc(caption)} <span class="badge outcome outcome-${outcome}">${esc(this.l.outcome(vote.outcome))}</span>${proposers}</caption>` +
      `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
    );
  }

  private finding(f: Finding, n: number): string {
    const { t } = this.l;
    return (
      `<div class="finding sev-${f.severity}" id="finding-${n}"${dataLine(f.range.start.line)} role="note">` +
      `<span class="finding-icon" aria-hidden="true">${ICONS[f.severity]}</span>` +
      `<span class="finding-message"><span class="sev-label">${esc(t(f.severity))}:</span> ${esc(f.message[this.options.locale])}</span>` +
      `<code class="finding-rule">${esc(f.ruleId)}</code><span class="finding-line">${esc(t('line', { line: f.range.start.line + 1 }))}</span></div>`
    );
  }
}

/** The inner HTML of the page's root element: what the preview replaces on every change. */
export function renderBody(doc: ReferatDocument, text: string, options: RenderOptions): string {
  return new Renderer(doc, text, options).body();
}

/** The Content-Security-Policy of the page: nothing but its own style (and, in the webview, its script). */
export function contentSecurityPolicy(options: Pick<RenderOptions, 'nonce' | 'cspSource' | 'standalone' | 'sha256'>, style: string): string {
  const source = options.cspSource ? `${options.cspSource} ` : '';
  const styleSrc = options.nonce ? `'nonce-${options.nonce}'` : `'sha256-${options.sha256!(style)}'`;
  // The standalone page has no script.
  const scriptSrc = options.nonce && !options.standalone ? `'nonce-${options.nonce}'` : `'none'`;
  return `default-src 'none'; style-src ${source}${styleSrc}; script-src ${scriptSrc}; img-src ${source}https: data:; base-uri 'none'; form-action 'none'`;
}

/** The whole page. */
export function renderHtml(doc: ReferatDocument, text: string, given: RenderOptions): string {
  // Web Crypto is a global in every host (Node, browsers, VS Code for the Web): no node: import.
  const options =
    given.nonce || given.sha256 ? given : { ...given, nonce: [...globalThis.crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('') };
  const style = css(options.standalone);
  const nonce = options.nonce ? attr('nonce', options.nonce) : '';
  const theme = options.standalone && options.theme && options.theme !== 'auto' ? ` class="theme-${options.theme}"` : '';
  const title = options.title ?? doc.meeting.title ?? labels(options.locale).t('documentTitle');
  const script = !options.standalone && options.script && options.nonce ? `<script${nonce}>${options.script}</script>` : '';
  return (
    `<!DOCTYPE html>\n<html lang="${options.locale}"${theme}><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy"${attr('content', contentSecurityPolicy(options, style))}>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style${nonce}>${style}</style></head>` +
    `<body class="referat ${options.standalone ? 'standalone' : 'webview'}"><div id="referat-root">${renderBody(doc, text, options)}</div>${script}</body></html>\n`
  );
}
