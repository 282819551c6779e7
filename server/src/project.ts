// Where the project lives, from package.json's `repository`: the rule pages that diagnostics, SARIF
// and the README link to are under it (test/client/manifest.test.ts keeps homepage and bugs there too).
import { repository } from '../../package.json';

/** `https://github.com/<owner>/<repo>`, as `repository.url` names it (without `git+` and `.git`). */
export const REPOSITORY_URL = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** A rule's documentation page on the repository's main branch. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
