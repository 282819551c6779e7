// What validation runs with: the editor's settings (section `referat`) and, per document, the
// nearest referat.config.json up its folder tree. Config files are read once and kept until a
// watched-file event says they changed; a broken file keeps the last good configuration in force.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE, parseConfig, type ConfigProblem } from '../config/load';
import { ConfigReadError, findConfigFile, readConfigText } from '../host/configFile';
import type { ReferatConfig } from '../config/types';
import type { SeveritySetting } from '../rules/types';
import type { Logger } from './documents';
import { filePathOf } from './referatFiles';

export const SETTINGS_SECTION = 'referat';
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];
export const MAX_DEBOUNCE_MS = 10_000;
export const DEFAULT_MAX_SIZE_MB = 20;

/** The editor's settings that concern validation. */
export interface ValidationSettings {
  /** `referat.validate.enable` */
  enable: boolean;
  /** `referat.validate.debounce`: ms to wait after a change before validating. */
  debounceMs: number;
  /** `referat.validate.workspace`: also validate the referater that are not open. */
  workspace: boolean;
  /** `referat.validate.maxSize`: MB above which a referat is outlined but not checked. */
  maxSizeMb: number;
  /** `referat.rules`: rule id → severity, winning over referat.config.json. */
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: ValidationSettings = { enable: true, debounceMs: 200, workspace: false, maxSizeMb: DEFAULT_MAX_SIZE_MB, rules: {} };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `referat` section as a client sends it (any shape, or null) read into settings; bad values fall back to the defaults. */
export function readSettings(section: unknown): ValidationSettings {
  const settings: ValidationSettings = { ...DEFAULT_SETTINGS, rules: {} };
  if (!isObject(section)) return settings;
  // VS Code sends `validate` as an object; a client may also send dotted keys.
  const validate = isObject(section.validate) ? section.validate : {};
  const pick = (key: string) => (key in validate ? validate[key] : section[`validate.${key}`]);
  const enable = pick('enable');
  if (typeof enable === 'boolean') settings.enable = enable;
  const debounce = pick('debounce');
  if (typeof debounce === 'number' && Number.isFinite(debounce)) settings.debounceMs = Math.min(Math.max(0, Math.round(debounce)), MAX_DEBOUNCE_MS);
  const workspace = pick('workspace');
  if (typeof workspace === 'boolean') settings.workspace = workspace;
  const maxSize = pick('maxSize');
  if (typeof maxSize === 'number' && Number.isFinite(maxSize) && maxSize > 0) settings.maxSizeMb = maxSize;
  if (isObject(section.rules)) {
    for (const [ruleId, value] of Object.entries(section.rules)) {
      if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) settings.rules[ruleId] = value as SeveritySetting;
    }
  }
  return settings;
}

/** One referat.config.json as the server knows it. */
export interface ConfigFileState {
  file: string;
  uri: string;
  /** The text last read, or null when it could not be read. */
  text: string | null;
  /** Problems in that text, offsets into it. */
  problems: ConfigProblem[];
  /** The configuration in force: this text's when it has no problems, else the last good one. */
  config: ReferatConfig;
  /** False while no version of the file has been good. */
  everGood: boolean;
}

export interface ConfigStoreOptions {
  /** Called after a config file was (re)read, so its problems can be shown on it. */
  onLoaded?: (state: ConfigFileState) => void;
  /** Called when a config file is gone, so its problems can be cleared. */
  onRemoved?: (file: string, uri: string) => void;
  /**
   * When nothing tells the server about changed files (a client that cannot watch), look at
   * the disk on every lookup instead of trusting the cache.
   */
  checkDisk?: boolean;
}

const EMPTY: ReferatConfig = {};

export class ConfigStore {
  /** Folder → its nearest config file (or null), as looked up. */
  private readonly nearest = new Map<string, string | null>();
  private readonly files = new Map<string, ConfigFileState & { stamp: string }>();
  /** Broken versions already told about in the log, by file and text hash. */
  private readonly reported = new Set<string>();
  private roots: string[] = [];
  /** Bumped whenever the configuration of some document may have changed. */
  generation = 0;
  checkDisk: boolean;

  constructor(
    private readonly log: Logger & { warn?(message: string): void },
    private readonly options: ConfigStoreOptions = {},
  ) {
    this.checkDisk = options.checkDisk ?? false;
  }

  setRoots(roots: string[]): void {
    this.roots = [...roots];
    this.nearest.clear();
    this.generation++;
  }

  /** The config file that applies to a document: the nearest up its folders, or for a non-file document the first workspace root's. */
  configFileFor(uri: string): string | null {
    const filePath = filePathOf(uri);
    const dir = filePath ? path.dirname(filePath) : this.roots[0];
    if (!dir) return null;
    if (this.checkDisk || !this.nearest.has(dir)) this.nearest.set(dir, safeFind(dir));
    return this.nearest.get(dir) ?? null;
  }

  /** The configuration in force for a document, and the file it came from. */
  configFor(uri: string): { config: ReferatConfig; file: string | null } {
    const file = this.configFileFor(uri);
    if (!file) return { config: EMPTY, file: null };
    return { config: this.state(file).config, file };
  }

  /** The state of a config file, read now when not known yet (or when `checkDisk` and it changed). */
  state(file: string): ConfigFileState {
    const known = this.files.get(file);
    if (known && (!this.checkDisk || known.stamp === stampOf(file))) return known;
    return this.load(file);
  }

  /** Every config file read so far. */
  known(): ConfigFileState[] {
    return [...this.files.values()];
  }

  /**
   * A watched-file event for a config file: created, changed or deleted. Lookups are done again
   * (a new file may now be nearer), and a known file is read again.
   */
  changed(file: string, deleted: boolean): void {
    this.nearest.clear();
    this.generation++;
    if (deleted) {
      const known = this.files.get(file);
      this.files.delete(file);
      if (known) this.options.onRemoved?.(file, known.uri);
      return;
    }
    if (this.files.has(file) || fs.existsSync(file)) this.load(file);
  }

  private load(file: string): ConfigFileState {
    const previous = this.files.get(file);
    const stamp = stampOf(file);
    let text: string | null = null;
    let problems: ConfigProblem[];
    let config: ReferatConfig;
    try {
      text = readConfigText(file);
      ({ config, problems } = parseConfig(text, file));
    } catch (error) {
      config = EMPTY;
      const reason = error instanceof Error ? error.message : String(error);
      const message = error instanceof ConfigReadError ? error.localized : { en: `Cannot read ${file}: ${reason}`, da: `Kan ikke læse ${file}: ${reason}` };
      problems = [{ message, offset: 0, length: 0 }];
    }
    const good = problems.length === 0;
    const state = {
      file,
      uri: pathToFileURL(file).href,
      text,
      problems,
      config: good ? config : (previous?.config ?? EMPTY),
      everGood: good || (previous?.everGood ?? false),
      stamp,
    };
    this.files.set(file, state);
    if (!previous || previous.text !== text) this.generation++;
    if (!good) this.reportOnce(state);
    this.options.onLoaded?.(state);
    return state;
  }

  /** One log line per broken version of a file. */
  private reportOnce(state: ConfigFileState): void {
    const key = `${state.file}\0${createHash('sha1')
      .update(state.text ?? '')
      .digest('hex')}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const first = state.problems[0]?.message.en ?? '';
    const kept = state.everGood ? 'the last good configuration stays in force' : 'no configuration is in force from it';
    const message = `${state.file}: ${state.problems.length} problem(s), ${kept}. First: ${first}`;
    (this.log.warn ?? this.log.error)(message);
  }
}

function safeFind(dir: string): string | null {
  try {
    return findConfigFile(dir);
  } catch {
    return null;
  }
}

/** Size and time of the last change, enough to tell that a file changed. */
function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

export function isConfigFile(filePath: string): boolean {
  return path.basename(filePath) === CONFIG_FILE;
}

/** The settings in force, replaced as a whole when the client reports a change. */
export class SettingsStore {
  current: ValidationSettings = DEFAULT_SETTINGS;
  generation = 0;
  private markReady!: () => void;
  /** Resolves once the client's settings have been asked for (or could not be). */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  /** Takes a `referat` section; returns what changed. */
  update(section: unknown): { changed: boolean; previous: ValidationSettings } {
    const previous = this.current;
    const next = readSettings(section);
    const changed = JSON.stringify(next) !== JSON.stringify(previous);
    if (changed) {
      this.current = next;
      this.generation++;
    }
    this.markReady();
    return { changed, previous };
  }
}
