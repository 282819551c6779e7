// `referat lint DIR` and the server's workspace scan walk folders with one walker (host/folders.ts):
// they skip the same folders, follow the same symlinks, stop at loops and find each referat once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTargets } from '../../server/src/cli/collect';
import { isReferatFile } from '../../server/src/files';
import { FileFinder } from '../../server/src/host/folders';
import { ModelCache } from '../../server/src/lsp/documents';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { referatText } from '../archive/helpers';

const quiet = { error() {}, info() {} };

const meeting = (title: string) =>
  referatText({ committee: 'Økonomiudvalget', date: '02-02-2026', present: ['Anna Hansen'], punkter: [{ number: 1, title, decision: ['Godkendt.'] }] });

describe('the CLI and the server walk folders alike', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-walk-')));
    root = path.join(base, 'workspace');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
      fs.writeFileSync(path.join(base, file), text);
    };
    write('workspace/top.referat.txt', meeting('Budget'));
    write('workspace/nested/deep/inner.referat', meeting('Anlæg'));
    write('workspace/nested/meeting.txt', meeting('Skoler'));
    write('workspace/nested/notes.txt', 'Indkøbsliste\n\nMælk\nBrød\n');
    write('workspace/node_modules/pkg/x.referat', meeting('Afhængighed'));
    write('workspace/.git/y.referat', meeting('Skjult'));
    write('elsewhere/outside.referat', meeting('Udenfor'));
    // A folder outside the workspace, a second way into a folder inside it, a loop and a second name for a file.
    fs.symlinkSync(path.join(base, 'elsewhere'), path.join(root, 'archive'));
    fs.symlinkSync('nested', path.join(root, 'z-nested'));
    fs.symlinkSync('../..', path.join(root, 'nested/deep/loop'));
    fs.symlinkSync('top.referat.txt', path.join(root, 'z-top.referat.txt'));
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const expected = ['archive/outside.referat', 'nested/deep/inner.referat', 'nested/meeting.txt', 'top.referat.txt'];

  it('finds the same referater, each once', async () => {
    // The CLI: the files it finds, kept as `referat lint` keeps them (named ones, and others that read as a referat).
    const collected = await collectTargets([root]);
    const cli = collected.targets
      .filter((target) => target.explicit || isReferatFile(path.basename(target.file), fs.readFileSync(target.file, 'utf8')))
      .map((target) => path.relative(root, target.file));
    expect(cli).toEqual(expected);
    expect(collected.problems).toEqual([{ file: path.join(root, 'nested/deep/loop'), code: 'loop-to', detail: root }]);

    const index = new WorkspaceIndex(new ModelCache(quiet), quiet);
    await index.addRoots([root]);
    const server = index
      .closed()
      .map((referat) => path.relative(root, fileURLToPath(referat.uri)))
      .sort();
    expect(server).toEqual(expected);
  });

  it('stops at the limits it is given, and walks without them when given none', () => {
    const deep = new FileFinder({ maxDepth: 1, maxDirectoryEntries: 1000, maxFiles: 1000 });
    deep.walk(root);
    expect(deep.files().map((found) => path.relative(root, found.file))).toEqual(['archive/outside.referat', 'nested/meeting.txt', 'nested/notes.txt', 'top.referat.txt']);
    expect(deep.limited).toBe(false);

    const few = new FileFinder({ maxDepth: 12, maxDirectoryEntries: 1000, maxFiles: 2 });
    few.walk(root);
    expect(few.files()).toHaveLength(2);
    expect(few.limited).toBe(true);

    const all = new FileFinder();
    all.walk(root);
    expect(all.files()).toHaveLength(5);
    expect(all.limited).toBe(false);
  });
});
