// A referat whose every part carries markup and script payloads: in the title, place, attendees,
// TOC entries, item titles, case numbers, body text, quotes, links and votes. Rendered, all of it
// must show as text. `url` is where the payloads would send a request (the browser test watches it).

export const PAYLOAD_FLAG = '__referatPwned';

export function payloads(url: string): string[] {
  const flag = `window.${PAYLOAD_FLAG}`;
  return [
    `<script>${flag}=1;document.title='pwned'</script>`,
    `<img src=x onerror=alert(1)>`,
    `<img src="${url}/img" onerror="${flag}=2">`,
    `"><svg onload="${flag}=3;fetch('${url}/svg')">`,
    `'><iframe src="${url}/iframe" onload="${flag}=4"></iframe>`,
    `<a href="javascript:${flag}=5">klik</a>`,
    `<style>body{background:url(${url}/css)}</style>`,
    `<link rel="stylesheet" href="${url}/link">`,
    `<meta http-equiv="refresh" content="0;url=${url}/meta">`,
    `<base href="${url}/base/">`,
    `<object data="${url}/object"></object>`,
    `&lt;script&gt;`,
  ];
}

/** Link-like payloads in running text: only the https one may become a link. */
export function linkPayloads(url: string): string[] {
  return [
    `javascript:alert(1)`,
    `[klik her](javascript:window.${PAYLOAD_FLAG}=6)`,
    `data:text/html,<script>alert(1)</script>`,
    `file:///etc/passwd`,
    `command:workbench.action.quit`,
    `vbscript:msgbox(1)`,
    `${url}/plain-http-link`,
    `https://example.org/sti?a=1&b="><script>alert(1)</script>`,
  ];
}

export function injectionReferat(url: string): string {
  const p = payloads(url);
  const l = linkPayloads(url);
  return `
REFERAT Beskæftigelsesudvalget ${p[0]} 2022-2025 d. 26-11-2024

Mødedato Tirsdag d. 26. november 2024 kl. 08:30

Mødested Rådhuset ${p[1]} ${p[3]}

Mødedeltagere Anna Hansen (A), Bent Jensen (V) (Fravær), Carl ${p[4]} Madsen

Indholdsfortegnelse

Godkendelse af dagsorden ${p[2]}.....\t3
Sag om ${p[3]} og ${p[5]}.....\t4
${p[0]} Indkøb.....\t5

Punkt 1: Godkendelse af dagsorden ${p[2]}

00.01.00-A00-1-24

Resume

${p.join(' ')}

- Punkt ${p[1]}
- ${l.join(' ')}
1. ${p[3]}

Beslutning

Godkendt ${p[6]}.

Punkt 2: B-sag: Sag om ${p[3]} og ${p[5]}

Åbent - 00.01.00-A00-2-24

Sagsfremstilling

Tekst med link https://example.org/referat?x=1&y=2 og ${l[0]} og ${l[1]}.
Kolonne ${p[7]}\tKolonne ${p[8]}\t${p[9]}

## ${p[4]} underoverskrift

Beslutning

Udvalgsmedlem Anna Hansen (A) stiller følgende ændringsforslag:

"${p[0]} ${p[3]} ${p[10]} ${l[2]}"

Udvalgsmedlem Anna Hansen (A) stemmer for ændringsforslaget.

Rådmand Dorte Nielsen (V) og udvalgsmedlem Erik Olsen (C) stemmer imod ændringsforslaget.

Ændringsforslaget er dermed forkastet.

Udvalgsmedlem Bent Jensen deltog ikke i mødet.

Punkt 3: ${p[0]} Indkøb

Resume

${l.join('\n')}

${p[11]} ${p[1]}
`;
}
