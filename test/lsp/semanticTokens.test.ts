// Semantic tokens over stdio, as an editor asks for them: the decoded stream against the seeds.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes, type SemanticTokens, type SemanticTokensDelta, type SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { encodeSemanticTokens, editsBetween, SEMANTIC_TOKENS_LEGEND, TOKEN_MODIFIERS, TOKEN_TYPES, tokensInRange, type SemanticToken } from '../../server/src/lsp/semanticTokens';
import { readSeed } from '../helpers/golden';
import { REPO_ROOT, TestLspClient } from '../helpers/lsp-client';

const SEEDS = ['000_db79083c852146f7.txt', '001_bcefb93b7da31050.txt', '002_00cfbdd4d29f5775.txt', '003_4215b85305d5dec8.txt', '004_c859f8f3d45ba66d.txt'];
const uriOf = (seed: string) => `file:///seeds/${seed}`;
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

interface Decoded {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
  text: string;
}

/** The LSP stream as absolute tokens with their type, modifiers and the text they cover. */
function decode(data: number[], legend: SemanticTokensLegend, text: string): Decoded[] {
  const lines = linesOf(text);
  const tokens: Decoded[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const length = data[i + 2];
    const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    tokens.push({ line, character, length, type: legend.tokenTypes[data[i + 3]], modifiers, text: (lines[line] ?? '').slice(character, character + length) });
  }
  return tokens;
}

/** Sorted, inside the text, on one line each, of known types, and never overlapping. */
function expectWellFormed(tokens: Decoded[], text: string, legend: SemanticTokensLegend) {
  const lines = linesOf(text);
  let previous: Decoded | undefined;
  for (const token of tokens) {
    const where = `${token.line}:${token.character} ${JSON.stringify(token.text)}`;
    expect(token.line, where).toBeGreaterThanOrEqual(0);
    expect(token.line, where).toBeLessThan(lines.length);
    expect(token.character, where).toBeGreaterThanOrEqual(0);
    expect(token.length, where).toBeGreaterThan(0);
    expect(token.character + token.length, where).toBeLessThanOrEqual(lines[token.line].length);
    expect(legend.tokenTypes, where).toContain(token.type);
    expect(token.text.trim(), where).toBe(token.text);
    if (previous) {
      const after = token.line > previous.line || (token.line === previous.line && token.character >= previous.character + previous.length);
      expect(after, `${where} overlaps or precedes ${previous.line}:${previous.character} ${JSON.stringify(previous.text)}`).toBe(true);
    }
    previous = token;
  }
}

const at = (tokens: Decoded[], line: number, text: string) => tokens.filter((t) => t.line === line && t.text === text);

describe('semantic tokens over stdio', () => {
  let client: TestLspClient;
  let legend: SemanticTokensLegend;
  const results = new Map<string, { data: number[]; tokens: Decoded[]; resultId?: string }>();

  const full = async (uri: string, text: string) => {
    const result = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    return { data: result.data, tokens: decode(result.data, legend, text), resultId: result.resultId };
  };

  beforeAll(async () => {
    client = await TestLspClient.start();
    const provider = client.initializeResult.capabilities.semanticTokensProvider;
    expect(provider).toBeDefined();
    legend = provider!.legend;
    for (const seed of SEEDS) {
      await client.open(uriOf(seed), readSeed(seed));
      results.set(seed, await full(uriOf(seed), readSeed(seed)));
    }
  });
  afterAll(() => client?.shutdown());

  it('announces full (with delta) and range requests, with the legend the server encodes with', () => {
    const provider = client.initializeResult.capabilities.semanticTokensProvider!;
    expect(provider.full).toEqual({ delta: true });
    expect(provider.range).toBe(true);
    expect(legend).toEqual(SEMANTIC_TOKENS_LEGEND);
  });

  describe('seed 002', () => {
    const tokens = () => results.get(SEEDS[2])!.tokens;
    const lines = linesOf(readSeed(SEEDS[2]));

    it('makes Reza Javid a person where he votes for the amendment, with the exact range', () => {
      const line = lines.indexOf('Udvalgsmedlemmerne Reza Javid (Ø) og Mads Thomsen (A) stemmer for ændringsforslaget.');
      expect(line).toBe(180);
      expect(at(tokens(), line, 'Reza Javid')).toEqual([{ line: 180, character: 19, length: 10, type: 'person', modifiers: [], text: 'Reza Javid' }]);
      expect(at(tokens(), line, 'Mads Thomsen').map((t) => t.type)).toEqual(['person']);
      expect(at(tokens(), line, 'Ø')).toEqual([{ line: 180, character: 31, length: 1, type: 'enumMember', modifiers: [], text: 'Ø' }]);
    });

    it('marks the proposer, the other side of the vote and the absent member', () => {
      const proposal = lines.indexOf('Udvalgsmedlem Reza Javid (Ø) stiller følgende ændringsforslag:');
      expect(at(tokens(), proposal, 'Reza Javid').map((t) => t.type)).toEqual(['person']);
      const against = lines.indexOf('Rådmand Christoffer Lilleholt (V) og udvalgsmedlem Joachim Hoffmann-Petersen (C) stemmer imod ændringsforslaget.');
      expect(at(tokens(), against, 'Joachim Hoffmann-Petersen').map((t) => t.type)).toEqual(['person']);
      expect(at(tokens(), 40, 'Nicolai Busch Bæhrenz')).toEqual([{ line: 40, character: 14, length: 21, type: 'person', modifiers: ['absent'], text: 'Nicolai Busch Bæhrenz' }]);
    });

    it('never makes a committee, a role word or other capitalised words a person', () => {
      const people = tokens().filter((t) => t.type === 'person');
      expect(people.length).toBeGreaterThan(20);
      for (const person of people) {
        expect(person.text, `${person.line}:${person.character}`).not.toMatch(/udvalg|Udvalgsmedlem|Rådmand|Beskæftigelses|Ændringsforslaget/i);
      }
      lines.forEach((text, line) => {
        for (let from = text.indexOf('Beskæftigelses- og Socialudvalget'); from >= 0; from = text.indexOf('Beskæftigelses- og Socialudvalget', from + 1)) {
          const inside = people.filter((t) => t.line === line && t.character < from + 'Beskæftigelses- og Socialudvalget'.length && t.character + t.length > from);
          expect(inside, `line ${line}`).toEqual([]);
        }
      });
    });

    it('gives the punkt numbers, titles, case numbers and outcomes', () => {
      expect(at(tokens(), 28, '1')).toEqual([{ line: 28, character: 6, length: 1, type: 'number', modifiers: ['declaration'], text: '1' }]);
      expect(at(tokens(), 28, 'Godkendelse af dagsorden').map((t) => t.type)).toEqual(['heading']);
      expect(at(tokens(), 30, '85.02.02-P35-25-23').map((t) => t.type)).toEqual(['caseNumber']);
      const punkt5 = lines.findIndex((l) => l.startsWith('Punkt 5: B-sag: '));
      const title = tokens().filter((t) => t.line === punkt5 && t.type === 'heading');
      expect(title.map((t) => t.text)).toEqual(['Udmøntning af Budget 2025: "Styrkelse af det specialiserede velfærdsområde"']);
      expect(at(tokens(), 184, 'forkastet')).toEqual([{ line: 184, character: 28, length: 9, type: 'keyword', modifiers: ['rejected'], text: 'forkastet' }]);
      const adopted = tokens().filter((t) => t.type === 'keyword' && t.modifiers.includes('adopted'));
      const adoptedLine = lines.findIndex((l) => l.startsWith('Ændringsforslaget om at reducere tilskuddet'));
      expect(adopted.map((t) => [t.line, t.text])).toEqual([[adoptedLine, 'vedtaget']]);
    });
  });

  it('declares the attendees of seed 003, a name cut by the line break as two tokens, the absent one as absent', () => {
    const tokens = results.get(SEEDS[3])!.tokens.filter((t) => t.modifiers.includes('declaration') && t.type === 'person');
    expect(tokens.map((t) => [t.line, t.text, t.modifiers.includes('absent')])).toEqual([
      [8, 'Hans Hammann', true],
      [8, 'Linda Ann Wienand', false],
      [8, 'John', false],
      [9, 'Rosenhøj', false],
      [9, 'Marianne Hundebøll', false],
      [9, 'Leif Gjørtz Christensen', false],
      [9, 'Torben', false],
      [10, 'Sørensen', false],
      [10, 'Elvin J. Hansen', false],
    ]);
  });

  it('marks the 001-style `N. Title` items, which the grammar cannot tell from list lines', () => {
    const tokens = results.get(SEEDS[1])!.tokens;
    expect(at(tokens, 32, '1')).toEqual([{ line: 32, character: 0, length: 1, type: 'number', modifiers: ['declaration'], text: '1' }]);
    expect(tokens.filter((t) => t.line === 32 && t.type === 'heading').map((t) => t.character)).toEqual([3]);
    expect(at(tokens, 34, '00.00.00-G01-4336-15').map((t) => t.type)).toEqual(['caseNumber']);
    // `  1. 78 sager om ...` inside the item is a list line, not an item.
    expect(tokens.filter((t) => t.line === 69)).toEqual([]);
    const numbers = tokens.filter((t) => t.type === 'number').map((t) => Number(t.text));
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it.each(SEEDS)('%s: tokens are sorted, inside the document and never overlap', (seed) => {
    const { tokens } = results.get(seed)!;
    expect(tokens.length).toBeGreaterThan(10);
    expectWellFormed(tokens, readSeed(seed), legend);
  });

  it('answers a range request with the tokens of that range', async () => {
    const seed = SEEDS[2];
    const range = { start: { line: 170, character: 5 }, end: { line: 190, character: 20 } };
    const result = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri: uriOf(seed) }, range });
    const inRange = decode(result.data, legend, readSeed(seed));
    const expected = results
      .get(seed)!
      .tokens.filter((t) => (t.line > 170 || (t.line === 170 && t.character + t.length > 5)) && (t.line < 190 || (t.line === 190 && t.character < 20)));
    expect(inRange).toEqual(expected);
    expect(inRange.some((t) => t.text === 'Reza Javid')).toBe(true);
  });

  it('answers a delta request with edits that turn the previous tokens into the new ones', async () => {
    const seed = SEEDS[2];
    const uri = uriOf(seed);
    const before = await full(uri, readSeed(seed));
    const edited = readSeed(seed).replace('Udvalgsmedlem Reza Javid (Ø) stiller', 'Udvalgsmedlem Mads Thomsen (A) stiller');
    await client.replaceText(uri, edited);
    const delta = await client.request<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta', {
      textDocument: { uri },
      previousResultId: before.resultId,
    });
    expect('edits' in delta).toBe(true);
    const edits = (delta as SemanticTokensDelta).edits;
    expect(edits.length).toBe(1);
    const patched = [...before.data];
    patched.splice(edits[0].start, edits[0].deleteCount, ...(edits[0].data ?? []));
    const after = await full(uri, edited);
    expect(patched).toEqual(after.data);
    expect(edits[0].data!.length).toBeLessThan(after.data.length / 10);
    // An unknown previous result gets the full tokens.
    const unknown = await client.request<SemanticTokens>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: 'nope' });
    expect(unknown.data).toEqual(after.data);
    await client.replaceText(uri, readSeed(seed));
  });

  it('stays well formed while the text is edited at random', async () => {
    const seed = SEEDS[0];
    const uri = uriOf(seed);
    const original = linesOf(readSeed(seed));
    const edit = fc.record({
      at: fc.nat({ max: original.length - 1 }),
      kind: fc.constantFrom('delete', 'duplicate', 'cut', 'join'),
      column: fc.nat({ max: 80 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const lines = [...original];
        for (const { at: index, kind, column } of edits) {
          const i = Math.min(index, lines.length - 1);
          if (kind === 'delete') lines.splice(i, 1);
          else if (kind === 'duplicate') lines.splice(i, 0, lines[i]);
          else if (kind === 'cut') lines.splice(i, 1, lines[i].slice(0, column), lines[i].slice(column));
          else if (i + 1 < lines.length) lines.splice(i, 2, `${lines[i]} ${lines[i + 1]}`);
        }
        const text = lines.join('\n');
        await client.replaceText(uri, text);
        expectWellFormed((await full(uri, text)).tokens, text, legend);
      }),
      { numRuns: 25 },
    );
    await client.replaceText(uri, readSeed(seed));
  });

  it('gives no tokens for a document that is not a referat', async () => {
    const uri = await client.open('file:///notes/readme.txt', 'Just some notes.\nReza Javid stemmer for.\n', 'plaintext');
    const result = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(result.data).toEqual([]);
  });
});

describe('package.json contributes what the legend adds to the standard types and modifiers', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const grammar = readFileSync(path.join(REPO_ROOT, 'syntaxes/referat.tmLanguage.json'), 'utf8');
  const standardTypes: string[] = Object.values(SemanticTokenTypes);
  const standardModifiers: string[] = Object.values(SemanticTokenModifiers);

  it('declares every custom token type (with a standard super type where there is one) and modifier', () => {
    const customTypes = TOKEN_TYPES.filter((type) => !standardTypes.includes(type));
    expect(customTypes).toEqual(['person', 'heading', 'caseNumber']);
    const declared = pkg.contributes.semanticTokenTypes as { id: string; superType?: string }[];
    expect(declared.map((t) => t.id).sort()).toEqual([...customTypes].sort());
    for (const type of declared) if (type.superType) expect(standardTypes).toContain(type.superType);
    expect(declared.find((t) => t.id === 'person')?.superType).toBe('variable');
    const customModifiers = TOKEN_MODIFIERS.filter((modifier) => !standardModifiers.includes(modifier));
    expect((pkg.contributes.semanticTokenModifiers as { id: string }[]).map((m) => m.id).sort()).toEqual([...customModifiers].sort());
  });

  it('maps the tokens to TextMate scopes the grammar uses, so themes colour them as the grammar does', () => {
    const { language, scopes } = pkg.contributes.semanticTokenScopes[0] as { language: string; scopes: Record<string, string[]> };
    expect(language).toBe('referat');
    for (const type of TOKEN_TYPES.filter((t) => !standardTypes.includes(t))) expect(Object.keys(scopes)).toContain(type);
    const grammarScopes = Object.values(scopes)
      .flat()
      .flatMap((path) => path.split(' '))
      .filter((scope) => scope !== 'entity.name.person.referat');
    for (const scope of grammarScopes) expect(grammar, scope).toContain(`"${scope}"`);
  });
});

describe('encoding helpers', () => {
  const token = (line: number, character: number, length: number): SemanticToken => ({ line, character, length, type: 'person', modifiers: [] });

  it('delta-encodes positions and packs modifiers as bits', () => {
    const data = encodeSemanticTokens([
      { line: 2, character: 4, length: 3, type: 'number', modifiers: ['declaration'] },
      { line: 2, character: 10, length: 5, type: 'keyword', modifiers: ['rejected'] },
      { line: 5, character: 1, length: 2, type: 'person', modifiers: ['declaration', 'absent'] },
    ]);
    expect(data).toEqual([2, 4, 3, 1, 1, 0, 6, 5, 5, 8, 3, 1, 2, 0, 3]);
  });

  it('picks the tokens that overlap a range', () => {
    const tokens = [token(1, 0, 4), token(1, 10, 4), token(2, 0, 3), token(3, 5, 2)];
    expect(tokensInRange(tokens, { start: { line: 1, character: 4 }, end: { line: 3, character: 5 } })).toEqual([token(1, 10, 4), token(2, 0, 3)]);
    expect(tokensInRange(tokens, { start: { line: 1, character: 3 }, end: { line: 3, character: 6 } })).toEqual(tokens);
  });

  it('finds the single edit between two token arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 }), { maxLength: 40 }), fc.array(fc.nat({ max: 9 }), { maxLength: 40 }), (previous, next) => {
        const edits = editsBetween(previous, next);
        const patched = [...previous];
        for (const edit of edits) patched.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
        expect(patched).toEqual(next);
        if (previous.join() === next.join()) expect(edits).toEqual([]);
      }),
    );
  });
});
