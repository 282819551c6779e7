// Finding and reading referat.config.json on disk, for the CLI and the server: the nearest one up
// the folder tree, read safely, then parsed by the core (config/load.ts).
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, type LoadedConfig, parseConfig } from '../config/load';
import type { Localized } from '../rules/types';
import { ReadRefused, readRegularFile } from './io';

/** The nearest referat.config.json in `dir` or a folder above it. */
export function findConfigFile(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** A configuration larger than this is not one (a real one with a hundred members is some 20 KB). */
export const MAX_CONFIG_MB = 4;

const refusals: Record<ReadRefused['code'], Localized> = {
  directory: { en: 'is a directory', da: 'er en mappe' },
  special: { en: 'is not a regular file (a device, a pipe or a socket)', da: 'er ikke en almindelig fil (en enhed, et rør eller en sokkel)' },
  'too-large': { en: `is larger than ${MAX_CONFIG_MB} MB, far more than a configuration`, da: `er større end ${MAX_CONFIG_MB} MB, langt mere end en konfiguration` },
};

/** A configuration file that could not be read, with what to tell people. */
export class ConfigReadError extends Error {
  constructor(readonly localized: Localized) {
    super(localized.en);
  }
}

/**
 * The text of a configuration file. Only a regular file, and only up to MAX_CONFIG_MB: a FIFO or a
 * device named referat.config.json would otherwise hang or fill the memory.
 */
export function readConfigText(file: string): string {
  try {
    return readRegularFile(file, MAX_CONFIG_MB * 1024 * 1024).bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ReadRefused) throw new ConfigReadError({ en: `${file} ${refusals[error.code].en}`, da: `${file} ${refusals[error.code].da}` });
    const detail = (error as Error).message;
    throw new ConfigReadError({ en: `Cannot read ${file}: ${detail}`, da: `Kan ikke læse ${file}: ${detail}` });
  }
}

export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readConfigText(file);
  } catch (error) {
    return { config: {}, file, problems: [{ message: (error as ConfigReadError).localized, offset: 0, length: 0 }] };
  }
  return parseConfig(text, file);
}
