// node scripts/model-hashes.mjs DIR... > hashes.txt
// One line per referat (.txt or .md under the folders) and per variant of it: its path, a hash of
// the model the reader makes of it and a hash of the findings of every rule (with the membership
// config of test/fixtures). The variants are the text as it is and, for texts under 300 KB, with
// CRLF line breaks and three mutations (lines dropped, doubled blank, wrapped in `**`, made headings,
// given a trailing comment or odd white space, cut short), from a fixed seed. Run it on two
// checkouts and diff the outputs: a change meant to be invisible (a faster reader) must give the
// same lines. It bundles the reader and rules of the checkout it lives in (esbuild) and runs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: node scripts/model-hashes.mjs DIR... > hashes.txt\n');
  process.exit(2);
}

const entry = `
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { readReferat } from ${JSON.stringify(path.join(root, 'server/src/reader'))};
import { lint } from ${JSON.stringify(path.join(root, 'server/src/rules'))};
import { parseConfig } from ${JSON.stringify(path.join(root, 'server/src/config/load'))};

const configPath = ${JSON.stringify(path.join(root, 'test/fixtures/membership/referat.config.json'))};
const config = parseConfig(fs.readFileSync(configPath, 'utf8'), configPath).config;
const hash = (text) => crypto.createHash('sha1').update(text).digest('hex').slice(0, 12);
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\\.(txt|md)$/.test(e.name)) files.push(p);
  }
};
for (const dir of process.argv.slice(2)) walk(dir);
let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const out = [];
for (const file of files.sort()) {
  const text = fs.readFileSync(file, 'utf8');
  const variants = [text];
  if (text.length < 300_000) {
    variants.push(text.replace(/\\n/g, '\\r\\n'));
    const lines = text.split('\\n');
    for (let k = 0; k < 3; k++) {
      const m = lines.slice();
      for (let j = 0; j < 8; j++) {
        const i = Math.floor(random() * m.length);
        const r = random();
        if (r < 0.2) m.splice(i, 1);
        else if (r < 0.4) m[i] = '**' + m[i] + '**';
        else if (r < 0.55) m[i] = '## ' + m[i];
        else if (r < 0.65) m[i] = '  ' + m[i] + ' <!-- x -->';
        else if (r < 0.75) m[i] = '\\u00a0' + m[i] + '\\t';
        else if (r < 0.85) m.splice(i, 0, '');
        else m[i] = m[i].slice(0, Math.floor(random() * m[i].length));
      }
      variants.push(m.join(random() < 0.3 ? '\\r\\n' : '\\n'));
    }
  }
  variants.forEach((variant, k) => {
    const model = readReferat(variant);
    out.push(path.relative(process.cwd(), file) + '#' + k + ' ' + hash(JSON.stringify(model)) + ' ' + hash(JSON.stringify(lint(model, variant, { config }))));
  });
}
process.stdout.write(out.join('\\n') + '\\n');
`;

const bundle = path.join(os.tmpdir(), `referat-model-hashes-${process.pid}.cjs`);
await esbuild.build({
  stdin: { contents: entry, resolveDir: root, sourcefile: 'model-hashes-entry.ts', loader: 'ts' },
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [bundle, ...dirs], { stdio: 'inherit' });
fs.rmSync(bundle, { force: true });
process.exit(run.status ?? 1);
