// User-facing text in Danish and English. Code and rule ids stay English; what people read follows
// their language: the editor's (the server is told it at initialize) or, on the command line, the locale.

export type Locale = 'da' | 'en';

/** `da`, `da-DK`, `da_DK.UTF-8` → da; anything else → en. */
export function localeOf(tag: string | undefined | null): Locale {
  return tag && /^da\b|^da[-_]/i.test(tag) ? 'da' : 'en';
}

/** The locale of a command-line process, from the usual environment variables. */
export function processLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return localeOf(env.REFERAT_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export type Messages = Record<string, { en: string; da: string }>;

/** Fills `{name}` placeholders. */
export function format(template: string, args: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

export function translator<M extends Messages>(messages: M, locale: Locale) {
  return (key: keyof M, args?: Record<string, string | number>): string => format(messages[key][locale], args);
}
