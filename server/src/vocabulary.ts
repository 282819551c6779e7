// Every word the reader recognises, in one place. Municipalities use other words for the same
// things; add them here (or, later, in referat.config.json) rather than in the reader's code.
import type { SectionKind } from './model';

/**
 * Section headings by kind. A line is a section heading when its words, without decoration and a
 * trailing colon, are exactly one of these (case- and accent-insensitive).
 */
export const SECTION_HEADINGS: Record<SectionKind, readonly string[]> = {
  resume: ['resume', 'resumé', 'sagsresumé', 'sagsresume', 'sammendrag', 'kort resumé', 'kort sagsbeskrivelse'],
  indstilling: [
    'indstilling',
    'indstillinger',
    'forvaltningen indstiller',
    'forvaltningens indstilling',
    'administrationen indstiller',
    'administrationens indstilling',
    'direktionen indstiller',
    'direktionens indstilling',
    'direktørens indstilling',
    'kommunaldirektørens indstilling',
    'borgmesterens indstilling',
    'indstilling fra direktionen',
    'indstilling fra forslagsstiller',
    'beslutningspunkter',
    'forslag til beslutning',
  ],
  beslutning: ['beslutning', 'beslutninger', 'afgørelse'],
  sagsfremstilling: ['sagsfremstilling', 'sagsbeskrivelse', 'baggrund for sagen', 'forvaltningens bemærkninger', 'sagens kerne'],
  effekt: ['effekt', 'effekter'],
  okonomi: ['økonomi', 'økonomiske konsekvenser', 'økonomi og finansiering', 'bevillingsmæssige konsekvenser'],
  bilag: ['bilag', 'bilagsliste'],
  'sagens-gang': ['sagens gang', 'sagsprocedure', 'videre proces', 'videre forløb'],
  sagsforlob: ['sagens forløb', 'sagsforløb', 'tidligere beslutninger', 'tidligere behandling', 'tidligere politisk behandling'],
  other: [
    // FirstAgenda's heading over Sagsprocedure, Resume, Indstilling and the rest (Greve).
    'fremstilling',
    'initiativretsforslag',
    'status',
    'lovgrundlag',
    'retsgrundlag',
    'høring',
    'kommunikation',
    'tidsplan',
    'problemstilling',
    'løsning',
    'beslutningskompetence',
    'udtalelse',
    'udtalelser',
    'supplerende sagsfremstilling',
    'motivation for forslaget',
    'forvaltningens belysning',
  ],
};

/** The table of contents heading. */
export const TOC_HEADINGS = ['indholdsfortegnelse', 'indhold', 'dagsordenpunkter'];

/** Label words of the meeting header, by field. */
export const HEADER_LABELS = {
  committee: ['udvalg', 'mødeforum', 'forum'],
  date: ['mødedato', 'dato', 'mødetidspunkt', 'tidspunkt', 'mødetid', 'tid'],
  place: ['mødested', 'sted'],
  // Stand-ins are there: `Fraværende: Peter Holm (V)` / `Stedfortræder: Lene Juhl (V)`.
  attendees: ['mødedeltagere', 'deltagere', 'medlemmer', 'til stede', 'tilstede', 'tilstedeværende', 'stedfortræder', 'stedfortrædere', 'suppleant', 'suppleanter'],
  absent: ['fraværende', 'afbud', 'afbud fra', 'ikke til stede', 'fravær', 'forfald', 'ikke mødt'],
} as const;

/**
 * Header labels distinctive enough to be found in the middle of a line, where a PDF export has run
 * the header together (`Mødedato: 12.03.2024 Mødetidspunkt: 16:00 Mødested: Rådhuset`). Other
 * labels (`Sted`, `Dato`) open a field only at the start of a line.
 */
export const RUN_ON_HEADER_LABELS = [
  'mødedato',
  'mødetidspunkt',
  'mødested',
  'mødedeltagere',
  'deltagere',
  'medlemmer',
  'til stede',
  'tilstede',
  'fraværende',
  'afbud fra',
  'afbud',
];

/**
 * A council named by its word alone (`Byråd 2022-2025`): the election period is then part of its
 * name, as the meeting system writes it. A committee's own name (`Økonomiudvalget 2018-2021`) stands
 * without its period.
 */
export const COUNCIL_WORDS = ['byråd', 'byrådet', 'kommunalbestyrelse', 'kommunalbestyrelsen', 'regionsråd', 'regionsrådet', 'borgerrepræsentationen'];

/**
 * Two names of one body: `Byrådets`, `Byrådet` and `Byråd 2022-2025` are the same council, and so
 * are `Byrådet` and `Aarhus Byråd` (a council named with its municipality); `Økonomiudvalgets` is
 * `Økonomiudvalget`.
 */
export function sameBody(a: string, b: string): boolean {
  const [x, y] = [bodyKey(a), bodyKey(b)];
  return x === y || (x.length > 0 && y.length > 0 && (x.endsWith(` ${y}`) || y.endsWith(` ${x}`)));
}

/** The form a body's name is compared in (see sameBody). */
export function bodyKey(name: string): string {
  return fold(name)
    .replace(/\s*\d{4}\s*[-–]\s*\d{4}/, '')
    .replace(/s$/, '')
    .replace(/(?:et|en)$/, '')
    .trim();
}

/** Words after a name in an attendee list that give the member's role (`Lone Kjær (A), formand`). */
export const ATTENDEE_ROLES = ['formand', 'næstformand', 'borgmester', 'viceborgmester', 'rådmand', 'udvalgsformand', 'medlem', 'suppleant', 'stedfortræder'];

/** Marks after an attendee's name that mean the member was not there. */
export const ABSENCE_MARKS = ['fravær', 'fraværende', 'afbud', 'forfald', 'ikke til stede', 'ikke mødt'];

/** Marks after an attendee's name that mean a substitute. */
export const SUBSTITUTE_MARKS = ['suppleant', 'stedfortræder'];

/** Words that stand before a member's name and are not part of it. */
export const ROLE_WORDS = [
  'rådmand',
  'rådmanden',
  'borgmester',
  'borgmesteren',
  'viceborgmester',
  'formand',
  'formanden',
  'næstformand',
  'næstformanden',
  'udvalgsformand',
  'udvalgsmedlem',
  'udvalgsmedlemmer',
  'udvalgsmedlemmerne',
  'medlem',
  'medlemmer',
  'medlemmerne',
  'byrådsmedlem',
  'byrådsmedlemmer',
  'byrådsmedlemmerne',
  'kommunalbestyrelsesmedlem',
  'kommunalbestyrelsesmedlemmerne',
  'suppleant',
  'stedfortræder',
];

/**
 * Words of a decision that a line of an export puts before a name (`Godkendt` / `Mehmet Zeki Dogru (Ø)
 * undlader.`): never a word of the name.
 */
export const NOT_NAME_WORDS = [
  'godkendt',
  'godkendes',
  'anbefales',
  'anbefalet',
  'vedtaget',
  'forkastet',
  'ikke',
  'for',
  'imod',
  'undlod',
  'undlader',
  'beslutning',
  'fremstilling',
];

/** Lower-case words allowed inside a person's name (`Hans la Cour`, `Anne de Vries`). */
export const NAME_PARTICLES = ['af', 'de', 'den', 'der', 'la', 'le', 'van', 'von', 'du', 'di', 'da', 'til'];

/**
 * Verb phrases of a vote sentence, by side. Longer phrases are tried first, so that
 * `undlod at tage stilling` is not read as `undlod`. `persons`: the phrase records a vote only when
 * its subject names people (`Rådmand X anbefaler`), not parties (`Enhedslisten anbefaler budgetforslag ...`,
 * `Enhedslisten er imod nedrivning ...` are statements of a position, not votes).
 */
export const VOTE_VERBS: { side: 'for' | 'against' | 'abstain'; phrases: readonly string[]; persons?: boolean }[] = [
  {
    side: 'abstain',
    phrases: [
      'undlader at stemme',
      'undlod at stemme',
      'undlader at stemme for eller imod',
      'stemmer hverken for eller imod',
      'stemte hverken for eller imod',
      'afstår fra at stemme',
      'afstod fra at stemme',
      'undlod at tage stilling',
      'undlader at tage stilling',
      // As the minutes spell it at times (`(F) udlod at tage stilling.`).
      'udlod at tage stilling',
      'udlod at stemme',
      'undlod',
      'undlader',
      'tager forbehold',
      'tog forbehold',
    ],
  },
  {
    side: 'against',
    phrases: [
      'stemmer imod',
      'stemte imod',
      'stemmer i mod',
      'stemte i mod',
      'stemmer mod',
      'stemte mod',
      'kunne ikke tiltræde',
      'kan ikke tiltræde',
      // Under a decision that approves a committee's recommendation: backing the administration's differing one.
      'følger administrationens indstilling',
      // `... ønskede sin stemme imod ført til protokols.`
      'ønskede sin stemme imod',
      'ønsker sin stemme imod',
      'ønskede deres stemmer imod',
      'ønsker deres stemmer imod',
    ],
  },
  {
    side: 'against',
    persons: true,
    phrases: ['kan ikke anbefale', 'kunne ikke anbefale', 'anbefaler ikke', 'kan ikke godkende', 'godkender ikke', 'er imod', 'var imod'],
  },
  { side: 'for', phrases: ['stemmer for', 'stemte for', 'kunne tiltræde', 'kan tiltræde'] },
  { side: 'for', persons: true, phrases: ['anbefaler', 'kan anbefale', 'godkender', 'tiltræder', 'støtter'] },
];

/**
 * Labels that open a list of voters, by side: `For stemte: 5 (A, F og V)`, `Imod: Ø og F`,
 * `Undlod at stemme: Ø`. `For <words> stemte:` (`For administrationens indstilling stemte:`) is read
 * too. The labels that hold a verb (`stemte`, `undlod`, ...) open a list without a colon as well
 * (`For stemte (V), (A) og (C).`, `Imod stemte Ø.`, `Undlader S, C, M og Ø.`).
 */
export const COUNTED_VOTE_LABELS: { side: 'for' | 'against' | 'abstain'; labels: readonly string[] }[] = [
  { side: 'for', labels: ['for stemte', 'for stemmer', 'stemte for', 'stemmer for', 'for'] },
  { side: 'against', labels: ['imod stemte', 'imod stemmer', 'stemte imod', 'stemmer imod', 'imod'] },
  {
    side: 'abstain',
    labels: ['undlod at stemme', 'undlader at stemme', 'undlod at tage stilling', 'undlader at tage stilling', 'hverken for eller imod', 'undlod', 'undlader', 'blank', 'blanke'],
  },
];

/**
 * Recommendations other than the one a committee decides on: a vote for one of them after a decision
 * on another (`John T. Olsen (A) stemte for administrationens indstillingspunkt 2.`) is a position, not
 * a vote on the decision.
 */
export const OTHER_RECOMMENDATIONS = ['administrationens indstilling', 'administrationen indstilling', 'forvaltningens indstilling'];

/** Label words that need a colon to open a list (`For punkt 16` is about point 16, not a vote for it). */
export const BARE_VOTE_LABELS = ['for', 'imod', 'blank', 'blanke', 'hverken for eller imod'];

/**
 * The stated tally of a decision: `Med stemmerne 19 for og 2 imod`, `med 11 stemmer for (A, V, C, F og D)
 * mod 2 (Ø)`: the side words after (or before) each number.
 */
export const TALLY_SIDES: { side: 'for' | 'against' | 'abstain'; words: readonly string[] }[] = [
  { side: 'for', words: ['for'] },
  { side: 'against', words: ['imod', 'mod'] },
  { side: 'abstain', words: ['undlod', 'undlader', 'hverken for eller imod', 'blanke', 'blank'] },
];
/** Written for a count of none (`og ingen imod`). */
export const TALLY_NONE = ['ingen'];

/**
 * Outcome words of a decision that states its tally or is followed by one
 * (`Med stemmerne 1 for og 19 imod afviste Byrådet ...`, `1 a. Ikke godkendt`).
 */
export const DECISION_OUTCOMES = {
  forkastet: [
    'afviste',
    'afviser',
    'forkastede',
    'forkaster',
    'forkastet',
    'ikke godkendt',
    'ikke godkendes',
    'ikke vedtaget',
    'kan ikke anbefales',
    'anbefales ikke',
    'kunne ikke anbefales',
  ],
  vedtaget: ['godkendte', 'godkendt', 'godkendes', 'godkender', 'vedtog', 'vedtaget', 'besluttede', 'anbefalede', 'anbefales', 'anbefaler', 'videresendte', 'sendte', 'tiltrådte'],
} as const;

/**
 * A reference to recommendation points before or after a vote: `Ad punkt 2`, `Ad 2 b`, `stemte imod
 * pkt. 1. b)`, `undlod at tage stilling til indstillingspunkt 6`, `For punkt 16` (about point 16).
 */
export const POINT_WORDS = ['indstillingspunkterne', 'indstillingspunkt', 'indstillingspunkter', 'beslutningspunkt', 'punkterne', 'punkter', 'punkt', 'pkt', 'pk'];

/** Phrases that lead into a group of named voters (`Et flertal bestående af ... anbefaler`). */
export const GROUP_LEADS = [
  'et flertal bestående af',
  'et mindretal bestående af',
  'flertallet bestående af',
  'mindretallet bestående af',
  // `Et flertal (A, V og C) anbefaler indstillingen.`
  'et flertal',
  // `Forslaget blev forkastet, idet kun A stemte for.`
  'kun',
  'et mindretal',
  'flertallet',
  'mindretallet',
];

/** What a vote is about when it is the decision itself: `Ø og F kan ikke anbefale indstillingen`. */
export const THE_MOTION = ['indstillingen', 'forslaget', 'sagen', 'beslutningen', 'ændringsforslaget'];

/** Words after a party's name that make it the party's group (`Radikale Venstres og Alternativets byrådsgrupper`). */
export const GROUP_WORDS = ['byrådsgrupper', 'byrådsgruppe', 'byrådsgruppen', 'kommunalbestyrelsesgruppe', 'grupper', 'gruppe', 'gruppen'];

/** Outcome words, in a sentence after the vote (`Ændringsforslaget er dermed forkastet.`). */
export const OUTCOMES = {
  vedtaget: ['vedtaget', 'vedtages', 'godkendt', 'anbefalet'],
  forkastet: ['forkastet', 'forkastes', 'faldet', 'bortfaldet', 'nedstemt', 'ikke vedtaget'],
} as const;

/** Verbs that introduce a proposal (`stiller følgende ændringsforslag`). */
export const PROPOSAL_VERBS = ['stiller', 'fremsætter', 'fremsatte', 'stillede', 'foreslår', 'foreslog'];
export const PROPOSAL_NOUNS = ['ændringsforslag', 'tillægsforslag', 'modforslag', 'forslag'];

/** Sentences that record an absence, and whether the member missed the meeting or the item. */
export const ABSENCE_PHRASES: { scope: 'meeting' | 'item'; phrases: readonly string[] }[] = [
  {
    scope: 'item',
    phrases: [
      'deltog ikke under punktet',
      'deltog ikke i behandlingen',
      'deltog ikke i sagens behandling',
      'deltog ikke i behandlingen af punktet',
      'deltog ikke i behandlingen af sagen',
      'deltog ikke under behandlingen',
      'forlod mødet under punktet',
      'var inhabil',
      'erklærede sig inhabil',
      // Said under one punkt (`Bjarke Abel (A) var ikke til stede.`): that punkt.
      'var ikke til stede',
      'var fraværende',
    ],
  },
  {
    scope: 'meeting',
    phrases: ['deltog ikke i mødet', 'havde meldt afbud', 'har meldt afbud', 'deltog ikke'],
  },
];

/**
 * A stand-in named in an absence: `Jette Andersen deltog som suppleant for Kenneth Jerkel`, and the
 * label in parentheses after an absent member (`Afbud: Torben Hoffmann (Stedfortræder: Conni Bergendorff)`).
 */
export const STAND_IN_PHRASES = ['deltog som suppleant for', 'deltog som stedfortræder for', 'mødte som suppleant for', 'mødte som stedfortræder for'];
export const STAND_IN_LABELS = ['stedfortræder', 'suppleant'];
/** `Dorthe Bøgh Madsen deltog som stedfortræder.`: at the meeting as a stand-in. */
export const STAND_IN_PRESENT = ['deltog som stedfortræder', 'deltog som suppleant', 'mødte som stedfortræder', 'mødte som suppleant'];

/** Labels that list absent members inside an item (`Ikke til stede: Anna Hansen (C)`). */
export const ABSENCE_LABELS = ['ikke til stede', 'fraværende', 'afbud', 'afbud fra', 'fravær'];

/** Decision verbs of a committee statement, by kind. */
export const DECISION_VERBS: { kind: 'approve' | 'recommend' | 'reject' | 'noted'; phrases: readonly string[] }[] = [
  { kind: 'reject', phrases: ['forkaster', 'afviser', 'kan ikke anbefale', 'anbefaler ikke', 'godkender ikke'] },
  { kind: 'recommend', phrases: ['anbefaler', 'indstiller', 'anbefales'] },
  { kind: 'approve', phrases: ['godkender', 'godkendt', 'godkendes', 'beslutter', 'besluttede', 'vedtager', 'tiltræder', 'bevilger'] },
  {
    kind: 'noted',
    phrases: [
      'tager orienteringen til efterretning',
      'taget til efterretning',
      'tages til efterretning',
      'tager',
      'orientering givet',
      'drøftet',
      'drøftede',
      'orienteringen blev taget',
    ],
  },
];

/** Word endings of a body that decides or recommends: a committee, a council, a board. */
export const BODY_SUFFIXES = ['udvalget', 'udvalg', 'rådet', 'råd', 'bestyrelsen', 'bestyrelse', 'direktionen', 'forvaltningen', 'forvaltning'];

/** Whole words that name a deciding body. */
export const BODY_WORDS = ['byrådet', 'kommunalbestyrelsen', 'udvalget', 'udvalgene', 'regionsrådet', 'borgerrepræsentationen'];

/** Access markers before a case number (`Åbent - 15.00.00-G01-29-16`). */
export const ACCESS_MARKERS = ['åbent', 'åben', 'lukket', 'fortroligt', 'lukket punkt', 'åben sag', 'lukket sag'];

/** Labels before a case number of another scheme (`Sagsnr.: 2012-28504`, `Sag nr. 130`). */
export const CASE_NUMBER_LABELS = ['sagsnr', 'sags nr', 'sag nr', 'sagsnummer', 'sag', 'j.nr', 'j. nr', 'jnr', 'journalnr', 'journalnummer', 'acadre sagsnr', 'esdh nr', 'emnenr'];

/**
 * Headings that are a sentence's subject and verb (`Administrationen indstiller:`). The same words
 * open a paragraph of a Resume or Sagsbeskrivelse; where the punkt also has the plain heading of
 * that kind (`Indstilling`), the plain one is the section.
 */
export const SENTENCE_HEADING_VERBS = ['indstiller', 'beslutter', 'foreslår'];

/** Labels of a document's own number, which is not the case's: on a case-number line it ends the case number. */
export const DOCUMENT_NUMBER_LABELS = ['dok.nr', 'dok. nr', 'dokumentnr', 'dokumentnummer', 'dok nr'];

/** Words that make an agenda item line (`Punkt 3: ...`). */
export const ITEM_WORDS = ['punkt', 'pkt', 'sag', 'dagsordenspunkt'];

/** Prefix of a case type in an item title (`B-sag: ...`). */
export const CASE_TYPE_PATTERN = /^([A-E])-sag\s*:\s*/i;

/** Danish month names (and their usual abbreviations), 1-based. */
export const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];

/** Words that open the meeting's title line. */
export const TITLE_WORDS = ['referat', 'beslutningsprotokol', 'protokol', 'dagsorden', 'ekstraordinær dagsorden', 'ekstraordinært referat', 'tillægsdagsorden'];

/** `Mødet hævet kl. 14.07.` */
export const ADJOURNED_PATTERN = /^Mødet\s+(?:blev\s+)?hævet\s+(?:kl\.?\s*)?(\d{1,2}[.:]\d{2})/i;

/** Party letters of the national parties; local lists use other letters. */
export const PARTIES: Record<string, string> = {
  A: 'Socialdemokratiet',
  B: 'Radikale Venstre',
  C: 'Det Konservative Folkeparti',
  D: 'Nye Borgerlige',
  F: 'SF',
  I: 'Liberal Alliance',
  K: 'Kristendemokraterne',
  M: 'Moderaterne',
  O: 'Dansk Folkeparti',
  V: 'Venstre',
  Æ: 'Danmarksdemokraterne',
  Ø: 'Enhedslisten',
  Å: 'Alternativet',
};

/**
 * Other ways the minutes write a party's letter: `S` for A (Socialdemokratiet), `SF` for F. A letter
 * with a list number (`UP-1`, `UP1`, `UP-2`) is the letter's list. A configuration can add its own
 * (`partyAliases` in referat.config.json).
 */
export const PARTY_ALIASES: Record<string, string> = {
  S: 'A',
  SF: 'F',
  RV: 'B',
  KF: 'C',
  NB: 'D',
  LA: 'I',
  KD: 'K',
  DF: 'O',
  EL: 'Ø',
  ALT: 'Å',
  DD: 'Æ',
};

/** A party letter with a list number: `UP-1`, `UP2`. */
export const NUMBERED_PARTY = /^([A-ZÆØÅ]{1,3})-?\d$/;

/** Parties written out, as the minutes name them (folded), by letter; a genitive `-s` is read as well. */
export const PARTY_NAMES: Record<string, string> = {
  socialdemokratiet: 'A',
  socialdemokraterne: 'A',
  'radikale venstre': 'B',
  'det radikale venstre': 'B',
  konservative: 'C',
  'det konservative folkeparti': 'C',
  'konservative folkeparti': 'C',
  'de konservative': 'C',
  'nye borgerlige': 'D',
  'socialistisk folkeparti': 'F',
  'liberal alliance': 'I',
  kristendemokraterne: 'K',
  moderaterne: 'M',
  'dansk folkeparti': 'O',
  venstre: 'V',
  danmarksdemokraterne: 'Æ',
  enhedslisten: 'Ø',
  'enhedslisten de rød-grønne': 'Ø',
  'enhedslisten - de rød-grønne': 'Ø',
  alternativet: 'Å',
};

/** Accented letters as their plain or Danish forms; other white space than one space becomes one space. */
const FOLDED: Record<string, string> = { é: 'e', è: 'e', ê: 'e', ä: 'æ', ö: 'ø' };
// A single space is left out of the pattern: most words then match nothing and keep their string.
const TO_FOLD = /[éèêäö]|\s{2,}|[^\S ]/g;
/** A colon closing a heading's words (`Beslutning:`), with any space before it. */
const TRAILING_COLON = /\s*:$/;

/** Lower-case, accents folded, white space collapsed: the form words are compared in. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(TO_FOLD, (m) => FOLDED[m] ?? ' ')
    .trim();
}

/** A heading's words in the form they are compared in: folded, without a closing colon. */
export function foldHeading(words: string): string {
  return fold(words).replace(TRAILING_COLON, '');
}

/** Characters that exports leave inside words without showing them: zero-width spaces and joiners, soft hyphens. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** The words without invisible characters (`Beslut\u200bning` is `Beslutning`). */
export function withoutInvisible(words: string): string {
  return words.replace(INVISIBLE, '');
}

/**
 * The words a referat.config.json adds to the vocabulary (`"vocabulary"`), for a municipality's own
 * headings and title words: no code change needed.
 */
export interface VocabularyWords {
  sections?: Partial<Record<SectionKind, readonly string[]>>;
  titles?: readonly string[];
  /** Phrases after a name that say the member was not at the meeting (`var forhindret`). */
  absence?: readonly string[];
}

/** The vocabulary the reader reads with: the words above and any a configuration adds. */
export class Vocabulary {
  private readonly sectionByWords = new Map<string, SectionKind>();
  readonly titleWords: readonly string[];
  readonly absencePhrases: readonly { scope: 'meeting' | 'item'; phrase: string }[];

  constructor(extra: VocabularyWords = {}) {
    for (const [kind, words] of Object.entries(SECTION_HEADINGS) as [SectionKind, readonly string[]][]) this.addSections(kind, words);
    for (const [kind, words] of Object.entries(extra.sections ?? {}) as [SectionKind, readonly string[]][]) {
      if (SECTION_HEADINGS[kind] && Array.isArray(words)) this.addSections(kind, words);
    }
    this.titleWords = [...TITLE_WORDS, ...(extra.titles ?? []).map((w) => fold(w))];
    this.absencePhrases = [
      ...ABSENCE_PHRASES.flatMap((a) => a.phrases.map((phrase) => ({ scope: a.scope, phrase }))),
      ...(extra.absence ?? []).filter((p) => typeof p === 'string' && p.trim()).map((phrase) => ({ scope: 'meeting' as const, phrase: phrase.trim() })),
    ];
  }

  private addSections(kind: SectionKind, words: readonly string[]): void {
    for (const w of words) if (typeof w === 'string' && w.trim()) this.sectionByWords.set(foldHeading(w), kind);
  }

  /** The section kind a heading's words name, or null when they name none. */
  sectionKindOf(words: string): SectionKind | null {
    return this.sectionByWords.get(foldHeading(withoutInvisible(words))) ?? null;
  }
}

export const DEFAULT_VOCABULARY = new Vocabulary();

const vocabularies = new Map<string, Vocabulary>();

/** The vocabulary with a configuration's words, made once for the same words. */
export function vocabularyOf(extra: VocabularyWords | Vocabulary | undefined): Vocabulary {
  if (extra instanceof Vocabulary) return extra;
  if (!extra || (!extra.sections && !extra.titles && !extra.absence)) return DEFAULT_VOCABULARY;
  const key = JSON.stringify(extra);
  let vocabulary = vocabularies.get(key);
  if (!vocabulary) vocabularies.set(key, (vocabulary = new Vocabulary(extra)));
  return vocabulary;
}

/** The section kind a heading's words name in the built-in vocabulary, or null when they name none. */
export function sectionKindOf(words: string): SectionKind | null {
  return DEFAULT_VOCABULARY.sectionKindOf(words);
}

/**
 * Titles on every agenda (folded, without end punctuation): punkter without a case number that bear
 * them are not one case across meetings.
 */
export const ROUTINE_TITLES = [
  'godkendelse af dagsorden',
  'godkendelse af dagsordenen',
  'eventuelt',
  'meddelelser',
  'orientering',
  'gensidig orientering',
  'orientering fra formanden',
  'orientering fra formanden/ gensidig orientering',
  'meddelelser fra formanden',
  'meddelelser fra administrationen',
  'godkendelse af referat',
  'underskrift',
  'underskriftsblad',
  'lukket punkt',
];
