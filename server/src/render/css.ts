// The page's style. One layout (BASE) over a small set of --r-* colour variables, which come from
// VS Code's theme in the webview (its --vscode-* variables and body classes vscode-light,
// vscode-dark, vscode-high-contrast) and from the page's own light/dark/high-contrast palettes,
// prefers-color-scheme and print rules when the page stands alone.

const BASE = `
*, *::before, *::after { box-sizing: border-box; }
html { scroll-padding-top: 4.5em; }
body { margin: 0; padding: 0 1.5em 3em; color: var(--r-fg); background: var(--r-bg); font-family: var(--r-font);
  font-size: var(--r-font-size); line-height: 1.55; overflow-wrap: anywhere; }
#referat-root { max-width: 62em; margin: 0 auto; }
a { color: var(--r-link); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--r-focus); outline-offset: 2px; }
.skip { position: absolute; left: -999em; }
.skip:focus { left: 1em; top: .5em; z-index: 10; background: var(--r-bg); padding: .2em .5em; }
.card { background: var(--r-card); border: 1px solid var(--r-border); border-radius: 6px; padding: .9em 1.2em; margin: 1.2em 0; }
.meeting h1 { font-size: 1.45em; line-height: 1.3; margin: 0 0 .6em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3em 1.2em; margin: 0; }
.fact { display: contents; }
.facts dt { color: var(--r-muted); font-weight: 600; }
.facts dd { margin: 0; }
.attendees { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3em .5em; }
.attendee { border: 1px solid var(--r-border); border-radius: 1em; padding: 0 .6em; }
.attendee.absent { color: var(--r-muted); text-decoration: line-through; text-decoration-color: var(--r-against); }
.absent-mark { font-size: .85em; margin-left: .3em; text-decoration: none; display: inline-block; }
.badge, .party { display: inline-block; border-radius: .7em; padding: 0 .55em; font-size: .8em; font-weight: 600;
  line-height: 1.6; vertical-align: .1em; background: var(--r-badge-bg); color: var(--r-badge-fg); border: 1px solid transparent; }
.party { margin-left: .35em; padding: 0 .4em; font-size: .75em; background: var(--r-chip-bg); color: var(--r-fg); border-color: var(--r-border); }
.badge.access { background: transparent; color: var(--r-muted); border-color: var(--r-border); }
.badge.outcome-vedtaget { background: var(--r-for); color: var(--r-on-status); }
.badge.outcome-forkastet { background: var(--r-against); color: var(--r-on-status); }
.badge.outcome-none { background: transparent; color: var(--r-muted); border-color: var(--r-border); }
.problems { margin-top: .8em; }
.problems summary { cursor: pointer; font-weight: 600; }
.problems ol { margin: .4em 0 0; padding-left: 1.6em; }
.toc h2, .category { font-size: 1.1em; margin: 0 0 .5em; }
.toc-list { list-style: none; margin: 0; padding: 0; }
.toc-entry { display: flex; gap: .6em; align-items: baseline; padding: .12em .3em; border-radius: 3px; }
.toc-entry a { flex: 1; text-decoration: none; color: var(--r-fg); }
.toc-entry a:hover .toc-title { text-decoration: underline; }
.toc-number { display: inline-block; min-width: 2em; color: var(--r-muted); font-variant-numeric: tabular-nums; }
.toc-page { color: var(--r-muted); font-size: .85em; white-space: nowrap; }
.toc-group { color: var(--r-muted); font-weight: 600; margin-top: .5em; }
.toc-entry.mismatch, .toc-entry.missing, .toc-entry.orphan { box-shadow: inset 3px 0 0 var(--r-warning); background: var(--r-warning-bg); }
.toc-note { display: block; font-size: .85em; color: var(--r-warning-text); }
.toc-entry.mismatch .toc-body, .toc-entry.missing .toc-body, .toc-entry.orphan .toc-body { flex: 1; }
.category { margin: 2em 0 .5em; color: var(--r-muted); text-transform: uppercase; letter-spacing: .03em; }
section.punkt { margin: 2.2em 0; border-top: 2px solid var(--r-border); }
.punkt-head { position: sticky; top: 0; z-index: 2; background: var(--r-bg); padding: .6em 0 .5em; border-bottom: 1px solid var(--r-border); }
.punkt-line { display: flex; flex-wrap: wrap; gap: .5em; align-items: baseline; }
.punkt-number { font-weight: 700; color: var(--r-accent); white-space: nowrap; }
.punkt-title { font-size: 1.2em; margin: 0; flex: 1 1 20em; line-height: 1.35; }
.punkt-meta { display: flex; flex-wrap: wrap; gap: .5em; margin-top: .25em; font-size: .9em; color: var(--r-muted); }
.case-number { font-family: var(--r-mono); }
.part { margin: 1em 0; }
.part-title { font-size: 1.02em; margin: 1.2em 0 .4em; color: var(--r-accent); }
.part.kind-beslutning { border-left: 3px solid var(--r-accent); padding-left: .9em; }
.subheading { font-size: 1em; margin: 1em 0 .3em; }
p { margin: .45em 0; }
ul, ol { margin: .45em 0; padding-left: 1.6em; }
blockquote { margin: .6em 0; padding: .3em .9em; background: var(--r-quote-bg); border-left: 3px solid var(--r-quote-border); }
.text-table, .vote { border-collapse: collapse; margin: .7em 0; font-size: .92em; }
.text-table td { border: 1px solid var(--r-border); padding: .15em .5em; vertical-align: top; }
.vote { width: 100%; table-layout: fixed; border: 1px solid var(--r-border); }
.vote caption { text-align: left; font-weight: 600; padding: .3em 0; caption-side: top; }
.vote th, .vote td { border: 1px solid var(--r-border); padding: .25em .5em; text-align: left; vertical-align: top; }
.vote th { font-weight: 600; }
.vote .count { float: right; font-variant-numeric: tabular-nums; font-size: 1.1em; }
.vote th.side-for { box-shadow: inset 0 3px 0 var(--r-for); }
.vote th.side-against { box-shadow: inset 0 3px 0 var(--r-against); }
.vote th.side-abstain { box-shadow: inset 0 3px 0 var(--r-abstain); }
.vote th.side-absent { box-shadow: inset 0 3px 0 var(--r-muted); }
.vote td.side-absent { color: var(--r-muted); }
.vote .parties { display: block; font-weight: normal; }
.proposers { font-weight: normal; color: var(--r-muted); margin-left: .4em; }
.finding { display: flex; gap: .5em; align-items: baseline; margin: .35em 0; padding: .25em .6em; border-radius: 4px;
  border-left: 3px solid var(--r-sev); background: var(--r-sev-bg); font-size: .9em; }
.finding.sev-error { --r-sev: var(--r-error); --r-sev-bg: var(--r-error-bg); }
.finding.sev-warning { --r-sev: var(--r-warning); --r-sev-bg: var(--r-warning-bg); }
.finding.sev-info { --r-sev: var(--r-info); --r-sev-bg: var(--r-info-bg); }
.finding-icon { color: var(--r-sev); font-weight: 700; }
.finding-rule, .finding-line { color: var(--r-muted); font-size: .85em; white-space: nowrap; }
.finding-message { flex: 1; }
.empty { color: var(--r-muted); font-style: italic; }
`;

/** Colours from VS Code's theme; the body classes it sets pick the tints and the high-contrast borders. */
const WEBVIEW = `
:root {
  --r-fg: var(--vscode-editor-foreground); --r-bg: var(--vscode-editor-background);
  --r-font: var(--vscode-font-family); --r-font-size: var(--vscode-font-size, 13px);
  --r-mono: var(--vscode-editor-font-family, monospace);
  --r-muted: var(--vscode-descriptionForeground); --r-border: var(--vscode-panel-border, rgba(128,128,128,.35));
  --r-card: var(--vscode-editorWidget-background, transparent); --r-link: var(--vscode-textLink-foreground);
  --r-focus: var(--vscode-focusBorder); --r-accent: var(--vscode-textLink-foreground);
  --r-badge-bg: var(--vscode-badge-background); --r-badge-fg: var(--vscode-badge-foreground);
  --r-chip-bg: transparent;
  --r-quote-bg: var(--vscode-textBlockQuote-background); --r-quote-border: var(--vscode-textBlockQuote-border);
  --r-for: var(--vscode-charts-green, #388a34); --r-against: var(--vscode-charts-red, #e51400);
  --r-abstain: var(--vscode-charts-yellow, #bf8803); --r-on-status: var(--vscode-editor-background);
  --r-error: var(--vscode-editorError-foreground); --r-warning: var(--vscode-editorWarning-foreground);
  --r-info: var(--vscode-editorInfo-foreground); --r-warning-text: var(--vscode-editorWarning-foreground);
  --r-error-bg: color-mix(in srgb, var(--r-error) 12%, transparent);
  --r-warning-bg: color-mix(in srgb, var(--r-warning) 12%, transparent);
  --r-info-bg: color-mix(in srgb, var(--r-info) 10%, transparent);
}
body.vscode-light { --r-chip-bg: rgba(0,0,0,.04); }
body.vscode-light .card { box-shadow: 0 1px 3px rgba(0,0,0,.08); }
body.vscode-dark { --r-chip-bg: rgba(255,255,255,.06); }
body.vscode-dark .badge.outcome-vedtaget, body.vscode-dark .badge.outcome-forkastet { color: #000; }
body.vscode-high-contrast, body.vscode-high-contrast-light {
  --r-border: var(--vscode-contrastBorder); --r-card: transparent; --r-chip-bg: transparent;
  --r-error-bg: transparent; --r-warning-bg: transparent; --r-info-bg: transparent;
  --r-quote-bg: transparent; --r-badge-bg: transparent; --r-badge-fg: var(--vscode-editor-foreground);
  --r-on-status: var(--vscode-editor-foreground); --r-warning-text: var(--vscode-editor-foreground);
}
body.vscode-high-contrast .badge, body.vscode-high-contrast-light .badge { border-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast .badge.outcome-vedtaget, body.vscode-high-contrast .badge.outcome-forkastet,
body.vscode-high-contrast-light .badge.outcome-vedtaget, body.vscode-high-contrast-light .badge.outcome-forkastet {
  background: transparent; border-width: 2px; border-color: var(--vscode-contrastActiveBorder, var(--vscode-contrastBorder)); }
body.vscode-high-contrast .finding, body.vscode-high-contrast-light .finding { border: 1px solid var(--r-sev); border-left-width: 3px; }
body.vscode-high-contrast .punkt-head, body.vscode-high-contrast-light .punkt-head { border-bottom-color: var(--vscode-contrastBorder); }
`;

const LIGHT = `
  --r-fg: #1f2328; --r-bg: #ffffff; --r-muted: #59636e; --r-border: #d1d9e0; --r-card: #f6f8fa;
  --r-link: #0969da; --r-focus: #0969da; --r-accent: #0b5cad; --r-badge-bg: #0b5cad; --r-badge-fg: #ffffff;
  --r-chip-bg: #ffffff; --r-quote-bg: #f6f8fa; --r-quote-border: #afb8c1;
  --r-for: #1a7f37; --r-against: #cf222e; --r-abstain: #9a6700; --r-on-status: #ffffff;
  --r-error: #cf222e; --r-warning: #9a6700; --r-info: #0969da; --r-warning-text: #7d4e00;
  --r-error-bg: #ffebe9; --r-warning-bg: #fff8c5; --r-info-bg: #ddf4ff;`;

const DARK = `
  --r-fg: #e6edf3; --r-bg: #0d1117; --r-muted: #9198a1; --r-border: #3d444d; --r-card: #151b23;
  --r-link: #4493f8; --r-focus: #4493f8; --r-accent: #6cb6ff; --r-badge-bg: #1f6feb; --r-badge-fg: #ffffff;
  --r-chip-bg: #0d1117; --r-quote-bg: #151b23; --r-quote-border: #3d444d;
  --r-for: #3fb950; --r-against: #f85149; --r-abstain: #d29922; --r-on-status: #0d1117;
  --r-error: #f85149; --r-warning: #d29922; --r-info: #4493f8; --r-warning-text: #e3b341;
  --r-error-bg: #25171c; --r-warning-bg: #272115; --r-info-bg: #121d2f;`;

const HIGH_CONTRAST = `
  --r-fg: #ffffff; --r-bg: #000000; --r-muted: #ffffff; --r-border: #ffffff; --r-card: #000000;
  --r-link: #ffff00; --r-focus: #00ffff; --r-accent: #00ffff; --r-badge-bg: #000000; --r-badge-fg: #ffffff;
  --r-chip-bg: #000000; --r-quote-bg: #000000; --r-quote-border: #ffffff;
  --r-for: #00ff00; --r-against: #ff6b6b; --r-abstain: #ffff00; --r-on-status: #000000;
  --r-error: #ff6b6b; --r-warning: #ffff00; --r-info: #00ffff; --r-warning-text: #ffff00;
  --r-error-bg: #000000; --r-warning-bg: #000000; --r-info-bg: #000000;`;

/** The page's own palettes: light by default, dark by preference or choice, high contrast by choice or forced colours. */
const STANDALONE = `
:root { color-scheme: light dark; --r-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --r-font-size: 15px; --r-mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;${LIGHT} }
@media (prefers-color-scheme: dark) { :root:not(.theme-light):not(.theme-high-contrast) {${DARK} } }
:root.theme-light { color-scheme: light; }
:root.theme-dark { color-scheme: dark;${DARK} }
:root.theme-high-contrast { color-scheme: dark;${HIGH_CONTRAST} }
:root.theme-high-contrast .badge, :root.theme-high-contrast .finding { border: 1px solid var(--r-border); }
@media (forced-colors: active) {
  .badge, .party, .finding, .attendee { border: 1px solid CanvasText; }
  .toc-entry.mismatch, .toc-entry.missing, .toc-entry.orphan { border-left: 3px solid Highlight; }
}
@media print {
  :root { color-scheme: light;${LIGHT} --r-font-size: 11pt; }
  body { padding: 0; background: #fff; }
  .punkt-head, .toc, .meeting { position: static !important; }
  .skip, .problems summary::marker { display: none; }
  section.punkt { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  .punkt-head, .part-title, .subheading, .vote caption { break-after: avoid; page-break-after: avoid; }
  .vote, .finding, blockquote, tr { break-inside: avoid; page-break-inside: avoid; }
  .card { box-shadow: none; background: #fff; }
  a { color: inherit; text-decoration: none; }
  a.external::after { content: " (" attr(href) ")"; font-size: .85em; color: #59636e; }
}
`;

export function css(standalone: boolean): string {
  return (standalone ? STANDALONE : WEBVIEW) + BASE;
}
