// Small synthetic referater in FirstAgenda's shape (as Greve publishes them), for the archive tests.
export interface PunktSpec {
  number: number;
  title: string;
  caseNumber?: string;
  decision: string[];
  /** `Sagens forløb` entries: head line (`10-01-2022 Økonomiudvalget`) and quoted lines. */
  history?: Array<[string, ...string[]]>;
}

export interface MeetingSpec {
  committee: string;
  /** DD-MM-YYYY */
  date: string;
  time?: string;
  present: string[];
  absent?: string[];
  punkter: PunktSpec[];
}

export function referatText(m: MeetingSpec): string {
  const [d, mo, y] = m.date.split('-');
  const lines = [
    `Dagsorden ${m.committee} d. ${m.date}`,
    'Mødedato',
    `Mandag d. ${Number(d)}. ${MONTHS[Number(mo) - 1]} ${y} kl. ${m.time ?? '08:00'}`,
    'Mødested',
    'Rådhuset',
    'Mødedeltagere',
    ...m.present,
  ];
  if (m.absent?.length) lines.push('Fraværende', ...m.absent);
  for (const p of m.punkter) {
    lines.push('', `Punkt ${p.number}: ${p.title}`, p.caseNumber ?? '', '', 'Beslutning', ...p.decision, 'Fremstilling', 'Resume', 'Sagen handler om noget.');
    if (p.history?.length) {
      lines.push('Sagens forløb');
      for (const [head, ...text] of p.history) lines.push(head, ...text);
    }
  }
  return lines.join('\n') + '\n';
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
