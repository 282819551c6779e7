// Recognises a referat by its content, so that `.txt` and `.md` exports of any meeting system are
// taken for minutes without being renamed. Shared by the client, the server and the CLI.
import { TITLE_WORDS, sectionKindOf } from './vocabulary';
import { findDate } from './reader/dates';

/** How much of the start of a text is read: the header, and the first punkter of most exports. */
export const DETECTION_CHARS = 12_000;
/** Non-empty lines looked at for the title. */
const TITLE_LINES = 5;

/** Strips markdown decoration (`#`, `**`, `__`) and surrounding white space. */
function bare(line: string): string {
  return line
    .replace(/^\uFEFF/, '')
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/[*_]{2}/g, '')
    .trim();
}

const TITLE = new RegExp(`^(?:${[...TITLE_WORDS].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])[\\s:]*(.*)$`, 'iu');
/** A body that meets: `…udvalget`, `Byråd`, `Kommunalbestyrelsen`, `Magistraten`, `Bestyrelse`. */
const BODY = /(?:udvalg|råd|bestyrelse|magistrat|repræsentation|forsamling)\p{L}*/iu;
/** A punkt's head in any system: `Punkt 3:`, `Pkt. 312`, `3. Title`, `• 211. Title`. */
const PUNKT_HEAD = /^(?:(?:punkt|pkt|dagsordenspunkt)\.?\s+\d{1,4}\b|(?:[•·▪-]\s*)?\d{1,4}\.\s+\p{Lu})/iu;
const MEETING_LABEL = /^(?:mødedato|mødested|mødetidspunkt|mødedeltagere)\b/i;
/** Lines after a punkt's head in which its first section heading is looked for. */
const SECTION_WINDOW = 8;

/**
 * True when the text starts like minutes: a title line (`Referat`, `Dagsorden`,
 * `Beslutningsprotokol`, `Protokol`) naming a body or a date, the stacked title `Referat` / `til` /
 * `mødet i <udvalg>`, or the body's shape: punkt heads followed by section headings (Beslutning,
 * Indstilling, Resume), twice, or once under a meeting label (`Mødedato`). A README, a changelog
 * or a letter has none of these.
 */
export function looksLikeReferat(text: string): boolean {
  const lines = outsideFences(text.slice(0, DETECTION_CHARS).split(/\r\n|\r|\n/)).map(bare);
  const head = lines.filter((l) => l !== '').slice(0, TITLE_LINES);
  if (head.length === 0) return false;
  const title = TITLE.exec(head[0]);
  if (title && (BODY.test(title[1]) || findDate(title[1]) !== null)) return true;
  if (/^referat$/i.test(head[0]) && /^til$/i.test(head[1] ?? '') && /^mødet i\s+\S/i.test(head[2] ?? '')) return true;
  const labelled = lines.some((l) => MEETING_LABEL.test(l));
  let punkter = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!PUNKT_HEAD.test(lines[i])) continue;
    if (lines.slice(i + 1, i + 1 + SECTION_WINDOW).some(isOpeningSection)) punkter++;
    if (punkter >= 2 || (punkter === 1 && labelled)) return true;
  }
  return false;
}

/** The lines, with those of fenced code blocks made empty: a page about minutes quotes them there. */
function outsideFences(lines: string[]): string[] {
  let fenced = false;
  return lines.map((line) => {
    if (/^\s*(?:```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

function isOpeningSection(line: string): boolean {
  if (line.length > 60) return false;
  const kind = sectionKindOf(line);
  return kind === 'beslutning' || kind === 'indstilling' || kind === 'resume';
}
