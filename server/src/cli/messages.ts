// What the CLI says about files it cannot read or write, in Danish and English; shared by the commands.
import { MAX_REFERAT_MB } from '../host/files';

export const fileMessages = {
  'not-found': { en: '{file}: no such file', da: '{file}: filen findes ikke' },
  directory: { en: '{file}: is a directory, not a referat', da: '{file}: er en mappe, ikke et referat' },
  unreadable: { en: '{file}: cannot be read ({detail})', da: '{file}: kan ikke læses ({detail})' },
  binary: { en: '{file}: is not a text file', da: '{file}: er ikke en tekstfil' },
  special: {
    en: '{file}: is not a regular file (a device, a pipe or a socket); not read',
    da: '{file}: er ikke en almindelig fil (en enhed, et rør eller en sokkel); ikke læst',
  },
  'too-large': {
    en: `{file}: is larger than ${MAX_REFERAT_MB} MB, far more than a referat; not read`,
    da: `{file}: er større end ${MAX_REFERAT_MB} MB, langt mere end et referat; ikke læst`,
  },
  cp1252: {
    en: '{file}: not UTF-8; read as Windows-1252',
    da: '{file}: ikke UTF-8; læst som Windows-1252',
  },
  loop: {
    en: '{file}: symbolic link loop; not followed',
    da: '{file}: symbolsk link i ring; ikke fulgt',
  },
  'loop-to': {
    en: '{file}: symbolic link loop back to {detail}; not followed',
    da: '{file}: symbolsk link i ring tilbage til {detail}; ikke fulgt',
  },
  'no-match': { en: '{file}: no referat matches this pattern', da: '{file}: intet referat passer til mønsteret' },
  unwritable: {
    en: '{file}: cannot write the fixes ({detail}); the file is as it was',
    da: '{file}: kan ikke skrive rettelserne ({detail}); filen er som den var',
  },
  changed: {
    en: '{file}: not fixed: it changed on disk while it was linted; run again',
    da: '{file}: ikke rettet: den blev ændret på disken mens den blev kontrolleret; kør igen',
  },
  unencodable: {
    en: '{file}: not fixed: the fixes need characters that Windows-1252 cannot hold (save the file as UTF-8 first)',
    da: '{file}: ikke rettet: rettelserne bruger tegn som Windows-1252 ikke har (gem filen som UTF-8 først)',
  },
  'stray-bytes': {
    en: '{file}: not fixed: it has bytes that are not UTF-8 (shown as �, see unreadable-character); write those letters again first',
    da: '{file}: ikke rettet: den har bytes, som ikke er UTF-8 (vist som �, se unreadable-character); skriv de bogstaver igen først',
  },
  internal: { en: '{file}: internal error: {detail}', da: '{file}: intern fejl: {detail}' },
} as const;
