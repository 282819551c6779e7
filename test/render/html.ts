// Reading rendered pages the way a browser does (parse5 is the WHATWG HTML parser), for the tests.
import { type DefaultTreeAdapterMap, parse } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export function parseHtml(html: string): Node {
  return parse(html);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): Node[] {
  const own = 'childNodes' in node ? (node.childNodes as Node[]) : [];
  // <template> keeps its children in `content`.
  return isElement(node) && node.tagName === 'template' ? [...own, ...((node as unknown as { content: { childNodes: Node[] } }).content.childNodes ?? [])] : own;
}

/** Every element under `root`, in document order. */
export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) out.push(node);
    for (const c of children(node)) walk(c);
  };
  walk(root);
  return out;
}

export function attrOf(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, cls: string): boolean {
  return (attrOf(el, 'class') ?? '').split(/\s+/).includes(cls);
}

/** The text of a node as the browser's textContent gives it. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return children(node).map(textOf).join('');
}

export function select(root: Node, predicate: (el: Element) => boolean): Element[] {
  return elements(root).filter(predicate);
}

/** The elements a rendered page may contain: none of them runs code, loads anything or navigates by itself. */
export const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'title',
  'style',
  'div',
  'header',
  'main',
  'nav',
  'section',
  'details',
  'summary',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'span',
  'strong',
  'code',
  'a',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

/** Everything in the page that could run code or fetch something: should be an empty list. */
export function unsafeParts(root: Node, { script = false }: { script?: boolean } = {}): string[] {
  const problems: string[] = [];
  let styles = 0;
  let scripts = 0;
  for (const el of elements(root)) {
    if (el.tagName === 'style') styles++;
    if (el.tagName === 'script' && script) scripts++;
    else if (!ALLOWED_TAGS.has(el.tagName)) problems.push(`<${el.tagName}> element`);
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) problems.push(`${a.name} attribute on <${el.tagName}>`);
      if (['src', 'srcset', 'data', 'action', 'formaction', 'background', 'poster', 'xlink:href'].includes(a.name)) problems.push(`${a.name} attribute on <${el.tagName}>`);
      if (a.name === 'style') problems.push(`style attribute on <${el.tagName}>`);
      if (a.name === 'href' && !/^#[\w-]+$/.test(a.value) && !/^https:\/\//.test(a.value)) problems.push(`href="${a.value}"`);
      if (a.name === 'http-equiv' && a.value.toLowerCase() !== 'content-security-policy') problems.push(`http-equiv="${a.value}"`);
    }
  }
  if (styles !== 1) problems.push(`${styles} <style> elements`);
  if (script && scripts > 1) problems.push(`${scripts} <script> elements`);
  return problems;
}
