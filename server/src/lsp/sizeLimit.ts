// `referat.validate.maxSize`: a referat over it is outlined (symbols, folding, navigation) but not
// checked: no rule runs, and one information diagnostic at its start says why. Its semantic
// tokens are left out too; the grammar still colours it.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../i18n';
import { LineDocument } from './lineDocument';
import { lineText } from './ranges';

export const TOO_LARGE_CODE = 'too-large';
export const MAX_SIZE_SETTING = 'referat.validate.maxSize';
/** The setting is in MB of 1024 × 1024 bytes (as VS Code's own large-file settings). */
const BYTES_PER_MB = 1024 * 1024;

/** The text's size in UTF-8 bytes when it is over `maxMb`, else undefined. Counts the bytes only when the length leaves it open. */
export function sizeOverLimit(text: string, maxMb: number): number | undefined {
  const limit = maxMb * BYTES_PER_MB;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}

/** `sizeOverLimit` of an open document: its text is joined only when its length leaves the size open. */
export function documentOverLimit(document: TextDocument, maxMb: number): number | undefined {
  if (document instanceof LineDocument && document.textLength * 3 <= maxMb * BYTES_PER_MB) return undefined;
  return sizeOverLimit(document.getText(), maxMb);
}

/** `23.4`, with as many decimals as it takes to show more than the limit; a decimal comma in Danish. */
export function megabytes(bytes: number, maxMb: number, locale: Locale): string {
  const mb = bytes / BYTES_PER_MB;
  let digits = 1;
  while (digits < 6 && Number(mb.toFixed(digits)) <= maxMb) digits++;
  return decimal(mb.toFixed(digits), locale);
}

const decimal = (number: string, locale: Locale) => (locale === 'da' ? number.replace('.', ',') : number);

export function tooLargeMessage(bytes: number, maxMb: number, locale: Locale): string {
  const size = megabytes(bytes, maxMb, locale);
  const limit = decimal(String(maxMb), locale);
  return locale === 'da'
    ? `Referatet fylder ${size} MB, over grænsen på ${limit} MB (indstillingen ${MAX_SIZE_SETTING}): det vises i dispositionen, men tjekkes ikke.`
    : `This referat is ${size} MB, over the ${limit} MB limit (setting ${MAX_SIZE_SETTING}): it is outlined but not checked.`;
}

/** The one diagnostic of a referat over the limit, on its first line. */
export function tooLargeDiagnostic(document: TextDocument, bytes: number, maxMb: number, locale: Locale, source: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: lineText(document, 0).length } },
    severity: DiagnosticSeverity.Information,
    source,
    code: TOO_LARGE_CODE,
    message: tooLargeMessage(bytes, maxMb, locale),
  };
}
