// Where the project lives: the manifest's repository, homepage and bugs, and the rule pages that
// SARIF and the README link to, all under one base (test/release/manifest.test.ts keeps them equal).

export const REPOSITORY_URL = 'https://github.com/referat-tools/referat';

/** A rule's documentation page on the repository's main branch. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
