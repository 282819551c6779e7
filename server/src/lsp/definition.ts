// textDocument/definition: from a reference to a punkt (TOC entry, `jf. punkt 5`, `punktet "..."`)
// to the punkt's heading, and from `bilag 2` to the bilag's entry.
import type { DefinitionParams, Location, LocationLink } from 'vscode-languageserver';
import { referenceAt } from '../navigation';
import type { OpenReferat } from './documents';
import { analyse } from './links';
import { clampRange } from './ranges';

export function definition(open: OpenReferat, params: DefinitionParams, linkSupport: boolean): Location[] | LocationLink[] | null {
  const ref = referenceAt(analyse(open).refs, params.position);
  if (!ref) return null;
  const { document } = open;
  const target = clampRange(document, ref.target);
  if (linkSupport) {
    const whole = ref.kind === 'bilag' ? target : clampRange(document, ref.punkt.range);
    return [{ originSelectionRange: clampRange(document, ref.range), targetUri: document.uri, targetRange: whole, targetSelectionRange: target }];
  }
  return [{ uri: document.uri, range: target }];
}
