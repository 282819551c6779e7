// Text from the document only ever reaches the page through these functions: every character that
// means something in HTML is escaped, in element content and in attribute values alike, and the only
// links made from document text are https URLs.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '`: safe in element content and in double- or single-quoted attribute values. */
export function esc(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/** ` name="value"`, the value escaped; nothing for null/undefined. */
export function attr(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : ` ${name}="${esc(value)}"`;
}

/** The URL when it is an absolute https URL, else null (never javascript:, data:, command:, file:, ...). */
export function safeHttpsUrl(candidate: string): string | null {
  if (!/^https:\/\//i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

// An https URL as written in running text; trailing punctuation belongs to the sentence.
const URL_IN_TEXT = /https:\/\/[^\s<>"'`\u00a0]+/gi;
const TRAILING = /[.,;:!?)\]}»”’]+$/;

/** `**bold**` inside a line, applied to text that is already escaped (so it adds no markup of the document's). */
function boldMarks(escaped: string): string {
  return escaped.replace(/\*\*(?=\S)([^*]+?)(?<=\S)\*\*/g, '<strong>$1</strong>');
}

/**
 * One line (or part of one) of document text as HTML: escaped, `**bold**` shown bold, https URLs as
 * links that open outside (rel=noopener). Nothing else in the text becomes markup.
 */
export function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const written = m[0].replace(TRAILING, '');
    const at = m.index ?? 0;
    const href = safeHttpsUrl(written);
    if (!href) continue;
    out += boldMarks(esc(text.slice(last, at)));
    out += `<a class="external"${attr('href', href)} rel="noopener noreferrer" target="_blank">${esc(written)}</a>`;
    last = at + written.length;
  }
  return out + boldMarks(esc(text.slice(last)));
}
