// referat.config.json's text to a configuration: parsed with positions so that every problem in
// it can be shown where it is, and checked against the published schema. Finding and reading the
// file is the host's (host/configFile.ts).
import type { ValidateFunction } from 'ajv';
import { type Node, type ParseError, createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import schema from '../../../schemas/referat.config.schema.json';
import type { Localized } from '../rules/types';
import type { ReferatConfig } from './types';

export const CONFIG_FILE = 'referat.config.json';

export interface ConfigProblem {
  message: Localized;
  /** Offsets into the config text. */
  offset: number;
  length: number;
}

export interface LoadedConfig {
  config: ReferatConfig;
  file: string | null;
  problems: ConfigProblem[];
}

// Compiled on first use: most runs (outline, lint without a config) never need it, and compiling costs.
// validateSchema: false, for checking our own fixed schema against the JSON Schema meta-schema on
// every run took almost half the time; optimize: false, for the optimising passes took much of the
// rest and a configuration is checked only a few times. The errors are the same either way.
let compiled: ValidateFunction<ReferatConfig> | null = null;
function validator(): ValidateFunction<ReferatConfig> {
  if (!compiled) {
    // Ajv itself is loaded only then too: loading it is a good part of the CLI's start.
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    compiled = new Ajv({ allErrors: true, strict: false, validateSchema: false, code: { optimize: false } }).compile<ReferatConfig>(schema);
  }
  return compiled;
}

/**
 * Deeper than this, a configuration is not one (the schema goes five deep), and the parser, which
 * recurses, would run out of stack on it.
 */
export const MAX_NESTING = 100;

// jsonc-parser's SyntaxKind, a const enum that isolated modules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** The problem of objects and arrays nested deeper than MAX_NESTING, at the first that is; found with the scanner, which does not recurse. */
function nestingProblem(text: string): ConfigProblem | null {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > MAX_NESTING) {
        return {
          message: {
            en: `Nested more than ${MAX_NESTING} deep: this is not a referat configuration`,
            da: `Indlejret mere end ${MAX_NESTING} niveauer: dette er ikke en referat-konfiguration`,
          },
          offset: scanner.getTokenOffset(),
          length: 1,
        };
      }
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return null;
}

/** Parses and checks a configuration. With problems, `config` is what could be read, or `{}`. */
export function parseConfig(text: string, file: string | null = null): LoadedConfig {
  const tooDeep = nestingProblem(text);
  if (tooDeep) return { config: {}, file, problems: [tooDeep] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: { en: `Invalid JSON: ${printParseErrorCode(e.error)}`, da: `Ugyldig JSON: ${printParseErrorCode(e.error)}` },
    offset: e.offset,
    length: Math.max(e.length, 1),
  }));
  if (problems.length || !tree) return { config: {}, file, problems: problems.length ? problems : [emptyProblem()] };
  const value: unknown = getNodeValue(tree);
  const validate = validator();
  if (validate(value)) return { config: value, file, problems: [] };
  for (const e of validate.errors ?? []) {
    const at = nodeAt(tree, e.instancePath);
    const where = e.instancePath || '/';
    const detail = e.message ?? 'is not valid';
    const allowed = e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : '';
    const extra = e.params && 'additionalProperty' in e.params ? ` "${e.params.additionalProperty}"` : '';
    problems.push({
      message: { en: `${where} ${detail}${extra}${allowed}`, da: `${where}: ${detail}${extra}${allowed} (se referat.config.schema.json)` },
      offset: at.offset,
      length: at.length,
    });
  }
  // One wrong value under `anyOf` fails every branch: say it once, at its place.
  const seen = new Set<string>();
  const unique = problems.filter((p) => !seen.has(`${p.offset}:${p.length}`) && seen.add(`${p.offset}:${p.length}`));
  return { config: {}, file, problems: unique };
}

function emptyProblem(): ConfigProblem {
  return { message: { en: 'The file is empty: expected a JSON object', da: 'Filen er tom: der skal stå et JSON-objekt' }, offset: 0, length: 0 };
}

function nodeAt(tree: Node, pointer: string): { offset: number; length: number } {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = findNodeAtLocation(tree, segments) ?? tree;
  // For a property, point at its key: that is what people look for.
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return key ? { offset: key.offset, length: key.length } : { offset: node.offset, length: node.length };
}
