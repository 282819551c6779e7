// Mutations of real minutes, driven by a seeded random source so that any case can be replayed.

/** A small, fast, seedable PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = [
  '\0',
  '\uFEFF',
  '\ud800',
  '\udfff',
  '\u00a0',
  '\t',
  '\r',
  '\u2028',
  '**',
  '#',
  '"',
  '”',
  '«',
  '(',
  ')',
  ',',
  ' og ',
  '<!--',
  '-->',
  '<script>alert(1)</script>',
  'Ã¦Ã¸',
  '\x85',
];
const LINES = [
  'Punkt 1: Godkendelse',
  '# **Punkt 99: B-sag: x**',
  'Beslutning',
  '## **INDSTILLING**',
  'RESUMÉ',
  'Indholdsfortegnelse',
  'x.....\t3',
  'A. Sager til afgørelse i byrådet',
  '12. Title',
  'Sag nr. 7',
  'Åbent - 15.00.00-G01-29-16',
  '00.15.00-A00-20',
  'Mødedeltagere A B (Fravær), C',
  'Mødedato Mandag d. 31. februar 2020 kl. 25:61',
  'For stemte: 5 (A, F og V)',
  'Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.',
  'Ændringsforslaget er dermed vedtaget.',
  'X (A) stiller følgende ændringsforslag:',
  '"unclosed quote',
  'Udvalgsmedlem Nicolai Busch Bæhrenz deltog ikke i mødet.',
  'Økonomiudvalget, 10. september 2019, pkt. 65:',
  '<!-- referat-disable-next-line vote-tally -->',
  '<!-- referat-disable -->',
  'Mødet hævet kl. 14.07.',
];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** One mutated document made from `base`: cut to a random window, then changed a few times. */
export function mutate(base: string, r: Rand): string {
  // A window of the seed keeps cases small and fast, and often starts mid-item.
  const size = Math.floor(1000 + r() * 30000);
  const start = r() < 0.3 ? 0 : Math.floor(r() * Math.max(1, base.length - size));
  let lines = base.slice(start, start + size).split('\n');
  const ops = 1 + Math.floor(r() * 12);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    switch (Math.floor(r() * 11)) {
      case 0:
        lines.splice(i, 1 + Math.floor(r() * 5));
        break;
      case 1:
        lines.splice(i, 0, ...lines.slice(j, j + 1 + Math.floor(r() * 5)));
        break;
      case 2:
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      case 3:
        lines[i] = (lines[i] ?? '') + '\r';
        break;
      case 4:
        lines.splice(i, 0, pick(r, LINES));
        break;
      case 5: {
        const l = lines[i] ?? '';
        const at = Math.floor(r() * (l.length + 1));
        lines[i] = l.slice(0, at) + pick(r, JUNK) + l.slice(at);
        break;
      }
      case 6:
        lines[i] = (lines[i] ?? '').slice(0, Math.floor(r() * 30));
        break;
      case 7:
        lines[i] = (lines[i] ?? '').toUpperCase();
        break;
      case 8:
        lines[i] = `## **${lines[i] ?? ''}**`;
        break;
      case 9:
        lines[i] = (lines[i] ?? '').repeat(1 + Math.floor(r() * 50));
        break;
      case 10:
        lines = lines.map((l) => (r() < 0.05 ? l.replace(/[æøå]/g, (c) => ({ æ: 'Ã¦', ø: 'Ã¸', å: 'Ã¥' })[c]!) : l));
        break;
    }
    if (!lines.length) lines.push('');
  }
  return lines.join(r() < 0.1 ? '\r\n' : '\n');
}
