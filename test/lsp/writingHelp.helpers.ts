// Shared by the writing-help tests: a temp workspace holding seeds (and the membership fixture as
// referat.config.json when asked), finding a position by the text at it, and applying edits.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position, TextEdit } from 'vscode-languageserver-protocol';
import { fixtures, readSeed, seedsDir } from '../helpers/golden';
import { TestLspClient, type TestClientOptions } from '../helpers/lsp-client';

export const SEED_000 = '000_db79083c852146f7.txt';
export const SEED_002 = '002_00cfbdd4d29f5775.txt';
export const SEED_003 = '003_4215b85305d5dec8.txt';

/** A temp folder with seeds and, optionally, the membership fixture as referat.config.json. */
export class SeedWorkspace {
  readonly root = mkdtempSync(path.join(tmpdir(), 'referat-help-'));

  constructor(withMembership: boolean) {
    if (withMembership) copyFileSync(path.join(fixtures, 'membership', 'referat.config.json'), path.join(this.root, 'referat.config.json'));
  }

  /** Copies a seed into the workspace; returns its URI. */
  seed(name: string): string {
    const file = path.join(this.root, name);
    copyFileSync(path.join(seedsDir, name), file);
    return pathToFileURL(file).href;
  }

  /** Writes a document into the workspace; returns its URI. */
  write(name: string, text: string): string {
    const file = path.join(this.root, name);
    writeFileSync(file, text);
    return pathToFileURL(file).href;
  }

  start(options: Omit<TestClientOptions, 'rootPath'> = {}): Promise<TestLspClient> {
    return TestLspClient.start({ ...options, rootPath: this.root });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export { readSeed };

export interface SeedSession {
  client: TestLspClient;
  /** The URI of each seed opened, by file name. */
  uris: Record<string, string>;
  stop(): Promise<void>;
}

/** A client on a fresh workspace holding the given seeds, all opened; `stop` shuts it down and removes the folder. */
export async function openSeeds(seeds: string[], options: { membership: boolean } & Omit<TestClientOptions, 'rootPath'>): Promise<SeedSession> {
  const { membership, ...clientOptions } = options;
  const ws = new SeedWorkspace(membership);
  const client = await ws.start(clientOptions);
  const uris: Record<string, string> = {};
  for (const seed of seeds) uris[seed] = await client.open(ws.seed(seed), readSeed(seed));
  return {
    client,
    uris,
    stop: async () => {
      await client.shutdown();
      ws.dispose();
    },
  };
}

export const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

/** The position of the `occurrence`-th (1-based) appearance of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, occurrence = 1, offset = 0): Position {
  const lines = linesOf(text);
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let at = lines[line].indexOf(needle);
    while (at >= 0) {
      if (++seen === occurrence) return { line, character: at + offset };
      at = lines[line].indexOf(needle, at + 1);
    }
  }
  throw new Error(`"${needle}" #${occurrence} not found`);
}

/** The text with the edits applied (non-overlapping, any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Position) => Math.min(starts[p.line] + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
