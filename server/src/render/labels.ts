// The words of the rendered page, in Danish and English.
import { type Locale, translator } from '../i18n';
import type { Outcome, SectionKind } from '../model';

const messages = {
  documentTitle: { en: 'Referat', da: 'Referat' },
  untitled: { en: '(no title)', da: '(ingen titel)' },
  meeting: { en: 'Meeting', da: 'Møde' },
  committee: { en: 'Committee', da: 'Udvalg' },
  period: { en: 'Election period', da: 'Valgperiode' },
  date: { en: 'Date', da: 'Mødedato' },
  place: { en: 'Place', da: 'Mødested' },
  attendees: { en: 'Attendees', da: 'Mødedeltagere' },
  absentMark: { en: 'absent', da: 'fraværende' },
  adjourned: { en: 'Meeting closed', da: 'Mødet hævet' },
  atTime: { en: 'at {time}', da: 'kl. {time}' },
  toc: { en: 'Contents', da: 'Indholdsfortegnelse' },
  tocGenerated: { en: 'Agenda items (the document has no table of contents)', da: 'Punkter (dokumentet har ingen indholdsfortegnelse)' },
  tocMismatch: { en: 'Does not match the heading: “{title}”', da: 'Passer ikke med overskriften: “{title}”' },
  tocNoItem: { en: 'No agenda item for this entry', da: 'Intet punkt svarer til denne linje' },
  tocMissing: { en: 'Not in the table of contents', da: 'Ikke i indholdsfortegnelsen' },
  page: { en: 'p. {page}', da: 's. {page}' },
  punkt: { en: 'Item {n}', da: 'Punkt {n}' },
  noItems: { en: 'No agenda items (Punkt N: …) were found.', da: 'Der blev ikke fundet nogen punkter (Punkt N: …).' },
  caseType: { en: '{letter} case', da: '{letter}-sag' },
  category: { en: 'Category {letter}', da: 'Kategori {letter}' },
  caseNumber: { en: 'Case number', da: 'Sagsnummer' },
  vote: { en: 'Vote', da: 'Afstemning' },
  voteOn: { en: 'Vote on “{subject}”', da: 'Afstemning om {subject}' },
  voteCommittee: { en: 'in {committee}', da: 'i {committee}' },
  for: { en: 'For', da: 'For' },
  against: { en: 'Against', da: 'Imod' },
  abstain: { en: 'Abstained', da: 'Undlod' },
  absent: { en: 'Absent', da: 'Fraværende' },
  vedtaget: { en: 'Adopted', da: 'Vedtaget' },
  forkastet: { en: 'Rejected', da: 'Forkastet' },
  noOutcome: { en: 'No outcome stated', da: 'Intet udfald anført' },
  proposedBy: { en: 'Proposed by {names}', da: 'Stillet af {names}' },
  problems: { en: 'Problems', da: 'Problemer' },
  noProblems: { en: 'No problems found', da: 'Ingen problemer fundet' },
  problemCount: { en: '{errors} errors, {warnings} warnings, {infos} notes', da: '{errors} fejl, {warnings} advarsler, {infos} bemærkninger' },
  error: { en: 'Error', da: 'Fejl' },
  warning: { en: 'Warning', da: 'Advarsel' },
  info: { en: 'Note', da: 'Bemærkning' },
  line: { en: 'line {line}', da: 'linje {line}' },
  skip: { en: 'Skip to the agenda items', da: 'Spring til punkterne' },
  // Section kinds, for the class-less reader of the page (screen readers, tooltips).
  'kind-resume': { en: 'Summary', da: 'Resume' },
  'kind-indstilling': { en: 'Recommendation', da: 'Indstilling' },
  'kind-beslutning': { en: 'Decision', da: 'Beslutning' },
  'kind-sagsfremstilling': { en: 'Case presentation', da: 'Sagsfremstilling' },
  'kind-effekt': { en: 'Effect', da: 'Effekt' },
  'kind-okonomi': { en: 'Finances', da: 'Økonomi' },
  'kind-bilag': { en: 'Attachments', da: 'Bilag' },
  'kind-sagens-gang': { en: 'Procedure', da: 'Sagens gang' },
  'kind-sagsforlob': { en: 'Case history', da: 'Sagsforløb' },
  'kind-other': { en: 'Section', da: 'Afsnit' },
} as const;

export type Labels = ReturnType<typeof labels>;

export function labels(locale: Locale) {
  const t = translator(messages, locale);
  return {
    t,
    kind: (k: SectionKind) => t(`kind-${k}` as keyof typeof messages),
    outcome: (o: Outcome | null) => (o ? t(o) : t('noOutcome')),
  };
}

const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const WEEKDAYS = {
  da: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** `2020-06-23` → `tirsdag d. 23. juni 2020` / `Tuesday 23 June 2020`; null when it is not such a date. */
export function formatDate(iso: string | null, locale: Locale): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return null;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return locale === 'da' ? `${WEEKDAYS.da[weekday]} d. ${day}. ${MONTHS.da[month - 1]} ${year}` : `${WEEKDAYS.en[weekday]} ${day} ${MONTHS.en[month - 1]} ${year}`;
}
