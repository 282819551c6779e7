// Document text on its way to a terminal: a referat may hold control characters (an export's junk,
// or a planted `ESC ] 0 ;` that retitles the terminal, `ESC [ 2 J` that clears it). They are shown
// as `\x1B`, never sent as they are; tabs and line feeds stay.

/** C0 controls but tab and line feed, DEL, and the C1 controls (which some terminals obey in UTF-8 too). */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\x${hex(c)}`);
}

/**
 * JSON as JSON.stringify writes it, with DEL and the C1 controls escaped too (JSON.stringify escapes
 * only C0): the same value for a JSON reader, nothing a terminal obeys when the output is shown.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007F-\u009F]/g, (c) => `\\u00${hex(c)}`);
}
