// A referat.config.json for a folder of minutes: the referater in it (found as `referat lint` finds
// them) read, and the configuration inferred from them. Shared by `referat init` and the language
// server's quick fix on `unconfigured-committee`.
import fs from 'node:fs';
import path from 'node:path';
import { FileError, loadFileSync } from './files';
import { FileFinder } from './folders';
import { isReferatFile } from '../files';
import { readReferat } from '../reader';
import { CONFIG_FILE, parseConfig } from '../config/load';
import { configText, inferConfig, type InitResult, type InitSource } from '../config/infer';

export interface FolderInit extends InitResult {
  /** Where the configuration goes: `<dir>/referat.config.json`. */
  file: string;
  /** The configuration as written. */
  text: string;
  /** Referater read. */
  documents: number;
}

/** The referater in a folder and its subfolders; `shown` turns a path into what people read. */
export async function readMinutesIn(dir: string, shown: (file: string) => string = (f) => f): Promise<InitSource[]> {
  const finder = new FileFinder();
  finder.walk(dir);
  const sources: InitSource[] = [];
  for (const target of finder.files()) {
    let text: string;
    try {
      text = loadFileSync(target.file).text;
    } catch (error) {
      if (error instanceof FileError) continue;
      throw error;
    }
    if (!target.explicit && !isReferatFile(path.basename(target.file), text)) continue;
    sources.push({ file: shown(target.file), doc: readReferat(text), text });
  }
  return sources;
}

/** The configuration for a folder, not written. */
export async function initFolder(dir: string, shown?: (file: string) => string): Promise<FolderInit> {
  const sources = await readMinutesIn(dir, shown);
  const result = inferConfig(sources);
  const text = configText(result.config);
  // What is written must be what `referat lint` and the server accept.
  const check = parseConfig(text);
  if (check.problems.length) throw new Error(`the inferred configuration is not valid: ${check.problems.map((p) => p.message.en).join('; ')}`);
  return { ...result, file: path.join(dir, CONFIG_FILE), text, documents: sources.length };
}

/** Writes the configuration, never over a file that is there unless `force`. Returns false when one is. */
export function writeConfig(file: string, text: string, force: boolean): boolean {
  try {
    fs.writeFileSync(file, text, { flag: force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
