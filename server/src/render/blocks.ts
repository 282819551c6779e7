// The body text of a section as HTML blocks: paragraphs, lists, tab tables, sub-headings and
// quotes, each carrying the 0-based line it starts on (`data-line`) for scroll sync.
import type { Line } from '../reader/lines';
import { attr, inline } from './escape';

export interface BlockContext {
  lines: readonly Line[];
  /** Lines the reader took as sub-headings. */
  subheadings: ReadonlySet<number>;
  /** Lines inside a quoted proposal text. */
  quotes: ReadonlySet<number>;
  /** Called after each block with the block's last line: returns what is anchored up to it (vote tables, findings). */
  flush(upToLine: number): string;
}

const BULLET = /^([-•*–·▪●◦])\s+/;
const NUMBERED = /^(\d{1,3})[.)]\s+/;

type Kind = 'blank' | 'heading' | 'bullet' | 'numbered' | 'table' | 'text';

function kindOf(ctx: BlockContext, i: number): Kind {
  const line = ctx.lines[i];
  if (line.blank) return 'blank';
  if (ctx.subheadings.has(i) || line.level !== null) return 'heading';
  if (BULLET.test(line.text)) return 'bullet';
  if (NUMBERED.test(line.text)) return 'numbered';
  if (line.raw.includes('\t')) return 'table';
  return 'text';
}

const dataLine = (i: number) => attr('data-line', i);

/** The words of a line: bold all over when the export wrapped the whole line in `**`. */
function lineHtml(line: Line, text = line.text): string {
  const html = inline(text);
  return line.bold ? `<strong>${html}</strong>` : html;
}

/** Renders lines [from, to] (inclusive). */
export function renderBlocks(ctx: BlockContext, from: number, to: number): string {
  let out = '';
  let i = from;
  while (i <= to) {
    const kind = kindOf(ctx, i);
    if (kind === 'blank') {
      i++;
      continue;
    }
    let j = i;
    if (kind === 'heading') {
      out += `<h4 class="subheading"${dataLine(i)}>${inline(ctx.lines[i].text)}</h4>`;
    } else if (kind === 'bullet' || kind === 'numbered') {
      const pattern = kind === 'bullet' ? BULLET : NUMBERED;
      while (j + 1 <= to && kindOf(ctx, j + 1) === kind) j++;
      const items: string[] = [];
      let first: number | null = null;
      for (let k = i; k <= j; k++) {
        const line = ctx.lines[k];
        const m = pattern.exec(line.text)!;
        const value = kind === 'numbered' ? Number(m[1]) : null;
        first ??= value;
        items.push(`<li${dataLine(k)}${attr('value', value)}>${lineHtml(line, line.text.slice(m[0].length))}</li>`);
      }
      out += kind === 'bullet' ? `<ul${dataLine(i)}>${items.join('')}</ul>` : `<ol${dataLine(i)}${attr('start', first)}>${items.join('')}</ol>`;
    } else if (kind === 'table') {
      while (j + 1 <= to && kindOf(ctx, j + 1) === 'table') j++;
      const rows: string[] = [];
      for (let k = i; k <= j; k++) {
        const cells = ctx.lines[k].raw
          .trim()
          .split('\t')
          .map((c) => `<td>${inline(c.trim())}</td>`);
        rows.push(`<tr${dataLine(k)}>${cells.join('')}</tr>`);
      }
      out += `<table class="text-table"${dataLine(i)}><tbody>${rows.join('')}</tbody></table>`;
    } else {
      // A paragraph: the text lines up to a blank line or a line of another kind; a quote stays whole.
      const quote = ctx.quotes.has(i);
      while (j + 1 <= to && kindOf(ctx, j + 1) === 'text' && ctx.quotes.has(j + 1) === quote) j++;
      const parts: string[] = [];
      for (let k = i; k <= j; k++) parts.push(j === i ? lineHtml(ctx.lines[k]) : `<span${dataLine(k)}>${lineHtml(ctx.lines[k])}</span>`);
      const body = parts.join('<br>');
      out += quote ? `<blockquote${dataLine(i)}><p>${body}</p></blockquote>` : `<p${dataLine(i)}>${body}</p>`;
    }
    out += ctx.flush(j);
    i = j + 1;
  }
  return out;
}
