// KL's emnesystematik (KLE): the names of hovedgrupper, grupper and a few emner, and what the
// handlingsfacetter mean, as data. KL publishes KLE openly (kle-online.dk); no name here is made up.
//
// Where the names come from:
// - Hovedgrupper 00-88, grupper and emner: KLE-Emneplan as published by KL through the KLE REST
//   service (schema KLE-REST-Emneplan-fuld-version-1-3), `UdgivelsesDato` 2025-05-01, in the public
//   copy shipped by OS2compliance (github.com/OS2compliance/OS2compliance,
//   src/main/resources/data/kle-emneplan.xml). A gruppe is listed when its `GruppeTitel` (or its
//   `[=Gruppe]` stikord) was read there. The list of the 36 hovedgrupper agrees with the one in the
//   fællesoffentlige it-systembeskrivelse (data.gov.dk), "Klassifikation KLE".
// - A few grupper are named in KLE's own guidance text in the emneplan (`se gruppe 00.22 'Kommunens
//   styrelse mv.'`): marked "guidance" below.
// - A few grupper are named after their `xx.yy.00` emne, which KLE always titles "<gruppe> i
//   almindelighed" (checked on every gruppe read above): marked "from xx.yy.00".
// - Emne titles: the same emneplan, and OS2KLE (github.com/os2kle/os2kle, OS2KLE.txt), which lists
//   KLE emner with their titles.
// - Handlingsfacetter: the titles G01 "Generelle sager", P19 "Godkendelser", P08 "Forsøgsordninger"
//   are written so in KLE's guidance text in the emneplan; category A "Organisering mv." and A00
//   "Organisering mv. i almindelighed" come from KL's facet plan as loaded by OpenESDH
//   (github.com/OpenESDH/openesdh-core, KLEClassificationSynchronizerIT). For the other facets no
//   title could be read; `usage` says what KLE's guidance in the emneplan uses them for, in its
//   own words ("Projekter tilføjes facet P20", "Konkrete kontrakter tilføjes facet Ø54").
// Grupper not listed here are shown with their hovedgruppe only.

export const KLE_VERSION = 'KLE-Emneplan 2025-05-01';

export interface Localized {
  da: string;
  en: string;
}

/** Hovedgrupper by their two digits. */
export const HOVEDGRUPPER: Readonly<Record<string, string>> = {
  '00': 'Kommunens styrelse',
  '01': 'Fysisk planlægning og naturbeskyttelse',
  '02': 'Byggeri',
  '03': 'Boliger',
  '04': 'Parker, fritids-/idrætsanlæg og landskabspleje mv.',
  '05': 'Veje og trafik',
  '06': 'Spildevand og vandløb',
  '07': 'Affald og genanvendelse',
  '08': 'Havne og lufthavne',
  '09': 'Miljøbeskyttelse',
  '13': 'Forsyning',
  '14': 'Beredskab',
  '15': 'Arbejdsmarked og beskæftigelsesindsats',
  '17': 'Folkeskoleundervisning',
  '18': 'Folkeoplysning og ungdomsskoler',
  '19': 'Kulturhistoriske institutioner',
  '20': 'Kulturvirksomhed',
  '21': 'Biblioteker',
  '22': 'Regulering af private erhverv',
  '23': 'Borgerlige forhold',
  '24': 'Erhvervsforhold',
  '25': 'Beskatning',
  '27': 'Social service',
  '28': 'Dagtilbud',
  '29': 'Sundhed',
  '30': 'Andre myndigheders opgaver',
  '32': 'Kontante ydelser',
  '54': 'Uddannelse',
  '81': 'Kommunens personale',
  '82': 'Kommunens ejendomme og lokaler',
  '83': 'Kommunens driftsmidler og inventar',
  '84': 'Offentlige valg',
  '85': 'Kommunens administrative systemer',
  '86': 'Kommunens selvforsyning og fremstillingsvirksomhed',
  '87': 'Kommunens arbejdsmiljø',
  '88': 'Kommunens indkøb og udbud',
};

/** Grupper by `hh.gg`. */
export const GRUPPER: Readonly<Record<string, string>> = {
  '00.01': 'Kommunens styrelse',
  '00.03': 'International virksomhed og EU',
  '00.06': 'Administration af fonde, legater og stiftelser',
  '00.07': 'Forvaltningsprincipper',
  '00.15': 'Administrativ organisering',
  '00.22': 'Kommunens styrelse mv.', // guidance (00.15)
  '00.24': 'Kommunale sammenslutninger, foreninger mv.',
  '00.30': 'Budget - kommunens økonomiske forvaltning',
  '03.25': 'Boligplacering af flygtninge', // guidance (15.40)
  '14.14': 'Redningsberedskabets opgaver for eksterne',
  '15.00': 'Organisering og understøttelse af beskæftigelsesindsatsen',
  '15.01': 'Arbejdsløshedsforsikring',
  '15.03': 'Arbejdsmarkedsuddannelser',
  '15.04': 'Kommunale beskæftigelsesprojekter',
  '15.17': 'Opfølgning, vurdering og revalidering',
  '15.20': 'Beskæftigelsesindsats',
  '15.25': 'Orlovsordninger (ikke-kommunalt ansatte)',
  '15.27': 'Servicejob',
  '15.28': 'Seniorjob',
  '15.30': 'Studiejob',
  '15.40': 'Integration og udlændinge',
  '17.13': 'Skolens fritidsforanstaltninger',
  '17.15': 'Undervisning af tosprogede børn/elever', // guidance (15.40)
  '17.21': 'Befordring af elever',
  '17.27': 'Kommunal ungeindsats', // from 17.27.00
  '17.35': 'Betaling på folkeskoleområdet',
  '18.10': 'Ungdomsskoletilbud, ikke-obligatorisk undervisning',
  '18.12': 'Klubvirksomhed',
  '18.13': 'Fritidsvirksomhed',
  '18.15': 'Folkeoplysning',
  '24.00': 'Erhvervsforhold',
  '24.10': 'Erhvervsfremme', // from 24.10.00
  '24.14': 'Medieproduktion',
  '25.00': 'Beskatning',
  '25.02': 'Ejendomsbeskatning',
  '27.00': 'Social service',
  '27.03': 'Tilbud efter serviceloven',
  '27.09': 'Rammer for brug af private behandlings- og botilbud',
  '27.12': 'Forebyggelse og rådgivning, social service',
  '27.15': 'Brugerinddragelse, rådgivende samarbejdsorganer m.v.',
  '27.45': 'Boligtilbud for ældre og personer med handicap', // from 27.45.00
  '27.48': 'Ledsagelse og kontaktperson',
  '27.54': 'Beskyttet beskæftigelse og aktivitets- og samværstilbud', // from 27.54.00
  '27.57': 'Botilbud',
  '27.60': 'Hjælpemidler, forbrugsgoder, boligindretning m.v.', // from 27.60.00
  '54.15': 'Danskuddannelse til voksne udlændinge m.fl.', // guidance (15.40)
  '54.17': 'Kurser og undervisning for udlændinge', // guidance (15.40)
};

/**
 * `hh.gg` that are not grupper of this KLE version although case numbers use them: hovedgruppe 00
 * starts at gruppe 00.01 (`00.00.00` numbers in the seeds come from a local plan).
 */
export const NOT_GRUPPER: ReadonlySet<string> = new Set(['00.00']);

/** Emner by `hh.gg.ee`: the ones used in the seeds whose titles were read. */
export const EMNER: Readonly<Record<string, string>> = {
  '00.01.00': 'Kommunens styrelse i almindelighed',
  '00.01.10': 'Opgaver der dækker flere hovedgrupper',
  '00.07.00': 'Forvaltningsprincipper i almindelighed',
  '00.07.03': 'Aktindsigt - forvaltningsprincipper',
  '00.15.00': 'Administrativ organisering i almindelighed',
  '00.30.00': 'Budget - kommunens økonomiske forvaltning i almindelighed',
  '15.00.00': 'Organisering og understøttelse af beskæftigelsesindsatsen i almindelighed',
  '15.04.00': 'Kommunale beskæftigelsesprojekter i almindelighed',
  '15.04.10': 'Beskæftigelsesprojekter',
  '15.20.00': 'Beskæftigelsesindsats i almindelighed',
  '17.27.21': 'Vejledning om valg af ungdomsuddannelse og erhverv',
  '24.10.00': 'Erhvervsfremme i almindelighed',
  '27.00.00': 'Social service i almindelighed',
  '27.15.12': 'Frivilligt socialt arbejde',
  '27.57.00': 'Botilbud i almindelighed',
  '27.57.12': 'Krisecentre',
};

export interface FacetInfo {
  /** The facet's title in KLE, when it could be read. */
  title?: string;
  /** What KLE's guidance uses the facet for, when no title could be read. */
  usage?: Localized;
}

/** Facet categories (the letter of a handlingsfacet). */
export const FACET_CATEGORIES: Readonly<Record<string, FacetInfo>> = {
  A: { title: 'Organisering mv.' },
  G: { usage: { da: 'generelle sager', en: 'general cases' } },
  K: { usage: { da: 'klager, kontrol og tilsyn', en: 'complaints, control and supervision' } },
  P: { usage: { da: 'planlægning, politikker, projekter og aftaler', en: 'planning, policies, projects and agreements' } },
  // The emneplan's guidance: "økonomifacetter (S og Ø)".
  S: { usage: { da: 'økonomi', en: 'finance' } },
  Ø: { usage: { da: 'økonomi', en: 'finance' } },
};

/** Handlingsfacetter by code. */
export const FACETS: Readonly<Record<string, FacetInfo>> = {
  A00: { title: 'Organisering mv. i almindelighed' },
  A21: { usage: { da: 'organisering og bemyndigelse', en: 'organisation and delegation of authority' } },
  A26: { usage: { da: 'procedurer, arbejdsgange og vejledninger', en: 'procedures, work processes and guidelines' } },
  A30: { usage: { da: 'nedsættelse af udvalg og udpegning af medlemmer', en: 'setting up committees and appointing members' } },
  A50: { usage: { da: 'offentliggørelse (dagsordener, referater, postlister)', en: 'publication (agendas, minutes, mail lists)' } },
  A53: { usage: { da: 'konkrete sager om aktindsigt (anmodninger og afgørelser)', en: 'requests for access to documents and the decisions on them' } },
  G01: { title: 'Generelle sager' },
  G10: { usage: { da: 'arbejder udført for private', en: 'work done for private parties' } },
  K02: { usage: { da: 'klager over kommunens afgørelser', en: 'complaints about the municipality’s decisions' } },
  K03: { usage: { da: 'klager til Ankestyrelsen og andre klageinstanser', en: 'complaints to the Ankestyrelsen and other appeal bodies' } },
  K07: { usage: { da: 'resultatrevision', en: 'results review' } },
  K08: { usage: { da: 'tilsyn', en: 'supervision' } },
  K09: { usage: { da: 'tilsyn', en: 'supervision' } },
  P05: { usage: { da: 'analyser og ledelsesinformation', en: 'analyses and management information' } },
  P07: { usage: { da: 'fortegnelser og ventelister', en: 'registers and waiting lists' } },
  P08: { title: 'Forsøgsordninger' },
  P15: { usage: { da: 'strategier', en: 'strategies' } },
  P16: { usage: { da: 'planlægning (fx ældreplanlægning)', en: 'planning' } },
  P19: { title: 'Godkendelser' },
  P20: { usage: { da: 'projekter', en: 'projects' } },
  P21: { usage: { da: 'retningslinjer og regler', en: 'guidelines and rules' } },
  P22: { usage: { da: 'politikker', en: 'policies' } },
  P23: { usage: { da: 'kvalitetsstandarder og kvalitetsstyring', en: 'quality standards and quality management' } },
  P24: { usage: { da: 'vedtægter', en: 'statutes' } },
  P27: { usage: { da: 'aftaler', en: 'agreements' } },
  P35: { usage: { da: 'møder, dagsordener og referater', en: 'meetings, agendas and minutes' } },
  S29: { usage: { da: 'takster og egenbetaling', en: 'rates and user charges' } },
  S37: { usage: { da: 'personforsikringer', en: 'personal insurance' } },
  S49: { usage: { da: '(årlige) rammer for tilskud', en: '(annual) frameworks for grants' } },
  S55: { usage: { da: 'godkendelse af årsregnskab', en: 'approval of annual accounts' } },
  Ø34: { usage: { da: 'tilskud til kommunen (fx konkrete EU-tilskud)', en: 'grants to the municipality (e.g. specific EU grants)' } },
  Ø36: { usage: { da: 'refusion', en: 'reimbursement' } },
  Ø40: { usage: { da: 'konkrete tilskud til organisationer og foreninger', en: 'grants to organisations and associations' } },
  Ø54: { usage: { da: 'kontrakter', en: 'contracts' } },
  Ø61: { usage: { da: 'erstatning og godtgørelse', en: 'compensation' } },
};
