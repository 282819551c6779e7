// The model the server keeps while a referat is typed in (re-read only where edits touched it) is
// the model of the text the client has, whatever the edits: several in one didChange, ranges past
// the ends of lines, CRLF text, line breaks typed and taken away, reads skipped between edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from '../../server/src/lsp/documents';
import { readReferat } from '../../server/src/reader';
import { readSeed, seedFiles } from '../helpers/golden';

type Handler = (params: unknown) => void;

/** The document sync part of a connection: the cache registers its handlers here and the test calls them. */
function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const on = (name: string) => (handler: Handler) => {
    handlers.set(name, handler);
    return { dispose() {} };
  };
  const connection = {
    onDidOpenTextDocument: on('open'),
    onDidChangeTextDocument: on('change'),
    onDidCloseTextDocument: on('close'),
    onWillSaveTextDocument: on('willSave'),
    onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
    onDidSaveTextDocument: on('save'),
  };
  return { connection, send: (name: string, params: unknown) => handlers.get(name)!(params) };
}

const quiet = { error() {}, info() {} };

/** A model cache listening to a fake connection, with `text` opened as `uri`. */
function openedCache(uri: string, languageId: string, text: string) {
  const cache = new ModelCache(quiet);
  const { connection, send } = fakeConnection();
  cache.listen(connection as never);
  send('open', { textDocument: { uri, languageId, version: 1, text } });
  return { cache, send };
}
const seeds = seedFiles.map(readSeed);

const position = fc.record({ line: fc.nat({ max: 1200 }), character: fc.nat({ max: 140 }) });
const inserted = fc.oneof(
  fc.constantFrom('', 'x', ' ', '\n', '\r\n', '\n\n', 'Punkt 77: Nyt punkt\n', '\n**Beslutning**\n', 'Godkendt.', '\nMødet hævet kl. 13.00.\n', '\r', '\n# Punkt 3: Titel'),
  fc.string({ maxLength: 12 }),
);
const change = fc.record({ start: position, end: position, text: inserted }).map(({ start, end, text }) => ({ range: { start, end }, text }));

describe('incremental document sync', () => {
  it('keeps the model of the text the client has, over random edits and reads', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.array(change, { minLength: 1, maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 10 }),
        (which, crlf, steps) => {
          const uri = 'file:///work/referat.txt';
          const text = crlf ? seeds[which].replace(/\r?\n/g, '\r\n') : seeds[which];
          const { cache, send } = openedCache(uri, 'referat', text);
          expect(cache.getModel(uri)).toEqual(readReferat(text));
          let version = 1;
          for (const [changes, readNow] of steps) {
            send('change', { textDocument: { uri, version: ++version }, contentChanges: changes });
            // Not reading after every edit: the next reading must follow several edits at once.
            if (readNow) expect(cache.getModel(uri)).toEqual(readReferat(cache.documents.get(uri)!.getText()));
          }
          expect(cache.getModel(uri)).toEqual(readReferat(cache.documents.get(uri)!.getText()));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('reads only the touched lines when text is typed, lines are added and taken away, several at once', () => {
    const uri = 'file:///work/referat.txt';
    const { cache, send } = openedCache(uri, 'referat', seeds[0]);
    cache.getModel(uri);
    const at = (line: number, character: number) => ({ line, character });
    const edits = [
      [{ range: { start: at(40, 3), end: at(40, 3) }, text: 'x' }],
      [{ range: { start: at(40, 3), end: at(40, 4) }, text: '' }],
      [{ range: { start: at(60, 0), end: at(60, 0) }, text: 'Et nyt afsnit.\n\n' }],
      [{ range: { start: at(60, 0), end: at(62, 0) }, text: '' }],
      [
        { range: { start: at(300, 0), end: at(300, 0) }, text: 'a\nb\n' },
        { range: { start: at(100, 2), end: at(101, 0) }, text: '' },
      ],
    ];
    edits.forEach((contentChanges, i) => {
      send('change', { textDocument: { uri, version: i + 2 }, contentChanges });
      expect(cache.getModel(uri)).toEqual(readReferat(cache.documents.get(uri)!.getText()));
    });
    expect(cache.readings).toEqual({ whole: 1, partial: edits.length });
  });

  it('looks again at the first lines of a text file known as a referat only by them', () => {
    const uri = 'file:///work/noter.txt';
    const text = seeds[0];
    const { cache, send } = openedCache(uri, 'plaintext', text);
    expect(cache.getModel(uri)).toBeDefined();
    // The minutes give way to a shopping list: the text no longer reads as a referat.
    const lines = text.split('\n').length;
    send('change', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, text: 'Noter\n\n1. Mælk\n2. Brød\n' }],
    });
    expect(cache.getModel(uri)).toBeUndefined();
  });

  it('lets go of the models of the documents asked about first, and reads them back as they are', () => {
    const { cache, send } = openedCache('file:///work/0.referat.txt', 'referat', seeds[0]);
    const texts = Array.from({ length: 20 }, (_, i) => seeds[i % seeds.length]);
    texts.forEach((text, i) => {
      if (i > 0) send('open', { textDocument: { uri: `file:///work/${i}.referat.txt`, languageId: 'referat', version: 1, text } });
      cache.getModel(`file:///work/${i}.referat.txt`);
    });
    expect(cache.readings.whole).toBe(20);
    // Twelve models are kept: the last document's is still there, the second's is read again.
    cache.getModel('file:///work/19.referat.txt');
    expect(cache.readings.whole).toBe(20);
    expect(cache.getModel('file:///work/1.referat.txt')).toEqual(readReferat(texts[1]));
    expect(cache.readings.whole).toBe(21);
    // An edit to a document whose model was let go applies to its text as it is.
    const edit = { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Tilføjet linje\n' };
    send('change', { textDocument: { uri: 'file:///work/2.referat.txt', version: 2 }, contentChanges: [edit] });
    const lines = texts[2].split('\n');
    lines.splice(3, 0, 'Tilføjet linje');
    expect(cache.documents.get('file:///work/2.referat.txt')!.getText()).toBe(lines.join('\n'));
    expect(cache.getModel('file:///work/2.referat.txt')).toEqual(readReferat(lines.join('\n')));
  });

  describe('versions that do not go up (issue 18, item 7): every change applied in order, and logged', () => {
    const uri = 'file:///work/referat.txt';
    const at = (line: number, character: number) => ({ line, character });
    // Seed 002 with a punkt added, a line typed into, and a heading taken away: each lands on the text the one before made.
    const edits = [
      [{ range: { start: at(20, 0), end: at(20, 0) }, text: 'Punkt 98: Tilføjet af den første ændring\n\nBeslutning\nGodkendt.\n\n' }],
      [{ range: { start: at(22, 0), end: at(22, 0) }, text: 'Anden ændring: ' }],
      [{ range: { start: at(20, 0), end: at(20, 9) }, text: 'Punkt 99:' }],
    ];
    for (const versions of [
      [1, 1, 1],
      [0, 0, 0],
      [5, 6, 3],
    ]) {
      it(`versions ${versions.join(', ')} after opening at 1`, () => {
        const logged: string[] = [];
        const cache = new ModelCache({ error: (m) => logged.push(m), info: (m) => logged.push(m) });
        const { connection, send } = fakeConnection();
        cache.listen(connection as never);
        send('open', { textDocument: { uri, languageId: 'referat', version: 1, text: seeds[2] } });
        let client = TextDocument.create(uri, 'referat', 1, seeds[2]);
        expect(cache.getModel(uri)).toEqual(readReferat(seeds[2]));
        edits.forEach((contentChanges, i) => {
          send('change', { textDocument: { uri, version: versions[i] }, contentChanges });
          client = TextDocument.update(client, contentChanges, versions[i]);
          expect(cache.documents.get(uri)!.getText()).toBe(client.getText());
          expect(cache.documents.get(uri)!.version).toBe(versions[i]);
          // Read after each change: a model cached for the same version number is not the model of the new text.
          expect(cache.getModel(uri)).toEqual(readReferat(client.getText()));
        });
        expect(client.getText()).toContain('Punkt 99: Tilføjet af den første ændring\n\nAnden ændring: Beslutning');
        const previous = [1, ...versions];
        const outOfOrder = versions.flatMap((v, i) => (v <= previous[i] ? [`${uri}: version ${v} after ${previous[i]}, applied in the order received`] : []));
        expect(logged).toEqual(outOfOrder.map((m) => `textDocument/didChange: ${m}.`));
      });
    }
  });
});
