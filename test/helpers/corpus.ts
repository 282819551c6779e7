// The corpus of real minutes beside the project (../shared/corpus), read in place and never copied
// into the repository. Tests that use it skip, saying so, where it is absent.
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');
const GREVE_DIR = path.join(CORPUS_DIR, 'greve');

/** The Greve minutes (369 files, 5,549 punkter), sorted; empty when the corpus is absent. */
export const greveFiles: string[] = fs.existsSync(GREVE_DIR)
  ? fs
      .readdirSync(GREVE_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(GREVE_DIR, f))
  : [];

export const hasCorpus = greveFiles.length > 0;

/** The words a test's name gets when it is skipped for want of the corpus. */
export const CORPUS_SKIP = hasCorpus ? '' : ` (skipped: no corpus at ${CORPUS_DIR})`;
