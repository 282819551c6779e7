// What the CLI says about files it cannot read or write, in Danish and English; shared by the commands.

export const fileMessages = {
  'not-found': { en: '{file}: no such file', da: '{file}: filen findes ikke' },
  directory: { en: '{file}: is a directory, not a referat', da: '{file}: er en mappe, ikke et referat' },
  unreadable: { en: '{file}: cannot be read ({detail})', da: '{file}: kan ikke læses ({detail})' },
  binary: { en: '{file}: is not a text file', da: '{file}: er ikke en tekstfil' },
  cp1252: {
    en: '{file}: not UTF-8; read as Windows-1252',
    da: '{file}: ikke UTF-8; læst som Windows-1252',
  },
  loop: {
    en: '{file}: symbolic link loop ({detail}); not followed',
    da: '{file}: symbolsk link i ring ({detail}); ikke fulgt',
  },
  'no-match': { en: '{file}: no referat matches this pattern', da: '{file}: intet referat passer til mønsteret' },
  unwritable: { en: '{file}: cannot write the fixes ({detail})', da: '{file}: kan ikke skrive rettelserne ({detail})' },
  unencodable: {
    en: '{file}: not fixed: the fixes need characters that Windows-1252 cannot hold (save the file as UTF-8 first)',
    da: '{file}: ikke rettet: rettelserne bruger tegn som Windows-1252 ikke har (gem filen som UTF-8 først)',
  },
  internal: { en: '{file}: internal error: {detail}', da: '{file}: intern fejl: {detail}' },
} as const;
