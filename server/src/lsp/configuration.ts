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
import { filePathOf, isInside } from './referatFiles';

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

/** Asks the client for the `referat` section, of one workspace folder (its URI) or without a scope. */
export type SettingsReader = (scopeUri: string | undefined) => Promise<unknown>;

interface FolderSettings {
  uri: string;
  /** Undefined until read: its documents take the settings without a scope meanwhile. */
  settings?: ValidationSettings;
  read?: Promise<void>;
}

/**
 * The settings in force: those without a scope, and those of each workspace folder (asked for with
 * the folder's `scopeUri`, so that a folder's own settings apply to its referater). All are read
 * again when the client reports a change.
 */
export class SettingsStore {
  /** Without a scope: for documents outside the workspace folders, and pushed by a client that cannot be asked. */
  current: ValidationSettings = DEFAULT_SETTINGS;
  /** Bumped whenever the settings of some document changed. */
  generation = 0;
  /** Set once the client may be asked (`workspace/configuration`); without it only pushed settings count. */
  reader: SettingsReader | undefined;
  /** Workspace folder path → its settings. */
  private readonly folders = new Map<string, FolderSettings>();
  private markReady!: () => void;
  private readonly firstRead = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(private readonly log?: Logger) {}

  /** The workspace folders (paths). A folder added once the client may be asked is read at once. */
  setRoots(roots: string[]): void {
    for (const [root, folder] of [...this.folders]) {
      if (roots.includes(root)) continue;
      this.folders.delete(root);
      if (folder.settings) this.generation++;
    }
    for (const root of roots) {
      if (this.folders.has(root)) continue;
      const folder: FolderSettings = { uri: pathToFileURL(root).href };
      this.folders.set(root, folder);
      if (this.reader) folder.read = this.readFolder(folder);
    }
  }

  /** The settings for a document: its workspace folder's once read, else those without a scope. */
  for(uri: string): ValidationSettings {
    return this.folderOf(uri)?.settings ?? this.current;
  }

  /** True when some settings read so far validate the referater that are not open. */
  anyWorkspace(): boolean {
    return this.current.workspace || [...this.folders.values()].some((folder) => folder.settings?.workspace);
  }

  /** Resolves once the settings have been asked for (or could not be): a document's folder's, or every folder's. */
  async ready(uri?: string): Promise<void> {
    await this.firstRead;
    if (uri === undefined) {
      await Promise.all([...this.folders.values()].map((folder) => folder.read));
      return;
    }
    const folder = this.reader ? this.folderOf(uri) : undefined;
    if (folder) await (folder.read ??= this.readFolder(folder));
  }

  /**
   * Reads the settings again: those without a scope (asked for, or `pushed` by a client that cannot
   * be asked) and every folder's. True when any changed.
   */
  async reload(pushed?: unknown): Promise<boolean> {
    const generation = this.generation;
    let section = pushed;
    if (this.reader) {
      try {
        section = await this.reader(undefined);
      } catch (error) {
        this.failed(undefined, error);
      }
    }
    const next = readSettings(section);
    if (!sameSettings(next, this.current)) {
      this.current = next;
      this.generation++;
    }
    this.markReady();
    if (this.reader) await Promise.all([...this.folders.values()].map((folder) => (folder.read = this.readFolder(folder))));
    return this.generation !== generation;
  }

  private async readFolder(folder: FolderSettings): Promise<void> {
    let next: ValidationSettings;
    try {
      next = readSettings(await this.reader!(folder.uri));
    } catch (error) {
      this.failed(folder.uri, error);
      next = this.current;
    }
    // Read the first time, the same as those its documents had meanwhile: nothing changed for them.
    const before = folder.settings ?? this.current;
    folder.settings = next;
    if (!sameSettings(before, next)) this.generation++;
  }

  private failed(scopeUri: string | undefined, error: unknown): void {
    this.log?.error(`Could not read the settings${scopeUri ? ` of ${scopeUri}` : ''}: ${String(error)}`);
  }

  /** The innermost workspace folder that holds a document. */
  private folderOf(uri: string): FolderSettings | undefined {
    const file = filePathOf(uri);
    if (!file) return undefined;
    let found: string | undefined;
    for (const root of this.folders.keys()) if (isInside(file, root) && (found === undefined || root.length > found.length)) found = root;
    return found === undefined ? undefined : this.folders.get(found);
  }
}

function sameSettings(a: ValidationSettings, b: ValidationSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
