// Entry point of the extension tests: VS Code's extension host (desktop via @vscode/test-electron,
// or code-server through the workbench URL payload) loads this file and awaits run().
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.spec.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
