// Recognises a referat from its first non-empty lines, so `.txt` and `.md` exports can be
// given the referat language without being renamed. Shared by the client and the server.

/** How many non-empty lines at the top are looked at. */
const LOOKAHEAD = 5;

/** Strips markdown decoration (`#`, `**`, `__`) and surrounding white space. */
function bare(line: string): string {
  return line.replace(/^\s*#{1,6}\s*/, '').replace(/[*_]{2}/g, '').trim();
}

/**
 * True when the text starts like a referat: a title line `REFERAT <udvalg> ...`, or the
 * three-line form `Referat` / `til` / `mødet i <udvalg>`.
 */
export function looksLikeReferat(text: string): boolean {
  const head: string[] = [];
  let from = 0;
  // Only the start of the text is read, whatever its size.
  while (head.length < LOOKAHEAD && from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = bare(text.slice(from, to).replace(/^\uFEFF/, ''));
    if (line) head.push(line);
    from = to + 1;
  }
  if (head.length === 0) return false;
  if (/^REFERAT\b/.test(head[0]) && head[0].length > 'REFERAT'.length) return true;
  return /^referat$/i.test(head[0]) && /^til$/i.test(head[1] ?? '') && /^mødet i\s+\S/i.test(head[2] ?? '');
}
